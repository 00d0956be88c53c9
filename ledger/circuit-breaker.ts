export type BreakerState = 'CLOSED' | 'OPEN' | 'HALF_OPEN';

export interface BreakerOptions {
  /** Consecutive failures that open the circuit. */
  failureThreshold: number;
  /** How long the circuit stays open before one probe is let through. */
  openMs: number;
  now: () => number;
  /** Told every change of state (the `mrv_hedera_circuit_breaker_state` gauge). */
  onStateChange?: (state: BreakerState) => void;
}

/**
 * Shared by every operation of one adapter: after `failureThreshold` consecutive failed calls to the
 * network it opens, callers wait instead of hammering a node that is down, and after `openMs` exactly
 * one probe goes through (half-open). The probe's success closes it; its failure re-opens it.
 */
export class CircuitBreaker {
  #state: BreakerState = 'CLOSED';
  #failures = 0;
  #openedAt = 0;
  #probeOut = false;

  #set(state: BreakerState): void {
    if (state === this.#state) return;
    this.#state = state;
    this.o.onStateChange?.(state);
  }

  constructor(private readonly o: BreakerOptions) {}

  get state(): BreakerState {
    return this.#state;
  }

  /** 0 when the caller may call the network now; otherwise how long to wait before asking again. */
  acquire(): number {
    if (this.#state === 'CLOSED') return 0;
    const waited = this.o.now() - this.#openedAt;
    if (this.#state === 'OPEN' && waited >= this.o.openMs) {
      this.#set('HALF_OPEN');
      this.#probeOut = false;
    }
    if (this.#state === 'HALF_OPEN' && !this.#probeOut) {
      this.#probeOut = true;
      return 0;
    }
    return Math.max(1, this.o.openMs - waited);
  }

  success(): void {
    this.#set('CLOSED');
    this.#failures = 0;
    this.#probeOut = false;
  }

  failure(): void {
    this.#failures += 1;
    if (this.#state === 'HALF_OPEN' || this.#failures >= this.o.failureThreshold) {
      this.#set('OPEN');
      this.#openedAt = this.o.now();
      this.#probeOut = false;
    }
  }
}
