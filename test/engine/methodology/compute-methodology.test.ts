import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { computeMethodology, MethodologyError } from '../../../engine/methodology/index.ts';
import { acmPolicy, amsPolicy } from '../policy/support.ts';

const runOfRiver = {
  capacity_kw: 5600,
  grid: { name: 'India', ef_tco2_per_mwh: 0.758 },
  reservoir: { baseline_area_m2: 0, project_area_m2: 0, baseline_capacity_kw: 0 },
};

/** A plant whose new reservoir gives the requested power density (W/m2) at 10 MW. */
function reservoirPlant(pd: number) {
  return {
    ...runOfRiver,
    capacity_kw: 10_000,
    reservoir: { baseline_area_m2: 0, project_area_m2: 10_000_000 / pd, baseline_capacity_kw: 0 },
  };
}

function codeOf(fn: () => unknown): string | undefined {
  try {
    fn();
  } catch (error) {
    return error instanceof MethodologyError ? error.code : String(error);
  }
  return undefined;
}

describe('computeMethodology', () => {
  const ams = amsPolicy();
  const acm = acmPolicy();

  it('prints exactly the CLI contract for the spec example', () => {
    expect(computeMethodology({ policy: ams, plant: runOfRiver, egMwh: 1000 })).toEqual({
      methodology: 'AMS-I.D',
      eg_mwh: 1000,
      ef_grid_tco2_per_mwh: 0.758,
      be_tco2e: 758,
      pe_tco2e: 0,
      le_tco2e: 0,
      er_tco2e: 758,
      eligible: true,
      token: { symbol: 'HYCC', decimals: 3, amount: 758000 },
    });
  });

  it('computes BE = EG × EF_grid with the project grid factor', () => {
    const r = computeMethodology({
      policy: acm,
      plant: { ...runOfRiver, grid: { ef_tco2_per_mwh: 0.9 } },
      egMwh: 123.456,
    });
    expect(r.be_tco2e).toBeCloseTo(111.1104, 9);
    expect(r.token.amount).toBe(111110);
  });

  it('has no project emissions without added reservoir area', () => {
    expect(computeMethodology({ policy: acm, plant: runOfRiver, egMwh: 500 }).pe_tco2e).toBe(0);
  });

  it('has no project emissions above 10 W/m2', () => {
    const r = computeMethodology({ policy: acm, plant: reservoirPlant(10.5), egMwh: 1000 });
    expect(r.pe_tco2e).toBe(0);
    expect(r.eligible).toBe(true);
  });

  it('deducts 90 kgCO2e/MWh of gross generation at exactly 10 W/m2 and between 4 and 10', () => {
    for (const pd of [10, 7, 4.01]) {
      const r = computeMethodology({ policy: acm, plant: reservoirPlant(pd), egMwh: 1000, tegMwh: 1100 });
      expect(r.pe_tco2e).toBeCloseTo(99, 9);
      expect(r.er_tco2e).toBeCloseTo(758 - 99, 9);
      expect(r.token.amount).toBe(659000);
    }
  });

  it('uses EG as gross generation when TEG is not given', () => {
    expect(computeMethodology({ policy: acm, plant: reservoirPlant(8), egMwh: 1000 }).pe_tco2e).toBeCloseTo(
      90,
      9,
    );
  });

  it('is not eligible at or below 4 W/m2, with a reason and amount 0', () => {
    for (const pd of [4, 3]) {
      const r = computeMethodology({ policy: acm, plant: reservoirPlant(pd), egMwh: 1000 });
      expect(r.eligible).toBe(false);
      expect(r.reason).toContain('power density');
      expect(r.token.amount).toBe(0);
    }
  });

  it('uses added capacity over added area for an enlarged reservoir', () => {
    const plant = {
      ...runOfRiver,
      capacity_kw: 10_000,
      reservoir: { baseline_area_m2: 1e6, project_area_m2: 2e6, baseline_capacity_kw: 6_000 },
    };
    // (10000 − 6000) kW / 1 km² = 4 W/m2 → not eligible, though 10 MW / 2 km² would be 5.
    expect(computeMethodology({ policy: acm, plant, egMwh: 1000 }).eligible).toBe(false);
  });

  it('applies AMS-I.D only up to 15,000 kW', () => {
    expect(
      computeMethodology({ policy: ams, plant: { ...runOfRiver, capacity_kw: 15_000 }, egMwh: 10 }).eligible,
    ).toBe(true);
    const over = computeMethodology({
      policy: ams,
      plant: { ...runOfRiver, capacity_kw: 15_001 },
      egMwh: 10,
    });
    expect(over.eligible).toBe(false);
    expect(over.reason).toContain('15 MW');
    expect(
      computeMethodology({ policy: acm, plant: { ...runOfRiver, capacity_kw: 15_001 }, egMwh: 10 }).eligible,
    ).toBe(true);
  });

  it('never lets ER go below zero', () => {
    const r = computeMethodology({
      policy: acm,
      plant: { ...reservoirPlant(8), grid: { ef_tco2_per_mwh: 0.05 } },
      egMwh: 1000,
    });
    expect(r.er_tco2e).toBe(0);
    expect(r.token.amount).toBe(0);
  });

  it('floors the amount in the smallest unit and never rounds up', () => {
    expect(
      computeMethodology({
        policy: ams,
        plant: { ...runOfRiver, grid: { ef_tco2_per_mwh: 1 } },
        egMwh: 0.0009999,
      }).token.amount,
    ).toBe(0);
    expect(
      computeMethodology({
        policy: ams,
        plant: { ...runOfRiver, grid: { ef_tco2_per_mwh: 1 } },
        egMwh: 1.0019999,
      }).token.amount,
    ).toBe(1001);
    expect(computeMethodology({ policy: ams, plant: runOfRiver, egMwh: 0 }).token.amount).toBe(0);
  });

  it('keeps the amount within one smallest unit below ER × 1000 for any EG and EF', () => {
    fc.assert(
      fc.property(
        fc.double({ min: 0, max: 1e6, noNaN: true }),
        fc.double({ min: 0, max: 2, noNaN: true }),
        (eg, ef) => {
          const r = computeMethodology({
            policy: ams,
            plant: { ...runOfRiver, grid: { ef_tco2_per_mwh: ef } },
            egMwh: eg,
          });
          const exact = eg * ef * 1000;
          return (
            Number.isSafeInteger(r.token.amount) &&
            r.token.amount <= exact * (1 + 1e-11) + 1e-9 &&
            r.token.amount > exact - 1 - 1e-6
          );
        },
      ),
      { numRuns: 300 },
    );
  });

  it('refuses a missing grid factor, a negative EG and an out-of-bounds grid factor', () => {
    expect(codeOf(() => computeMethodology({ policy: ams, plant: { capacity_kw: 100 }, egMwh: 1 }))).toBe(
      'MISSING_INPUT',
    );
    expect(codeOf(() => computeMethodology({ policy: ams, plant: runOfRiver, egMwh: -1 }))).toBe(
      'INPUT_OUT_OF_BOUNDS',
    );
    expect(
      codeOf(() =>
        computeMethodology({ policy: ams, plant: { ...runOfRiver, grid: { ef_tco2_per_mwh: 5 } }, egMwh: 1 }),
      ),
    ).toBe('INPUT_OUT_OF_BOUNDS');
    expect(codeOf(() => computeMethodology({ policy: ams, plant: runOfRiver, egMwh: Number.NaN }))).toBe(
      'INVALID_INPUT',
    );
    expect(
      codeOf(() => computeMethodology({ policy: ams, plant: runOfRiver, egMwh: Number.POSITIVE_INFINITY })),
    ).toBe('INVALID_INPUT');
  });
});
