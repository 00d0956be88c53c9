import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { medianAndMad } from '../../../engine/verification/robust-stats.ts';

/** The textbook form: sort the values, sort the deviations, take both middles. */
function reference(values: readonly number[]) {
  const middle = (s: Float64Array) =>
    s.length % 2 === 1 ? s[s.length >> 1]! : (s[(s.length >> 1) - 1]! + s[s.length >> 1]!) / 2;
  const sorted = Float64Array.from(values).sort();
  const median = middle(sorted);
  return { median, mad: middle(sorted.map((v) => Math.abs(v - median)).sort()) };
}

describe('medianAndMad', () => {
  it('gives the median and MAD of a window', () => {
    expect(medianAndMad([1, 2, 3, 4, 100])).toEqual({ median: 3, mad: 1 });
    expect(medianAndMad([4, 1, 3, 2])).toEqual({ median: 2.5, mad: 1 });
    expect(medianAndMad([])).toEqual({ median: Number.NaN, mad: Number.NaN });
  });

  it('equals sorting the deviations, bit for bit, on any window', () => {
    const windows = fc.oneof(
      fc.array(fc.double(), { minLength: 1, maxLength: 300 }),
      fc.array(fc.double({ min: 0.8, max: 1, noNaN: true }), { minLength: 1, maxLength: 300 }),
      fc.array(fc.constantFrom(0, -0, 1, -1, 0.5, 1e308, -1e308), { minLength: 1, maxLength: 40 }),
    );
    fc.assert(
      fc.property(windows, (values) => {
        const got = medianAndMad(values);
        const want = reference(values);
        expect(Object.is(got.median, want.median) && Object.is(got.mad, want.mad)).toBe(true);
      }),
      { numRuns: 5000 },
    );
  });

  it('answers a frozen window from memory, each time with an object of its own', () => {
    const window = Object.freeze([5, 1, 4, 2, 3]);
    const first = medianAndMad(window);
    first.median = 99;
    expect(medianAndMad(window)).toEqual({ median: 3, mad: 1 });
    expect(medianAndMad(window)).not.toBe(medianAndMad(window));
  });
});
