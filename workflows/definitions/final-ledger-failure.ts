import { ActivityFailure, ApplicationFailure } from '@temporalio/workflow';

/** A ledger outcome retrying cannot change (see activities/ledger-failure.ts), as the workflow records it. */
export interface FinalLedgerFailure {
  /** Hedera's status (e.g. `INVALID_SIGNATURE`) or the adapter's code (e.g. `IDEMPOTENCY_CONFLICT`). */
  type: string;
  message: string;
}

/**
 * Runs a ledger activity; if it fails for good, lets the workflow record why (`record`) before the
 * failure ends the workflow, so the period's stored status says what happened and the failed
 * workflow (visible in Temporal, alertable) carries the same type.
 */
export async function recordingFinalLedgerFailure<T>(
  call: () => Promise<T>,
  record: (failure: FinalLedgerFailure) => Promise<void>,
): Promise<T> {
  try {
    return await call();
  } catch (error) {
    const cause = error instanceof ActivityFailure ? error.cause : undefined;
    if (cause instanceof ApplicationFailure && cause.nonRetryable) {
      await record({ type: cause.type ?? 'ApplicationFailure', message: cause.message });
    }
    throw error;
  }
}
