/**
 * Median and median absolute deviation of a small window. One sort of a copy, then the deviations'
 * median by merging the two runs either side of the median (each already ordered by distance) instead
 * of sorting them too: the same numbers, half the work, on every reading's baselines. Answers for
 * frozen windows (learn-from-reading.ts freezes the ones it keeps) are remembered.
 *
 * @example
 * medianAndMad([1, 2, 3, 4, 100]) // { median: 3, mad: 1 }
 */
export function medianAndMad(values: readonly number[]): { median: number; mad: number } {
  if (values.length === 0) return { median: Number.NaN, mad: Number.NaN };
  // A frozen window cannot change, so its answer can be kept while the window lives.
  const frozen = Object.isFrozen(values);
  const known = frozen ? answers.get(values) : undefined;
  if (known) return { ...known };
  const answer = compute(values);
  if (frozen) answers.set(values, answer);
  return { ...answer };
}

const answers = new WeakMap<readonly number[], { median: number; mad: number }>();

function compute(values: readonly number[]): { median: number; mad: number } {
  const sorted = Float64Array.from(values).sort();
  const median = middle(sorted);
  const n = sorted.length;
  // NaN sorts last and ±Infinity to the ends; those windows take the plain route.
  if (!Number.isFinite(sorted[0]!) || !Number.isFinite(sorted[n - 1]!) || !Number.isFinite(median)) {
    const deviations = sorted.map((v) => Math.abs(v - median)).sort();
    return { median, mad: middle(deviations) };
  }
  return { median, mad: middleDeviation(sorted, median) };
}

function middle(sorted: Float64Array): number {
  const n = sorted.length;
  const half = n >> 1;
  return n % 2 === 1 ? sorted[half]! : (sorted[half - 1]! + sorted[half]!) / 2;
}

/**
 * The middle of |v − median| over `sorted`: below index `half` the values are ≤ median, so their
 * distances grow walking down; from `half` on they grow walking up. Merging the two walks visits the
 * distances in ascending order.
 */
function middleDeviation(sorted: Float64Array, median: number): number {
  const n = sorted.length;
  const half = n >> 1;
  let down = half - 1;
  let up = half;
  let previous = 0;
  for (let k = 0; k <= half; k++) {
    const below = down >= 0 ? Math.abs(sorted[down]! - median) : Number.POSITIVE_INFINITY;
    const above = up < n ? Math.abs(sorted[up]! - median) : Number.POSITIVE_INFINITY;
    let next: number;
    if (below <= above) {
      next = below;
      down--;
    } else {
      next = above;
      up++;
    }
    if (k === half) return n % 2 === 1 ? next : (previous + next) / 2;
    previous = next;
  }
  return Number.NaN; // unreachable: the loop returns at k = half
}
