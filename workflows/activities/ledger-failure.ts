import { ApplicationFailure } from '@temporalio/activity';
import { LedgerError } from '../../ledger/ledger-error.ts';

/**
 * Turns a final ledger outcome into a non-retryable activity failure, so the workflow learns at once
 * that retrying cannot help (an idempotency key reused for another request, a signature Hedera
 * refuses, a malformed request). The failure type is Hedera's status when the network gave one (e.g.
 * `INVALID_SIGNATURE`), else the adapter's code (e.g. `IDEMPOTENCY_CONFLICT`).
 *
 * Everything else is rethrown unchanged and retried by Temporal: transient errors, and
 * `DEAD_LETTERED`, which succeeds on a later attempt once an operator has replayed the intent.
 */
export function asActivityFailure(error: unknown): unknown {
  if (!(error instanceof LedgerError) || error.transient || error.code === 'DEAD_LETTERED') return error;
  const type = error.code === 'REJECTED' && error.status ? error.status : error.code;
  return ApplicationFailure.create({
    message: `ledger ${error.code}: ${error.message}`,
    type,
    nonRetryable: true,
    details: [{ code: error.code, status: error.status ?? null }],
    cause: error,
  });
}

/** Runs one ledger call, mapping its final failures (see `asActivityFailure`). */
export async function ledgerCall<T>(call: () => Promise<T>): Promise<T> {
  try {
    return await call();
  } catch (error) {
    throw asActivityFailure(error);
  }
}
