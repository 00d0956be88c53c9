/**
 * What `npm run bench` needs to know about each `bench:*` script beyond its command: whether it needs
 * MongoDB-wire and Temporal servers from `mrv services run` (the others start their own or need none),
 * whether it needs Chromium, and the smaller sizes `BENCH_QUICK=1` runs it with. A `bench:*` script
 * missing here still runs, with the defaults, and the results say it was unplanned.
 */
export interface BenchPlan {
  /** Wrap in `mrv services run` (throw-away servers unless MONGODB_URI / TEMPORAL_ADDRESS are set). */
  services?: boolean;
  /** Needs Chromium (installed by its script): runs only with BENCH_CHROMIUM=1. */
  chromium?: boolean;
  /** Environment for a quick run (BENCH_QUICK=1): sizes a loaded 2-core machine finishes in about a minute. */
  quickEnv?: Record<string, string>;
  /** Extra arguments for a quick run. */
  quickArgs?: string[];
}

export const benchPlans: Record<string, BenchPlan> = {
  verify: { quickEnv: { BENCH_DAYS: '20', BENCH_ROUNDS: '1' } },
  policy: { quickEnv: { BENCH_RUNS: '5' } },
  vc: { quickEnv: { ITERATIONS: '20' } },
  logging: { quickEnv: { BENCH_LINES: '20000' } },
  chain: { quickEnv: { DAYS: '2' } },
  api: { services: true, quickEnv: { BENCH_RATE: '100', BENCH_DURATION_S: '3', BENCH_CONNECTIONS: '10' } },
  ledger: { services: true, quickArgs: ['--anchors', '50', '--mints', '10'] },
  mtls: { services: true, quickEnv: { BENCH_REQUESTS: '50', BENCH_HANDSHAKE_S: '1', BENCH_PARALLEL: '2' } },
  sdk: { services: true, quickEnv: { BENCH_SIGN_N: '300', BENCH_SUBMIT_N: '20' } },
  // These two start their own throw-away servers.
  pipeline: { quickEnv: { BENCH_DEVICES: '2', BENCH_READINGS: '100', BENCH_CONNECTIONS: '10' } },
  edge: { quickEnv: { BENCH_EDGE_DEVICES: '1', BENCH_EDGE_DAYS: '1' } },
  // Its npm script installs Chromium, builds the console and wraps itself in `mrv services run`.
  console: { chromium: true, quickEnv: { BENCH_FLAGGED: '200' } },
};
