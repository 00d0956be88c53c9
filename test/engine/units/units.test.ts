import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  conversionFactor,
  convert,
  dimensionOf,
  formatDimension,
  parseUnit,
  sameDimension,
  UnitError,
} from '../../../engine/units/index.ts';

function codeOf(fn: () => unknown): string | undefined {
  try {
    fn();
  } catch (error) {
    return error instanceof UnitError ? error.code : `not a UnitError: ${String(error)}`;
  }
  return undefined;
}

describe('conversionFactor', () => {
  it.each([
    ['kWh', 'MWh', 1e-3],
    ['Wh', 'kWh', 1e-3],
    ['MWh', 'kWh', 1000],
    ['MWh', 'J', 3.6e9],
    ['MW', 'kW', 1000],
    ['W', 'kW', 1e-3],
    ['L/s', 'm3/s', 1e-3],
    ['bar', 'kPa', 100],
    ['h', 's', 3600],
    ['d', 'h', 24],
    ['tCO2e', 'kgCO2e', 1000],
    ['tCO2', 'tCO2e', 1],
    ['tCO2/MWh', 'kgCO2e/MWh', 1000],
    ['kgCO2e/MWh', 'tCO2e/MWh', 1e-3],
    ['%', '1', 0.01],
    ['km2', 'm2', 1e6],
    ['ha', 'm2', 1e4],
    ['kW/m2', 'W/m2', 1000],
    ['m.s-1', 'm/s', 1],
    ['/s', 's-1', 1],
    ['kW.h', 'kWh', 1],
  ])('converts %s to %s by %d', (from, to, factor) => {
    expect(conversionFactor(from, to)).toBeCloseTo(factor, 12);
  });

  it('treats power density from capacity and area as W/m2', () => {
    const kwPerKm2 = parseUnit('kW/km2');
    expect(sameDimension(kwPerKm2.dimension, dimensionOf('W/m2'))).toBe(true);
    expect(conversionFactor('kW/km2', 'W/m2')).toBeCloseTo(1e-3, 15);
  });

  it('rejects energy to emission as incompatible', () => {
    expect(codeOf(() => conversionFactor('MWh', 'tCO2e'))).toBe('INCOMPATIBLE_UNITS');
  });

  it('keeps emission mass apart from ordinary mass', () => {
    expect(codeOf(() => conversionFactor('t', 'tCO2e'))).toBe('INCOMPATIBLE_UNITS');
  });

  it('keeps pH and turbidity apart from dimensionless numbers', () => {
    expect(codeOf(() => conversionFactor('pH', '1'))).toBe('INCOMPATIBLE_UNITS');
    expect(codeOf(() => conversionFactor('NTU', '%'))).toBe('INCOMPATIBLE_UNITS');
  });

  it('refuses a pure factor between Cel and K', () => {
    expect(codeOf(() => conversionFactor('Cel', 'K'))).toBe('AFFINE_UNIT');
    expect(conversionFactor('Cel', 'Cel')).toBe(1);
  });

  it.each([
    '',
    'furlong',
    'kWh/',
    'm//s',
    'xW',
    'hW',
    'm0',
    'Cel2',
    'a'.repeat(65),
    '__proto__',
    'constructor',
    'k',
  ])('rejects the malformed unit %j', (unit) => {
    expect(['UNKNOWN_UNIT', 'AFFINE_UNIT']).toContain(codeOf(() => conversionFactor(unit, 'm')));
  });

  it('rejects Cel inside a compound unit', () => {
    expect(codeOf(() => parseUnit('Cel/s'))).toBe('AFFINE_UNIT');
  });

  it('never throws anything but a UnitError for arbitrary strings', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 80 }), fc.string({ maxLength: 10 }), (a, b) => {
        const code = codeOf(() => conversionFactor(a, b));
        return code === undefined || ['UNKNOWN_UNIT', 'INCOMPATIBLE_UNITS', 'AFFINE_UNIT'].includes(code);
      }),
    );
  });
});

describe('convert', () => {
  it('converts Celsius to kelvin and back', () => {
    expect(convert(20, 'Cel', 'K')).toBeCloseTo(293.15, 10);
    expect(convert(273.15, 'K', 'Cel')).toBeCloseTo(0, 10);
  });

  it('scales linear units', () => {
    expect(convert(1500, 'kWh', 'MWh')).toBeCloseTo(1.5, 12);
    expect(convert(50, '%', '1')).toBeCloseTo(0.5, 12);
  });

  it('round-trips any value through a pair of compatible units', () => {
    fc.assert(
      fc.property(fc.double({ min: -1e9, max: 1e9, noNaN: true }), (v) => {
        const back = convert(convert(v, 'kWh', 'MJ'), 'MJ', 'kWh');
        return Math.abs(back - v) <= 1e-9 * Math.max(1, Math.abs(v));
      }),
    );
  });
});

describe('dimensionOf', () => {
  it('gives energy and emission different dimensions', () => {
    expect(sameDimension(dimensionOf('MWh'), dimensionOf('tCO2e'))).toBe(false);
    expect(formatDimension(dimensionOf('MWh'))).toBe('m2.kg.s-2');
    expect(formatDimension(dimensionOf('tCO2e/MWh'))).toBe('m-2.kg-1.s2.kgCO2e');
  });

  it('gives a dimensionless unit the empty dimension', () => {
    expect(formatDimension(dimensionOf('1'))).toBe('1');
    expect(formatDimension(dimensionOf('%'))).toBe('1');
  });
});
