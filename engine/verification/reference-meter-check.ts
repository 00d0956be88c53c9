import { medianAndMad } from './robust-stats.ts';

export interface MeterSample {
  /** End of the interval (ms since the epoch). */
  endMs: number;
  /** The quantity over the interval in one unit for both meters (kWh for energy, m³/s for flow). */
  value: number;
}

export interface ReferenceCheck {
  /** Intervals both meters reported, with a reference value above zero. */
  intervals: number;
  /** (Σ under test − Σ reference) / Σ reference, percent. */
  error_percent: number;
  /** Robust spread of the per-interval errors, percent (1.4826 · MAD). */
  spread_percent: number;
  /** Standard uncertainty of the error, percent: spread / √n. */
  uncertainty_percent: number;
  /** The meter's accuracy class, percent. */
  limit_percent: number;
  /** |error| + 2·uncertainty within the class: the meter passes with 95 % confidence. */
  within_class: boolean;
  message: string;
}

/** Fewer matched intervals than this cannot tell an error from noise. */
export const MIN_CHECK_INTERVALS = 4;

/**
 * The guided in-situ check of a meter against a reference meter over a window: both meters'
 * readings for the same intervals (matched by end time, others ignored), the meter's error over the
 * window and its uncertainty, judged against its accuracy class. Refuses (a `problem`) non-finite
 * values, negative values, too few matched intervals, and a reference that saw nothing.
 *
 * @example
 * referenceMeterCheck({ underTest, reference, accuracyClass: 0.2 }).check?.error_percent // -0.12
 */
export function referenceMeterCheck(input: {
  underTest: readonly MeterSample[];
  reference: readonly MeterSample[];
  accuracyClass: number;
}): { check: ReferenceCheck; problem?: undefined } | { check?: undefined; problem: string } {
  const { accuracyClass } = input;
  if (!(accuracyClass > 0) || !Number.isFinite(accuracyClass))
    return { problem: 'the accuracy class must be a positive number' };
  const bad = [...input.underTest, ...input.reference].find(
    (s) => !Number.isFinite(s.value) || !Number.isFinite(s.endMs) || s.value < 0,
  );
  if (bad) return { problem: `a sample is not a finite non-negative number (${bad.value} at ${bad.endMs})` };
  const reference = new Map<number, number>();
  for (const s of input.reference) reference.set(s.endMs, s.value);
  let sumTest = 0;
  let sumRef = 0;
  const errors: number[] = [];
  const seen = new Set<number>();
  for (const s of input.underTest) {
    const ref = reference.get(s.endMs);
    if (ref === undefined || ref <= 0 || seen.has(s.endMs)) continue;
    seen.add(s.endMs);
    sumTest += s.value;
    sumRef += ref;
    errors.push(((s.value - ref) / ref) * 100);
  }
  if (errors.length < MIN_CHECK_INTERVALS) {
    return {
      problem: `only ${errors.length} intervals were reported by both meters with a reference above zero; at least ${MIN_CHECK_INTERVALS} are needed`,
    };
  }
  const error = ((sumTest - sumRef) / sumRef) * 100;
  const spread = 1.4826 * medianAndMad(errors).mad;
  const uncertainty = spread / Math.sqrt(errors.length);
  const within = Math.abs(error) + 2 * uncertainty <= accuracyClass;
  const r = (x: number) => Number(x.toPrecision(4));
  return {
    check: {
      intervals: errors.length,
      error_percent: r(error),
      spread_percent: r(spread),
      uncertainty_percent: r(uncertainty),
      limit_percent: accuracyClass,
      within_class: within,
      message: `over ${errors.length} intervals the meter under test read ${r(error)} % against the reference (±${r(2 * uncertainty)} % at 95 %); its class allows ±${accuracyClass} %: ${within ? 'within class' : 'outside class — recalibrate or replace'}`,
    },
  };
}
