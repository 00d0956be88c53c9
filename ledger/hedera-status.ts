/**
 * How the adapter treats Hedera response codes. Precheck codes come from the node before consensus;
 * receipt codes are final results of consensus.
 */

/** The node did not take the transaction for a passing reason: send the same signed bytes again. */
export const RETRYABLE_PRECHECK: ReadonlySet<string> = new Set([
  'BUSY',
  'PLATFORM_NOT_ACTIVE',
  'PLATFORM_TRANSACTION_NOT_CREATED',
  'UNKNOWN',
  'INVALID_NODE_ACCOUNT',
]);

/**
 * Precheck codes that say nothing about earlier submissions of the same transaction id: an earlier copy
 * may have reached consensus, so the adapter reconciles before deciding anything.
 */
export const AMBIGUOUS_PRECHECK: ReadonlySet<string> = new Set([
  'DUPLICATE_TRANSACTION',
  'TRANSACTION_EXPIRED',
  'INVALID_TRANSACTION_START',
]);

/** Receipt states that mean "not decided yet": poll again. */
export const PENDING_RECEIPT: ReadonlySet<string> = new Set(['UNKNOWN', 'BUSY', 'OK']);

/**
 * Final receipt codes proving the transaction did not take effect and that a fresh transaction id may
 * succeed (the transaction itself expired before consensus handled it).
 */
export const NOT_EXECUTED_RECEIPT: ReadonlySet<string> = new Set([
  'TRANSACTION_EXPIRED',
  'INVALID_TRANSACTION_START',
]);

export function isRetryablePrecheck(status: string): boolean {
  return RETRYABLE_PRECHECK.has(status);
}
