/**
 * `npm run bench:edge`: the edge agent's throughput and footprint. Prints JSON on stdout.
 *
 * 1. build: 10 devices × 7 days of 1-minute intervals (≈100,800 documents) built from register and
 *    instant samples of the engine's plant model, signed (engine/telemetry) and committed to the
 *    durable buffer (one synchronous transaction per interval, as the agent does): documents/s,
 *    buffer bytes per document, agent RSS with the full buffer.
 * 2. drain: the full buffer delivered to the live API (mutual TLS, FerretDB, Temporal, and the
 *    worker verifying as it goes) in batches of 500 by the shipped binary (`mrv-edge run`), whose
 *    RSS with the full buffer and peak RSS are the agent's figures (the builder runs under tsx,
 *    whose loader alone adds ~35 MB, so its RSS is reported apart).
 *
 * Options (env): BENCH_EDGE_DEVICES (10), BENCH_EDGE_DAYS (7), BENCH_EDGE_BATCH (500),
 * BENCH_EDGE_NODE_OPTIONS (default: the NODE_OPTIONS of the systemd unit edge/install.sh writes).
 */
import { execFileSync, spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { edgePaths } from '../edge/cli/edge-paths.ts';
import { keygenCommand } from '../edge/cli/keygen-command.ts';
import { pairCommand, parsePairingInput } from '../edge/cli/pair-command.ts';
import { startThrowawayServices } from '../stack/test-services.ts';
import { startEdgeStack } from '../test/edge/support/edge-stack.ts';
import { installTemporalRuntime } from '../workflows/temporal-runtime.ts';

const devices = Number(process.env.BENCH_EDGE_DEVICES ?? 10);
const days = Number(process.env.BENCH_EDGE_DAYS ?? 7);
const batch = Number(process.env.BENCH_EDGE_BATCH ?? 500);
const agentNodeOptions = process.env.BENCH_EDGE_NODE_OPTIONS ?? shippedNodeOptions();

installTemporalRuntime(undefined, 'ERROR');
const servers = await startThrowawayServices();
Object.assign(process.env, servers.env);
const stack = await startEdgeStack('bench_edge');
try {
  const dataDir = mkdtempSync(join(tmpdir(), 'bench-edge-'));
  const paths = edgePaths(dataDir);
  const dids = keygenCommand({ paths, count: devices });
  const created = await stack.createGateway(
    'bench',
    dids.map((did, i) => ({
      did,
      ref: `d${i}`,
      scope: i % 2 === 0 ? 'U1' : 'U2',
      sources: [
        {
          template: 'mrv-synthetic-plant',
          connection: { protocol: 'modbus-tcp', host: '127.0.0.1', unit_id: 1 },
        },
      ],
    })),
  );
  // Paired as docs/edge.md says: the agent then drains over mutual TLS with its certificate.
  await pairCommand({ pairing: parsePairingInput(created.payload), paths, serverCa: stack.serverCertPem });
  // The API runs in this process's event loop: the agent process must be awaited, never waited for synchronously.
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', 'bench/edge-agent-process.ts', dataDir, 'build-only'],
    {
      env: process.env,
      stdio: ['ignore', 'pipe', 'inherit'],
    },
  );
  let stdout = '';
  child.stdout.on('data', (chunk: Buffer) => {
    stdout += chunk.toString('utf8');
  });
  const code = await new Promise<number | null>((resolve) => child.once('exit', resolve));
  if (code !== 0) throw new Error(`agent process exited ${code}`);
  const built = JSON.parse(stdout) as { build: Record<string, number> };
  const drain = await drainWithBinary(dataDir, built.build.documents!);
  const agent = { ...built, drain };
  const met =
    drain.accepted >= built.build.documents! &&
    drain.seconds < 600 &&
    Math.max(drain.agent_rss_mb_with_full_buffer, drain.agent_peak_rss_mb) < 150;
  process.stdout.write(
    `${JSON.stringify(
      {
        bench: 'edge',
        conditions: {
          devices,
          days,
          interval_s: 60,
          batch,
          agent_node_options: agentNodeOptions,
          machine: 'shared 2-core machine with other agents running: figures are noisy',
          buffer: 'node-sqlite3-wasm, synchronous=FULL, one transaction per interval (all devices)',
          api: 'live API over mutual TLS on loopback, FerretDB + Temporal dev server; the worker runs too and verifies while the drain goes on (it competes for the 2 cores)',
          agent:
            'build: a tsx process of its own (documents/s, buffer size); drain: the shipped linux-x64 ' +
            'single executable `mrv-edge run` over mutual TLS with the NODE_OPTIONS of its systemd unit, ' +
            'its RSS sampled from /proc every second',
        },
        ...agent,
        targets: { drain_100k_under_s: 600, rss_under_mb: 150, met },
      },
      null,
      2,
    )}\n`,
  );
} finally {
  await stack.close();
  await servers.stop();
}

