/** Stable codes for everything identity/ refuses. Callers branch on `code`, never on the message. */
export type IdentityErrorCode =
  | 'DOCUMENT_NOT_BUNDLED'
  | 'DID_NOT_FOUND'
  | 'DID_INVALID'
  | 'SUBJECT_INVALID'
  | 'CREDENTIAL_INVALID'
  | 'KEY_NOT_FOUND'
  | 'KEY_ALREADY_CLAIMED'
  | 'KEY_EXISTS'
  | 'KEY_NOT_USABLE'
  | 'KEY_STORE_CORRUPT'
  | 'MASTER_KEY_INVALID'
  | 'STATUS_LIST_FULL'
  | 'STATUS_LIST_INVALID'
  | 'HEDERA_DID_INVALID'
  | 'BUNDLE_INVALID';

export class IdentityError extends Error {
  override readonly name = 'IdentityError';
  readonly code: IdentityErrorCode;

  constructor(code: IdentityErrorCode, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.code = code;
  }
}
