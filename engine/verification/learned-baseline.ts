import { IDLE_SHARE } from './check-physics.ts';
import { type DeviceState, loadBucket } from './device-state.ts';
import type { Observation } from './observation.ts';
import type { RuleId } from './rule-catalog.ts';
import { round } from './rule-input.ts';
import type { ScopeProfile } from './scope-profile.ts';

/**
 * What a device has learned from its own APPROVED history: per rule and load band a window of
 * recent values (the learned band is their median ± k robust deviations), a reference taken when a
 * band first had enough history (a slow ramp cannot drag it along), the values of FLAGGED readings
 * whose review is still open (nothing is learned while one is: a reviewer's approval teaches them,
 * a rejection discards them), and the noise of each channel for the stuck-sensor statistics.
 * Bounded: `LEARNED_LIMITS` below.
 */
export interface LearnedState {
  /** `${rule}/${band}` → recent approved values, oldest first. */
  windows: Record<string, number[]>;
  /** `${rule}/${band}` → [median, robust sigma] when the band first reached `min_history`. */
  ref: Record<string, [number, number]>;
  /** Open reviews: [seq, [[key, value], …]] of FLAGGED readings, oldest first. */
  open: [number, [string, number][]][];
  /** Reading type → |difference| between adjacent approved readings (stuck statistics), oldest first. */
  noise: Record<string, number[]>;
  /** `${rule}/${band}` → end (ms) of the last approved reading taught, for bands physics lets move. */
  seen?: Record<string, number>;
  /** Certificate ids of the device's meters when the windows were started: a recalibration restarts them. */
  calibration: string;
}

export const LEARNED_LIMITS = { openReviews: 16, noise: 32 } as const;

/** A learned-baseline quantity of one reading. */
export interface LearnedPoint {
  rule: Extract<RuleId, `baseline.${string}`> | 'stats.drift';
  key: string;
  value: number;
  unit: string;
  /** The meters' combined accuracy as a share of the value (0.004 = ±0.4 %). */
  allowanceShare: number;
  /** Least robust deviation as a share of the value: how much the quantity moves for reasons of its own. */
  minSigmaShare: number;
  /** Whether the reference (not only the rolling window) bounds it: ratios that metering fixes. */
  anchored: boolean;
  /** Human words for the quantity and its band. */
  label: string;
}

/** Below this share of capacity station load dominates the export ratio: the static limits judge it. */
const MIN_RATIO_OUTPUT = 0.2;
const BAND_WORDS = ['20–40 %', '40–60 %', '60–80 %', '≥ 80 %'];

export function emptyLearned(calibration = ''): LearnedState {
  return { windows: {}, ref: {}, open: [], noise: {}, calibration };
}

/** The fingerprint of a device's calibration records: when it changes, the device learns afresh. */
export function calibrationFingerprint(profile: ScopeProfile): string {
  return profile.meters
    .map((m) => m.calibration?.certificate_id ?? '')
    .filter((id) => id !== '')
    .sort()
    .join(',');
}

/**
 * The ratios physics and metering fix but each plant sets, for one reading: export / generation per
 * output band, register delta / export, head per flow band. (Implied efficiency per load band is
 * `stats.drift`'s, see check-statistics.ts.)
 */
export function learnedPoints(
  observation: Observation,
  state: DeviceState,
  profile: ScopeProfile,
): LearnedPoint[] {
  const out: LearnedPoint[] = [];
  const { energy, energy_export: exported, energy_register: register, flow_rate: flow } = observation.values;
  const { accuracy, capacityKw } = profile;
  const hours = observation.intervalS / 3600;
  if (energy !== undefined && exported !== undefined && energy > 0) {
    const band = loadBucket(energy / hours / capacityKw);
    if (band >= 0 && energy / hours >= capacityKw * MIN_RATIO_OUTPUT) {
      out.push({
        rule: 'baseline.export_ratio',
        key: `export_ratio/${band}`,
        value: exported / energy,
        unit: '1',
        allowanceShare: (accuracy.energy + accuracy.energy_export) / 100,
        minSigmaShare: 1e-4,
        anchored: true,
        label: `export / generation at ${BAND_WORDS[band]} output`,
      });
    }
  }
  const previous = state.register;
  if (register !== undefined && exported !== undefined && previous && observation.endMs > previous.at_ms) {
    const elapsedS = (observation.endMs - previous.at_ms) / 1000;
    const uncoveredS = elapsedS - previous.covered_s - observation.intervalS;
    const sum = previous.export_low_kwh + exported;
    const coveredH = (previous.covered_s + observation.intervalS) / 3600;
    if (
      Math.abs(uncoveredS) <= observation.intervalS * 0.01 + 1 &&
      previous.export_low_kwh === previous.export_high_kwh &&
      sum >= capacityKw * coveredH * MIN_RATIO_OUTPUT
    ) {
      out.push({
        rule: 'baseline.register_ratio',
        key: 'register_ratio/0',
        value: (register - previous.kwh) / sum,
        unit: '1',
        allowanceShare:
          (accuracy.energy_register + accuracy.energy_export) / 100 + previous.resolution_kwh / sum,
        minSigmaShare: 1e-4,
        anchored: true,
        label: 'register delta / export',
      });
    }
  }
  const rated = profile.ratedFlowM3s;
  if (observation.headM !== undefined && flow !== undefined && rated !== undefined && energy !== 0) {
    // Above 80 % of rated flow the plant spills: forebay and tailwater follow the river, not the unit.
    const band = loadBucket(flow / rated);
    const running =
      observation.electricalKw === undefined || observation.electricalKw > capacityKw * IDLE_SHARE;
    if (band >= 0 && band < 3 && running) {
      const sensor = observation.values.head !== undefined ? accuracy.head : accuracy.pressure;
      out.push({
        rule: 'baseline.head_flow',
        key: `head_flow/${band}`,
        value: observation.headM,
        unit: 'm',
        allowanceShare: sensor / 100,
        // The river moves forebay and tailwater by tenths of a metre within a day at any unit flow.
        minSigmaShare: 0.005,
        anchored: false,
        label: `head at ${BAND_WORDS[band]} of rated flow`,
      });
    }
  }
  return out;
}

/** Stored values keep 6 significant digits: enough for any band, and the state stays small. */
export function keep(value: number): number {
  return round(value);
}
