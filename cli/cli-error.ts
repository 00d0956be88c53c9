/** A mistake in how a command was called: printed without a stack trace, exit code 2. */
export class CliUsageError extends Error {
  override readonly name = 'CliUsageError';
}
