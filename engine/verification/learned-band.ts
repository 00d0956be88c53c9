import { medianAndMad } from './robust-stats.ts';

/** MAD → standard deviation for normally distributed noise. */
export const MAD_TO_SIGMA = 1.4826;

export interface LearnedBand {
  median: number;
  sigma: number;
  /** median ± k·sigma */
  low: number;
  high: number;
  /** The meters' accuracy allowance in the value's unit. */
  allowance: number;
  n: number;
}

/**
 * The band a device learned for one quantity: median ± k robust deviations of its approved values,
 * with sigma at least `minSigmaShare` of the median (meters never repeat more precisely than they
 * resolve). A value is suspicious only beyond the band widened by the meters' accuracy allowance.
 *
 * @example
 * const band = learnedBand([0.985, 0.986, 0.984], { k: 5, allowanceShare: 0.004 });
 * value < band.low - band.allowance // outside
 */
export function learnedBand(
  values: readonly number[],
  options: { k: number; allowanceShare: number; minSigmaShare?: number },
): LearnedBand {
  const { median, mad } = medianAndMad(values);
  const sigma = Math.max(MAD_TO_SIGMA * mad, Math.abs(median) * (options.minSigmaShare ?? 1e-4));
  return bandAround(median, sigma, { ...options, n: values.length });
}

/** The band median ± k·sigma with its allowance (a stored reference band, or a learned one). */
export function bandAround(
  median: number,
  sigma: number,
  options: { k: number; allowanceShare: number; n: number },
): LearnedBand {
  return {
    median,
    sigma,
    low: median - options.k * sigma,
    high: median + options.k * sigma,
    allowance: Math.abs(median) * options.allowanceShare,
    n: options.n,
  };
}

/** Whether a value lies inside a band widened by its allowance. */
export function insideBand(value: number, band: Pick<LearnedBand, 'low' | 'high' | 'allowance'>): boolean {
  return value >= band.low - band.allowance && value <= band.high + band.allowance;
}
