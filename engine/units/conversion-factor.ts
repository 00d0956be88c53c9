import { formatDimension, sameDimension } from './dimension.ts';
import { parseUnit } from './parse-unit.ts';
import { UnitError } from './unit-error.ts';

const MAX_CACHE = 4096;
const cache = new Map<string, number>();

/**
 * The number to multiply a value in `from` by to express it in `to`. Cached per pair.
 *
 * @example
 * conversionFactor('kWh', 'MWh') // 0.001
 * conversionFactor('MWh', 'tCO2e') // throws UnitError INCOMPATIBLE_UNITS
 * @throws UnitError UNKNOWN_UNIT, INCOMPATIBLE_UNITS, or AFFINE_UNIT (Cel ↔ K needs `convert`).
 */
export function conversionFactor(from: string, to: string): number {
  const key = `${from}\u0000${to}`;
  const hit = cache.get(key);
  if (hit !== undefined) return hit;
  const a = parseUnit(from);
  const b = parseUnit(to);
  if (!sameDimension(a.dimension, b.dimension)) {
    throw new UnitError(
      'INCOMPATIBLE_UNITS',
      `cannot convert ${from} (${formatDimension(a.dimension)}) to ${to} (${formatDimension(b.dimension)})`,
    );
  }
  if (a.offset !== b.offset) {
    throw new UnitError('AFFINE_UNIT', `${from} → ${to} is not a pure scale factor; use convert()`);
  }
  const factor = a.factor / b.factor;
  if (cache.size >= MAX_CACHE) cache.clear();
  cache.set(key, factor);
  return factor;
}
