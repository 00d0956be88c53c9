/** Closed set of reasons a unit expression cannot be used. */
export type UnitErrorCode = 'UNKNOWN_UNIT' | 'INCOMPATIBLE_UNITS' | 'AFFINE_UNIT';

/**
 * A unit string that does not parse, two units of different dimensions, or an affine unit (Cel)
 * where only a scale factor makes sense.
 */
export class UnitError extends Error {
  override readonly name = 'UnitError';
  constructor(
    readonly code: UnitErrorCode,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}
