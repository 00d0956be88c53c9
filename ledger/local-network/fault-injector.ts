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
  /**
   * Mirror-node ingestion lag per endpoint (`default` for the others): a record shows on the mirror
   * `minMs` (fixed) or a uniform draw in `minMs..maxMs` (random) after consensus, never before an earlier one.
   */
  mirrorLag?: Partial<Record<MirrorEndpoint | 'default', LagSpec>>;
  /** Windows during which the mirror node (REST 503, gRPC UNAVAILABLE) is down. */
  mirrorOutages?: OutageWindow[];
}

/** Mirror endpoint groups a lag can be set for. */
export const MIRROR_ENDPOINTS = ['transactions', 'topicMessages', 'topics', 'tokens', 'accounts'] as const;
export type MirrorEndpoint = (typeof MIRROR_ENDPOINTS)[number];
export interface LagSpec {
  minMs: number;
  maxMs?: number;
}
const MAX_LAG_MS = 3_600_000;

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
  const known = new Set<string>([...RATES, 'dropResponseMode', 'outages', 'mirrorLag', 'mirrorOutages']);
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
  if (raw.outages !== undefined) config.outages = parseWindows(raw.outages, 'outages', bad);
  if (raw.mirrorOutages !== undefined)
    config.mirrorOutages = parseWindows(raw.mirrorOutages, 'mirrorOutages', bad);
  if (raw.mirrorLag !== undefined) config.mirrorLag = parseMirrorLag(raw.mirrorLag, bad);
  return config;
}

function parseMirrorLag(input: unknown, bad: (why: string) => Error): NonNullable<FaultConfig['mirrorLag']> {
  if (typeof input !== 'object' || input === null || Array.isArray(input))
    throw bad('mirrorLag must be an object');
  const out: NonNullable<FaultConfig['mirrorLag']> = {};
  const names = new Set<string>([...MIRROR_ENDPOINTS, 'default']);
  for (const [name, spec] of Object.entries(input)) {
    if (!names.has(name)) throw bad(`mirrorLag: unknown endpoint '${name}'`);
    const lag = spec as Partial<LagSpec> | null;
    const ms = (v: unknown) => typeof v === 'number' && Number.isFinite(v) && v >= 0 && v <= MAX_LAG_MS;
    if (
      typeof lag !== 'object' ||
      lag === null ||
      !ms(lag.minMs) ||
      (lag.maxMs !== undefined && !ms(lag.maxMs))
    ) {
      throw bad(`mirrorLag.${name} must be { minMs, maxMs? } in 0..${MAX_LAG_MS} ms`);
    }
    if (lag.maxMs !== undefined && lag.maxMs < lag.minMs!) throw bad(`mirrorLag.${name}: maxMs < minMs`);
    out[name as MirrorEndpoint] =
      lag.maxMs === undefined ? { minMs: lag.minMs! } : { minMs: lag.minMs!, maxMs: lag.maxMs };
  }
  return out;
}

function parseWindows(input: unknown, name: string, bad: (why: string) => Error): OutageWindow[] {
  if (!Array.isArray(input) || input.length > MAX_OUTAGES) {
    throw bad(`${name} must be an array of at most ${MAX_OUTAGES} windows`);
  }
  return input.map((w, i) => {
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
      throw bad(`${name}[${i}] must be { fromMs, toMs } with toMs >= fromMs`);
    }
    return { fromMs: win.fromMs, toMs: win.toMs };
  });
}

const within = (windows: OutageWindow[] | undefined, now: number) =>
  (windows ?? []).some((w) => now >= w.fromMs && now < w.toMs);

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
    return within(this.#config.outages, this.#now());
  }

  mirrorInOutage(): boolean {
    return within(this.#config.mirrorOutages, this.#now());
  }

  /** One draw of the mirror's ingestion lag for an endpoint, in ms (0 when none is configured). */
  mirrorLagMs(endpoint: MirrorEndpoint): number {
    const lag = this.#config.mirrorLag;
    const spec = lag?.[endpoint] ?? lag?.default;
    if (!spec) return 0;
    const max = spec.maxMs ?? spec.minMs;
    return max === spec.minMs ? spec.minMs : spec.minMs + this.#random() * (max - spec.minMs);
  }

  /** Whether any mirror lag is configured (the mirror can then skip its bookkeeping). */
  get mirrorLagging(): boolean {
    return Object.keys(this.#config.mirrorLag ?? {}).length > 0;
  }

  get dropMode(): 'unavailable' | 'hang' {
    return this.#config.dropResponseMode ?? 'unavailable';
  }
}
