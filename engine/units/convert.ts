import { conversionFactor } from './conversion-factor.ts';
import { formatDimension, sameDimension } from './dimension.ts';
import { parseUnit } from './parse-unit.ts';
import { UnitError } from './unit-error.ts';

/**
 * Converts a value between units of the same dimension, affine scales (Cel ↔ K) included.
 *
 * @example
 * convert(1500, 'kWh', 'MWh') // 1.5
 * convert(20, 'Cel', 'K') // 293.15
 */
export function convert(value: number, from: string, to: string): number {
  if (from === to) return value;
  const a = parseUnit(from);
  const b = parseUnit(to);
  if (a.offset === 0 && b.offset === 0) return value * conversionFactor(from, to);
  if (!sameDimension(a.dimension, b.dimension)) {
    throw new UnitError(
      'INCOMPATIBLE_UNITS',
      `cannot convert ${from} (${formatDimension(a.dimension)}) to ${to} (${formatDimension(b.dimension)})`,
    );
  }
  return (value * a.factor + a.offset - b.offset) / b.factor;
}
