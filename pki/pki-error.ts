/** Why the certificate authority refused: a stable code; the API maps each to its problem type. */
export type PkiErrorCode =
  /** The request asks for a certificate the CA does not issue (e.g. longer than MAX_CERT_DAYS). */
  | 'CERTIFICATE_REFUSED'
  /** The organization has no issuing CA yet. */
  | 'NO_CA'
  /** Concurrent CRL re-issues kept winning the race for the next number. */
  | 'CRL_CONFLICT';

export class PkiError extends Error {
  override readonly name = 'PkiError';
  constructor(
    readonly code: PkiErrorCode,
    message: string,
    options: { cause?: unknown } = {},
  ) {
    super(message, options);
  }
}
