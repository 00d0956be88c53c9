/**
 * Fault injection for the node's gRPC endpoint: each rate is the probability (0..1) that one call meets
 * the fault. Outage windows (absolute times on the network's clock, ms) make the node unreachable.
 */
import { LocalNetworkError } from './local-network-error.ts';

export interface OutageWindow {
  fromMs: number;
  toMs: number;
}

export interface FaultConfig {
  /** Precheck answers BUSY (the SDK retries). */
  busy?: number;
  /** Precheck answers PLATFORM_NOT_ACTIVE (the SDK retries). */
  platformNotActive?: number;
  /** The transaction reaches consensus but the client never gets the answer. */
  dropResponseAfterConsensus?: number;
  /** Precheck OK, but consensus comes after the valid window: the receipt says TRANSACTION_EXPIRED. */
  delayConsensusPastValidWindow?: number;
  /** How a dropped response looks: an immediate gRPC UNAVAILABLE (default), or no answer until the deadline. */
  dropResponseMode?: 'unavailable' | 'hang';
  /** Windows during which the node refuses every call with gRPC UNAVAILABLE. */
  outages?: OutageWindow[];
}

export type FaultKind =
  | 'busy'
  | 'platformNotActive'
  | 'dropResponseAfterConsensus'
  | 'delayConsensusPastValidWindow';
const RATES: FaultKind[] = [
  'busy',
  'platformNotActive',
  'dropResponseAfterConsensus',
  'delayConsensusPastValidWindow',
];
const MAX_OUTAGES = 100;

/** Validates untrusted input (the admin endpoint) into a FaultConfig; throws INVALID_FAULT_CONFIG. */
export function parseFaultConfig(input: unknown): FaultConfig {
  const bad = (why: string) => new LocalNetworkError('INVALID_FAULT_CONFIG', `invalid fault config: ${why}`);
  if (typeof input !== 'object' || input === null || Array.isArray(input)) throw bad('expected an object');
  const raw = input as Record<string, unknown>;
  const known = new Set<string>([...RATES, 'dropResponseMode', 'outages']);
  for (const key of Object.keys(raw)) if (!known.has(key)) throw bad(`unknown field '${key}'`);
  const config: FaultConfig = {};
  for (const rate of RATES) {
    const v = raw[rate];
    if (v === undefined) continue;
    if (typeof v !== 'number' || !Number.isFinite(v) || v < 0 || v > 1)
      throw bad(`${rate} must be a number in 0..1`);
    config[rate] = v;
  }
  if (raw.dropResponseMode !== undefined) {
    if (raw.dropResponseMode !== 'unavailable' && raw.dropResponseMode !== 'hang') {
      throw bad("dropResponseMode must be 'unavailable' or 'hang'");
    }
    config.dropResponseMode = raw.dropResponseMode;
  }
  if (raw.outages !== undefined) {
    if (!Array.isArray(raw.outages) || raw.outages.length > MAX_OUTAGES) {
      throw bad(`outages must be an array of at most ${MAX_OUTAGES} windows`);
    }
    config.outages = raw.outages.map((w, i) => {
      const win = w as Partial<OutageWindow> | null;
      if (
        typeof win !== 'object' ||
        win === null ||
        typeof win.fromMs !== 'number' ||
        typeof win.toMs !== 'number' ||
        !Number.isFinite(win.fromMs) ||
        !Number.isFinite(win.toMs) ||
        win.toMs < win.fromMs
      ) {
        throw bad(`outages[${i}] must be { fromMs, toMs } with toMs >= fromMs`);
      }
      return { fromMs: win.fromMs, toMs: win.toMs };
    });
  }
  return config;
}

export class FaultInjector {
  #config: FaultConfig;
  readonly #random: () => number;
  readonly #now: () => number;

  constructor(config: FaultConfig, random: () => number, now: () => number) {
    this.#config = parseFaultConfig(config);
    this.#random = random;
    this.#now = now;
  }

  get config(): FaultConfig {
    return structuredClone(this.#config);
  }

  set(config: FaultConfig): void {
    this.#config = parseFaultConfig(config);
  }

  /** Draws once: true when this call meets the fault. */
  roll(kind: FaultKind): boolean {
    const rate = this.#config[kind] ?? 0;
    return rate > 0 && this.#random() < rate;
  }

  inOutage(): boolean {
    const now = this.#now();
    return (this.#config.outages ?? []).some((w) => now >= w.fromMs && now < w.toMs);
  }

  get dropMode(): 'unavailable' | 'hang' {
    return this.#config.dropResponseMode ?? 'unavailable';
  }
}
