/** Errors of the edge agent, with stable codes (printed by `mrv-edge`, matched by tests). */
export type EdgeErrorCode =
  | 'TEMPLATE_INVALID'
  | 'CONFIG_INVALID'
  | 'PAIRING_FAILED'
  | 'KEY_VAULT'
  | 'BUFFER_FULL'
  | 'BUFFER_CORRUPT'
  | 'READ_TIMEOUT'
  | 'NOT_CONNECTED';

export class EdgeError extends Error {
  constructor(
    readonly code: EdgeErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'EdgeError';
  }
}
