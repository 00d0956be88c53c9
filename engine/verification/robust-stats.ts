/**
 * Median and median absolute deviation of a small window. One sort of a copy, then the deviations'
 * median by merging the two runs either side of the median (each already ordered by distance) instead
 * of sorting them too: the same numbers, half the work, on every reading's baselines. For windows
 * made by `appendToWindow` (frozen) the answer is remembered and the sorted copy comes from the
 * previous window's by one removal and one insertion.
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
/** Sorted copies of frozen windows, exactly as `Float64Array.from(window).sort()` orders them. */
const sortedCopies = new WeakMap<readonly number[], Float64Array>();

/**
 * `window` with `value` appended and the oldest dropped past `size`, frozen (windows are never changed
 * in place, so `medianAndMad` may remember what it computed for one).
 *
 * @example
 * window = appendToWindow(window, 0.91, 48);
 */
export function appendToWindow(window: readonly number[], value: number, size: number): number[] {
  const next = Object.freeze([...window, value].slice(-size)) as number[];
  const sorted = sortedCopies.get(window);
  const dropped = window.length + 1 - next.length;
  if (sorted && Number.isFinite(value) && (dropped === 0 || (dropped === 1 && Number.isFinite(window[0]!)))) {
    const derived = replaced(sorted, dropped === 1 ? window[0]! : undefined, value);
    if (derived) sortedCopies.set(next, derived);
  }
  return next;
}

/** The order of `Float64Array.prototype.sort`: numeric, −0 before +0, NaN last. */
function sortsBefore(a: number, b: number): boolean {
  if (Number.isNaN(a)) return false;
  if (Number.isNaN(b) || a < b) return true;
  return a === b && Object.is(a, -0) && Object.is(b, 0);
}

/** `sorted` without one `out` (when given) and with `value` in its place; undefined if `out` is absent. */
function replaced(sorted: Float64Array, out: number | undefined, value: number): Float64Array | undefined {
  const result = new Float64Array(sorted.length + (out === undefined ? 1 : 0));
  let skip = out === undefined;
  let placed = false;
  let j = 0;
  for (let i = 0; i < sorted.length; i++) {
    const x = sorted[i]!;
    if (!skip && Object.is(x, out)) {
      skip = true;
      continue;
    }
    if (!placed && sortsBefore(value, x)) {
      result[j++] = value;
      placed = true;
    }
    result[j++] = x;
  }
  if (!skip) return undefined;
  if (!placed) result[j++] = value;
  return result;
}

function compute(values: readonly number[]): { median: number; mad: number } {
  const frozen = Object.isFrozen(values);
  let sorted = frozen ? sortedCopies.get(values) : undefined;
  if (!sorted) {
    sorted = Float64Array.from(values).sort();
    if (frozen) sortedCopies.set(values, sorted);
  }
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
