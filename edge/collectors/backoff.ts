/**
 * Exponential backoff with full jitter (delay drawn in [0, min(cap, base·2^attempt)]): many gateways
 * that lost the same SCADA or API at once do not come back in lock-step.
 *
 * @example
 * const backoff = createBackoff({ baseMs: 500, capMs: 60_000 });
 * await sleep(backoff.next()); … backoff.reset();
 */
export function createBackoff(options: { baseMs?: number; capMs?: number; random?: () => number } = {}) {
  const base = options.baseMs ?? 500;
  const cap = options.capMs ?? 60_000;
  const random = options.random ?? Math.random;
  let attempt = 0;
  return {
    next(): number {
      const ceiling = Math.min(cap, base * 2 ** Math.min(attempt, 30));
      attempt++;
      return Math.round(random() * ceiling);
    },
    reset(): void {
      attempt = 0;
    },
    get attempts(): number {
      return attempt;
    },
  };
}

export type Backoff = ReturnType<typeof createBackoff>;
