import type { Dimension } from './dimension.ts';
import { parseUnit } from './parse-unit.ts';

/**
 * The physical dimension of a unit, for type checking (MWh + tCO2e is an error).
 *
 * @example
 * sameDimension(dimensionOf('MWh'), dimensionOf('kWh')) // true
 */
export function dimensionOf(unit: string): Dimension {
  return parseUnit(unit).dimension;
}
