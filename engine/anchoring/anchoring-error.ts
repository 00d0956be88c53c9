/** Why an anchoring input was refused. A closed set so callers can branch on it. */
export type AnchoringErrorCode =
  | 'EMPTY_BATCH'
  | 'NOT_CANONICALIZABLE'
  | 'INVALID_HASH'
  | 'INDEX_OUT_OF_RANGE'
  | 'INVALID_ANCHOR_FIELD'
  | 'MESSAGE_TOO_LARGE'
  | 'INVALID_ANCHOR_MESSAGE';

/**
 * A refused anchoring input (empty batch, a document JCS cannot encode, a message over 1024 bytes…).
 *
 * @example
 * try { encodeAnchorMessage(anchor); } catch (e) { if (e instanceof AnchoringError && e.code === 'MESSAGE_TOO_LARGE') … }
 */
export class AnchoringError extends Error {
  override readonly name = 'AnchoringError';
  constructor(
    readonly code: AnchoringErrorCode,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}
