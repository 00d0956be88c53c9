import { defineConfig } from 'vitest/config';

// Integration suites share one MongoDB-wire server and one Temporal server started by
// scripts/test.sh; files run in parallel forks, so every test uses unique ids/databases.
export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    pool: 'forks',
    testTimeout: 60_000,
    hookTimeout: 120_000,
    reporters: ['default'],
    setupFiles: ['test/support/setup.ts'],
  },
});
