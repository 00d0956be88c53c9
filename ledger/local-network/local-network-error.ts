export type LocalNetworkErrorCode = 'INVALID_FAULT_CONFIG' | 'INVALID_OPTIONS' | 'STARTUP_FAILED';

export class LocalNetworkError extends Error {
  readonly code: LocalNetworkErrorCode;
  constructor(code: LocalNetworkErrorCode, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'LocalNetworkError';
    this.code = code;
  }
}
