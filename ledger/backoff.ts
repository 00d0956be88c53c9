/**
 * "Full jitter" exponential backoff: a uniform delay in [0, min(max, base·2^retry)). Jitter spreads
 * the retries of many operations that failed together (an outage) so they do not return together.
 */
export function backoffDelay(o: {
  retry: number;
  baseMs: number;
  maxMs: number;
  random: () => number;
}): number {
  const ceiling = Math.min(o.maxMs, o.baseMs * 2 ** Math.min(o.retry, 30));
  return Math.floor(o.random() * ceiling);
}
