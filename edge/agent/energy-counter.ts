/** What the agent remembers of one cumulative register between documents (persisted). */
export interface CounterState {
  /** The last good raw reading (after scale), as the meter shows it. */
  raw: number;
  /** `raw` plus every rollover seen: what the document reports as the register. */
  unwrapped: number;
  at_ms: number;
}

export type CounterEvent = 'first' | 'advance' | 'rollover' | 'went_down';

export interface CounterStep {
  /** Energy over the elapsed time; undefined when it cannot be known (first read, register went down). */
  delta?: number;
  event: CounterEvent;
  state: CounterState;
}

/**
 * Interval energy from a cumulative register, never from integrating power. A register that is
 * lower than before either wrapped at its modulus (the wrapped-around delta is plausible for the
 * elapsed time: `maxDelta`) or was reset or swapped: then no energy can be claimed for the interval,
 * the document says so, and counting restarts from the new reading.
 *
 * @example
 * counterStep(prev, 12.5, { modulus: 65536, maxDelta: 120, atMs })
 */
export function counterStep(
  previous: CounterState | undefined,
  raw: number,
  options: { modulus?: number; maxDelta: number; atMs: number },
): CounterStep {
  if (!previous) return { event: 'first', state: { raw, unwrapped: raw, at_ms: options.atMs } };
  const forward = raw - previous.raw;
  if (forward >= 0) {
    return {
      delta: forward,
      event: 'advance',
      state: { raw, unwrapped: previous.unwrapped + forward, at_ms: options.atMs },
    };
  }
  const { modulus } = options;
  if (modulus !== undefined) {
    const wrapped = raw + modulus - previous.raw;
    if (wrapped >= 0 && wrapped <= options.maxDelta) {
      return {
        delta: wrapped,
        event: 'rollover',
        state: { raw, unwrapped: previous.unwrapped + wrapped, at_ms: options.atMs },
      };
    }
  }
  return { event: 'went_down', state: { raw, unwrapped: raw, at_ms: options.atMs } };
}
