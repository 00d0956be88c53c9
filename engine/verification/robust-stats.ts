/**
 * Median and median absolute deviation of a small window. Sorting a copy of ≤ a few hundred numbers
 * is cheap next to a signature check and keeps the state a plain array.
 *
 * @example
 * medianAndMad([1, 2, 3, 4, 100]) // { median: 3, mad: 1 }
 */
export function medianAndMad(values: readonly number[]): { median: number; mad: number } {
  if (values.length === 0) return { median: Number.NaN, mad: Number.NaN };
  const sorted = Float64Array.from(values).sort();
  const median = middle(sorted);
  const deviations = sorted.map((v) => Math.abs(v - median)).sort();
  return { median, mad: middle(deviations) };
}

function middle(sorted: Float64Array): number {
  const n = sorted.length;
  const half = n >> 1;
  return n % 2 === 1 ? sorted[half]! : (sorted[half - 1]! + sorted[half]!) / 2;
}
