import { defineConfig } from 'vitest/config';
import { coverageFloors } from './scripts/coverage-floors.ts';

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
    // `npm test` (the whole suite) runs with --coverage; a single file is run without it.
    coverage: {
      provider: 'v8',
      include: Object.keys(coverageFloors).map((room) => `${room}/**/*.ts`),
      exclude: ['**/*.d.ts'],
      reporter: ['text-summary', 'json-summary'],
      reportsDirectory: 'coverage',
      thresholds: Object.fromEntries(
        Object.entries(coverageFloors).map(([room, floor]) => [`${room}/**/*.ts`, floor]),
      ),
    },
  },
});
