/**
 * Addresses of the real servers integration tests use. `npm test` (scripts/test.sh) starts
 * throw-away servers and exports these; a test run without them fails loudly instead of skipping.
 */
function required(name: 'MONGODB_URI' | 'TEMPORAL_ADDRESS'): string {
  const value = process.env[name];
  if (!value) {
    throw new Error(
      `${name} is not set: integration tests need a real server. Run the suite with \`npm test\` ` +
        `(which starts one), or \`node bin/mrv.js services run -- npx vitest run <files>\`.`,
    );
  }
  return value;
}

export const mongoUri = (): string => required('MONGODB_URI');
export const temporalAddress = (): string => required('TEMPORAL_ADDRESS');

/** A database name unique to one test file run, so parallel suites never share state. */
export function uniqueDbName(prefix: string): string {
  return `${prefix}_${process.pid}_${Date.now().toString(36)}`.replace(/[^a-zA-Z0-9_]/g, '_').slice(0, 60);
}
