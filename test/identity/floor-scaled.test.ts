import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { floorScaled } from '../../identity/floor-scaled.ts';

describe('floorScaled', () => {
  it.each([
    [758.1, 3, 758100n],
    [0.29, 2, 29n],
    [1.005, 2, 100n],
    [1234.5678, 2, 123456n],
    [0, 6, 0n],
    [1e-7, 6, 0n],
    [1.5e21, 0, 1500000000000000000000n],
    [2.5e-3, 4, 25n],
    [2 ** 53 + 2, 0, 9007199254740994n],
  ])('floor(%d × 10^%d) = %s exactly, without floating-point drift', (value, decimals, expected) => {
    expect(floorScaled(value, decimals)).toBe(expected);
  });

  it('equals exact decimal arithmetic on the number as written (never rounds up)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 10 ** 9 }),
        fc.integer({ min: 0, max: 6 }),
        fc.integer({ min: 0, max: 6 }),
        (units, places, decimals) => {
          const value = units / 10 ** places;
          const scaled = floorScaled(value, decimals);
          // Values in this range print without an exponent: compare with exact rational arithmetic.
          const [int = '0', frac = ''] = String(value).split('.');
          expect(scaled).toBe((BigInt(int + frac) * 10n ** BigInt(decimals)) / 10n ** BigInt(frac.length));
        },
      ),
    );
  });

  it.each([
    [-1, 2],
    [Number.NaN, 2],
    [Number.POSITIVE_INFINITY, 2],
    [1, -1],
    [1, 19],
    [1, 1.5],
  ])('refuses value %d with %d decimals', (value, decimals) => {
    expect(() => floorScaled(value, decimals)).toThrow(RangeError);
  });
});
