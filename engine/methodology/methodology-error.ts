/** Closed set of reasons a methodology cannot be computed for the given inputs. */
export type MethodologyErrorCode =
  | 'MISSING_INPUT'
  | 'INVALID_INPUT'
  | 'INPUT_OUT_OF_BOUNDS'
  | 'NON_FINITE'
  | 'AMOUNT_OVERFLOW';

export class MethodologyError extends Error {
  override readonly name = 'MethodologyError';
  constructor(
    readonly code: MethodologyErrorCode,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}
