export type StackErrorCode =
  | 'BINARY_MISSING'
  | 'PORT_IN_USE'
  | 'START_FAILED'
  | 'NOT_READY'
  | 'INSTALL_FAILED';

/** A failure to bring up part of the embedded stack; the message says what to do. */
export class StackError extends Error {
  override readonly name = 'StackError';
  constructor(
    readonly code: StackErrorCode,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}
