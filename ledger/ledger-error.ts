/**
 * Why a ledger operation did not complete. A closed set: callers (activities, the API) branch on it.
 * - `REJECTED`: Hedera refused the transaction for a reason retrying cannot fix (see `status`).
 * - `IDEMPOTENCY_CONFLICT`: the key was already used for a different request.
 * - `DEAD_LETTERED`: retries were exhausted; the intent waits for `mrv ledger replay <id>`.
 * - `TRANSACTION_ID_COLLISION`: a transaction id we built was executed with another body (never expected).
 * - `RECEIPT_TIMEOUT`, `UNAVAILABLE`, `BUSY`, `MIRROR_UNAVAILABLE`, `STORE_UNAVAILABLE`: transient; the
 *   adapter retries them itself (a `STORE_UNAVAILABLE` from creating the intent reaches the caller).
 */
export type LedgerErrorCode =
  | 'INVALID_REQUEST'
  | 'INVALID_CONFIG'
  | 'REJECTED'
  | 'IDEMPOTENCY_CONFLICT'
  | 'DEAD_LETTERED'
  | 'NOT_FOUND'
  | 'TRANSACTION_ID_COLLISION'
  | 'RECEIPT_TIMEOUT'
  | 'UNAVAILABLE'
  | 'BUSY'
  | 'MIRROR_UNAVAILABLE'
  | 'STORE_UNAVAILABLE'
  | 'CONCURRENT_UPDATE';

const TRANSIENT: ReadonlySet<LedgerErrorCode> = new Set([
  'RECEIPT_TIMEOUT',
  'UNAVAILABLE',
  'BUSY',
  'MIRROR_UNAVAILABLE',
  'STORE_UNAVAILABLE',
  'CONCURRENT_UPDATE',
]);

/**
 * The one error type the ledger adapter throws; SDK and HTTP errors are wrapped as `cause`.
 * `status` is the Hedera response code when one was received (e.g. `INVALID_SIGNATURE`).
 */
export class LedgerError extends Error {
  override readonly name = 'LedgerError';
  readonly status: string | undefined;
  constructor(
    readonly code: LedgerErrorCode,
    message: string,
    options: { cause?: unknown; status?: string } = {},
  ) {
    super(message, { cause: options.cause });
    this.status = options.status;
  }

  /** True when the adapter retries this error itself (it never reaches callers as final). */
  get transient(): boolean {
    return TRANSIENT.has(this.code);
  }
}
