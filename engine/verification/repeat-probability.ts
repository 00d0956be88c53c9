/**
 * Probability that two successive readings of a channel show the identical value, when the change
 * between them is normal with standard deviation `sigma` and the meter rounds to `resolution`:
 * E[max(0, 1 − |D|/r)] for D ~ N(0, σ²) — the chance two rounded values coincide given their
 * difference, averaged over the difference. Tends to r / (σ√(2π)) for fine meters and to 1 for a
 * channel whose noise is below its resolution (a coarse meter repeats itself honestly).
 *
 * @example
 * repeatProbability(0.04, 0.001) // ≈ 0.00997
 * repeatProbability(0, 0.1) // 1
 */
export function repeatProbability(sigma: number, resolution: number): number {
  if (!(sigma > 0) || !Number.isFinite(sigma)) return 1;
  if (!(resolution > 0)) return 0;
  const z = resolution / sigma;
  const inside = erf(z / Math.SQRT2);
  const mean = ((2 * sigma) / (resolution * Math.sqrt(2 * Math.PI))) * (1 - Math.exp((-z * z) / 2));
  return Math.min(1, Math.max(0, inside - mean));
}

/** Abramowitz & Stegun 7.1.26 (|error| < 1.5e-7), enough for a probability threshold. */
function erf(x: number): number {
  const t = 1 / (1 + 0.3275911 * Math.abs(x));
  const y =
    1 -
    ((((1.061405429 * t - 1.453152027) * t + 1.421413741) * t - 0.284496736) * t + 0.254829592) *
      t *
      Math.exp(-x * x);
  return x >= 0 ? y : -y;
}