/**
 * The drain as a plant runs it: `mrv-edge run` (the SEA binary, built if missing) with the full
 * buffer, over mutual TLS, until every document is on the server. Its meters are unreachable (no
 * simulator), so it builds no new documents and only drains. RSS and peak RSS (VmHWM) from /proc.
 */
async function drainWithBinary(dataDir: string, documents: number) {
  const binary = join(process.cwd(), '.data/edge-build/mrv-edge-linux-x64');
  if (!existsSync(binary))
    execFileSync('npx', ['tsx', 'edge/packaging/build-edge.ts', 'linux-x64'], { stdio: 'inherit' });
  const configPath = join(dataDir, 'config.json');
  const config = JSON.parse(readFileSync(configPath, 'utf8'));
  config.buffer = { batch };
  for (const d of config.devices) {
    d.poll_s = 3600;
    d.sources[0].connection.port = 1;
  }
  writeFileSync(configPath, JSON.stringify(config));
  const readings = stack.db.collection('readings');
  const t0 = performance.now();
  // The agent runs with the runtime flags its systemd unit sets (edge/install.sh), unless
  // BENCH_EDGE_NODE_OPTIONS names others ('' for none).
  const agentEnv = { ...process.env, NODE_OPTIONS: agentNodeOptions };
  const child = spawn(binary, ['run', '--data', dataDir], {
    stdio: ['ignore', 'ignore', 'ignore'],
    env: agentEnv,
  });
  const proc = (field: string) => {
    const m = new RegExp(`${field}:\\s+(\\d+) kB`).exec(readFileSync(`/proc/${child.pid}/status`, 'utf8'));
    return m ? Number(m[1]) / 1024 : 0;
  };
  // Where the resident memory is: private (heap, wasm) vs file-backed (the executable's pages).
  const kinds = () => ({ anon: proc('RssAnon'), file: proc('RssFile') });
  let rssFull = 0;
  let kindsFull = { anon: 0, file: 0 };
  const kindsPeak = { anon: 0, file: 0 };
  let accepted = 0;
  try {
    while (accepted < documents) {
      await new Promise((r) => setTimeout(r, 1000));
      if (child.exitCode !== null) throw new Error(`mrv-edge run exited ${child.exitCode}`);
      // The first sample: the agent started with the whole backlog in its buffer.
      if (rssFull === 0) {
        rssFull = proc('VmRSS');
        kindsFull = kinds();
      }
      const k = kinds();
      kindsPeak.anon = Math.max(kindsPeak.anon, k.anon);
      kindsPeak.file = Math.max(kindsPeak.file, k.file);
      accepted = await readings.countDocuments({ orgId: stack.orgId });
      if (performance.now() - t0 > 1_800_000) throw new Error('drain did not finish in 30 min');
    }
    const seconds = (performance.now() - t0) / 1000;
    const peak = proc('VmHWM');
    const rssEnd = proc('VmRSS');
    // The agent's own CPU time (utime + stime, in clock ticks of 1/100 s): a slow drain on a loaded
    // machine is the server's share, not the agent's.
    const stat = readFileSync(`/proc/${child.pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
    const cpuS = (Number(stat[11]) + Number(stat[12])) / 100;
    return {
      accepted,
      seconds: round1(seconds),
      documents_per_s: round1(accepted / seconds),
      agent_rss_mb_with_full_buffer: round1(rssFull),
      agent_peak_rss_mb: round1(peak),
      agent_rss_mb_after_drain: round1(rssEnd),
      agent_cpu_s: round1(cpuS),
      agent_rss_anon_mb_with_full_buffer: round1(kindsFull.anon),
      agent_rss_file_mb_with_full_buffer: round1(kindsFull.file),
      agent_peak_rss_anon_mb: round1(kindsPeak.anon),
      agent_peak_rss_file_mb: round1(kindsPeak.file),
    };
  } finally {
    child.kill('SIGTERM');
  }
}

/** NODE_OPTIONS as edge/install.sh writes them into the agent's systemd unit. */
function shippedNodeOptions(): string {
  const flags = /^NODE_FLAGS="(.+)"$/m.exec(readFileSync('edge/install.sh', 'utf8'))?.[1];
  if (!flags) throw new Error('edge/install.sh sets no NODE_FLAGS');
  return flags;
}

function round1(v: number): number {
  return Math.round(v * 10) / 10;
}
