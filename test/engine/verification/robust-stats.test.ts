import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { appendToWindow, medianAndMad } from '../../../engine/verification/robust-stats.ts';

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

  it('keeps the answers exact for windows grown by appendToWindow, whatever the values', () => {
    const value = fc.oneof(
      fc.double(),
      fc.constantFrom(0, -0, 1, 2, Number.NaN, Number.POSITIVE_INFINITY),
      fc.integer({ min: -3, max: 3 }),
    );
    fc.assert(
      fc.property(fc.array(value, { maxLength: 120 }), fc.integer({ min: 1, max: 12 }), (values, size) => {
        let window: number[] = [];
        let plain: number[] = [];
        for (const v of values) {
          window = appendToWindow(window, v, size);
          plain = [...plain, v].slice(-size);
          expect(window).toEqual(plain);
          // Each window twice: once as the check sees it, once remembered.
          for (let twice = 0; twice < 2; twice++) {
            const got = medianAndMad(window);
            const want = reference(plain);
            expect(Object.is(got.median, want.median) && Object.is(got.mad, want.mad)).toBe(true);
          }
        }
        expect(Object.isFrozen(window)).toBe(values.length > 0);
      }),
      { numRuns: 1000 },
    );
  });
});
