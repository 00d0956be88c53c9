export { conversionFactor } from './conversion-factor.ts';
export { convert } from './convert.ts';
export {
  type BaseDimension,
  baseDimensions,
  type Dimension,
  dimensionless,
  divideDimensions,
  formatDimension,
  isDimensionless,
  makeDimension,
  multiplyDimensions,
  powerDimension,
  sameDimension,
} from './dimension.ts';
export { dimensionOf } from './dimension-of.ts';
export { type ParsedUnit, parseUnit } from './parse-unit.ts';
export { UnitError, type UnitErrorCode } from './unit-error.ts';
export { lookupAtom, type UnitAtom, unitAtoms, unitPrefixes } from './unit-table.ts';
