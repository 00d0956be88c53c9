import { type Dimension, dimensionless, multiplyDimensions, powerDimension } from './dimension.ts';
import { UnitError } from './unit-error.ts';
import { lookupAtom } from './unit-table.ts';

/** A parsed unit expression: value_in_base = value × factor + offset. */
export interface ParsedUnit {
  readonly unit: string;
  readonly factor: number;
  readonly offset: number;
  readonly dimension: Dimension;
}

const MAX_UNIT_LENGTH = 64;
const MAX_CACHE = 2048;
const cache = new Map<string, ParsedUnit>();

/**
 * Parses a UCUM-style unit expression: atoms joined by `.` or `*` (product) and `/` (quotient, left to
 * right), each with an optional integer exponent (`m2`, `s-1`, `m^3`). Results are cached: this sits on
 * the telemetry hot path.
 *
 * @example
 * parseUnit('kgCO2e/MWh') // { factor: 1 / 3.6e9, dimension: emission·energy⁻¹, offset: 0 }
 * @throws UnitError UNKNOWN_UNIT for anything unparseable, AFFINE_UNIT for Cel inside a compound.
 */
export function parseUnit(unit: string): ParsedUnit {
  const hit = cache.get(unit);
  if (hit) return hit;
  const parsed = parseUncached(unit);
  if (cache.size >= MAX_CACHE) cache.clear();
  cache.set(unit, parsed);
  return parsed;
}

function parseUncached(unit: string): ParsedUnit {
  if (typeof unit !== 'string' || unit.length === 0 || unit.length > MAX_UNIT_LENGTH) {
    throw new UnitError(
      'UNKNOWN_UNIT',
      `not a unit: ${JSON.stringify(String(unit).slice(0, MAX_UNIT_LENGTH))}`,
    );
  }
  const tokens = unit.split(/([./*])/);
  let factor = 1;
  let offset = 0;
  let dimension = dimensionless;
  let sign = 1;
  let terms = 0;
  for (let i = 0; i < tokens.length; i += 2) {
    const term = tokens[i]!;
    if (i > 0) sign = tokens[i - 1] === '/' ? -1 : 1;
    if (term === '') {
      // A leading '/' means a reciprocal ('/s'); an empty term anywhere else is a typo.
      if (i === 0 && tokens[1] === '/') continue;
      throw new UnitError('UNKNOWN_UNIT', `unknown unit '${unit}': empty term`);
    }
    const { atom, exponent } = parseTerm(term, unit);
    terms += 1;
    const power = sign * exponent;
    factor *= atom.factor ** power;
    dimension = multiplyDimensions(dimension, powerDimension(atom.dimension, power));
    if (atom.offset !== 0) {
      if (power !== 1 || tokens.length > 1) {
        throw new UnitError(
          'AFFINE_UNIT',
          `'${unit}': an affine unit (Cel) cannot be part of a compound unit`,
        );
      }
      offset = atom.offset;
    }
  }
  if (terms === 0) throw new UnitError('UNKNOWN_UNIT', `unknown unit '${unit}'`);
  return Object.freeze({ unit, factor, offset, dimension });
}

function parseTerm(term: string, unit: string) {
  const direct = lookupAtom(term);
  if (direct) return { atom: direct, exponent: 1 };
  const match = /^(.+?)\^?(-?\d{1,2})$/.exec(term);
  if (match) {
    const atom = lookupAtom(match[1]!);
    const exponent = Number(match[2]);
    if (atom && exponent !== 0) return { atom, exponent };
  }
  throw new UnitError('UNKNOWN_UNIT', `unknown unit '${term}'${term === unit ? '' : ` in '${unit}'`}`);
}
