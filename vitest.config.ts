import { defineConfig } from 'vitest/config';

/** The rooms whose statement and branch coverage `npm test` reports (scripts/coverage-by-room.ts). */
const rooms = [
  'api',
  'cli',
  'config',
  'edge',
  'engine',
  'identity',
  'ledger',
  'observability',
  'pki',
  'stack',
  'store',
  'workflows',
];

// Integration suites share one MongoDB-wire server and one Temporal server started by
// scripts/test.sh; files run in parallel forks, so every test uses unique ids/databases.
export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    pool: 'forks',
    // Two files at a time: most suites wait on servers (Temporal timers, Prometheus scrapes, the
    // local network), so a second file uses the idle core; measured 1,145 s vs 1,434 s for one.
    maxWorkers: 2,
    testTimeout: 60_000,
    hookTimeout: 120_000,
    reporters: ['default'],
    setupFiles: ['test/support/setup.ts'],
    // `npm test` (the whole suite) runs with --coverage; a single file is run without it. Floors per
    // room are not enforced yet: they are to be set from the first whole-suite figures (issue 21).
    coverage: {
      provider: 'v8',
      include: rooms.map((room) => `${room}/**/*.ts`),
      exclude: ['**/*.d.ts', 'test/**'],
      reporter: ['text-summary', 'json-summary'],
      reportsDirectory: 'coverage',
      reportOnFailure: true,
    },
  },
});
