import { emptyLearned, type LearnedState } from './learned-baseline.ts';

/**
 * What the verifier remembers about one device between readings. Plain JSON (the service stores it
 * between batches) and bounded: every collection is a fixed-size window, so a device that reports
 * for years costs the same memory as one that reported for a day.
 */
export interface DeviceState {
  version: 1;
  device_id: string;
  /** Highest accepted seq, -1 before the first. */
  last_seq: number;
  /** Accepted seqs as ascending inclusive ranges (at most `STATE_LIMITS.seqRanges`): replay lookup. */
  seq_ranges: [number, number][];
  /** Recently accepted intervals [start ms, end ms], ascending by end: duplicate-interval lookup. */
  intervals: [number, number][];
  /** interval_s of the latest accepted readings (the device's cadence). */
  cadence: number[];
  /** The latest accepted interval in time, for step checks. */
  last?: { end_ms: number; interval_s: number; electrical_kw?: number; hydraulic_kw?: number };
  /** The latest register reading and the export accepted since then (low/high bounds, kWh). */
  register?: {
    kwh: number;
    at_ms: number;
    /** Reading resolution in kWh, from the decimals the meter sent. */
    resolution_kwh: number;
    export_low_kwh: number;
    export_high_kwh: number;
    covered_s: number;
  };
  /**
   * Per watched quantity: [last value, how many consecutive accepted readings had it, lowest and
   * highest electrical power (kW) during that run].
   */
  stuck: Record<string, [number, number, number, number]>;
  /** The newest accepted document's seq and `documentHash`, for the `prev_hash` chain (check-chain.ts). */
  chain?: { seq: number; hash: string };
  /** Implied-efficiency history per hydraulic-load bucket (most recent last), each ≤ the drift window. */
  baseline: number[][];
  /** Kept for states stored before learned baselines (no longer advanced: nothing re-bases without review). */
  drift_streak: number[];
  /** Learned bands, open reviews and channel noise (learned-baseline.ts); absent in states stored before. */
  learned?: LearnedState;
}

export const STATE_LIMITS = {
  seqRanges: 64,
  intervals: 64,
  cadence: 8,
} as const;

/** Hydraulic load (fraction of rated ρgQH) bucket edges for the efficiency baseline. */
export const LOAD_BUCKETS = [0.2, 0.4, 0.6, 0.8] as const;

/**
 * The state of a device the verifier has not seen yet.
 *
 * @example
 * let state = initialDeviceState('did:key:z6Mk…');
 */
export function initialDeviceState(deviceId: string): DeviceState {
  return {
    version: 1,
    device_id: deviceId,
    last_seq: -1,
    seq_ranges: [],
    intervals: [],
    cadence: [],
    stuck: {},
    baseline: LOAD_BUCKETS.map(() => []),
    drift_streak: LOAD_BUCKETS.map(() => 0),
    learned: emptyLearned(),
  };
}

/** Which baseline bucket a hydraulic load fraction falls in; -1 below the lowest edge (idling). */
export function loadBucket(fraction: number): number {
  let bucket = -1;
  for (let i = 0; i < LOAD_BUCKETS.length; i++) if (fraction >= LOAD_BUCKETS[i]!) bucket = i;
  return bucket;
}
