import type { ReadingType } from '../telemetry/telemetry-document.ts';
import { recalibrated } from './check-baseline.ts';
import { IDLE_SHARE } from './check-physics.ts';
import { checkStuck } from './check-stuck.ts';
import { loadBucket } from './device-state.ts';
import type { Observation } from './observation.ts';
import { medianAndMad } from './robust-stats.ts';
import { enabled, finding, param, type RuleInput, show } from './rule-input.ts';
import type { ScopeProfile } from './scope-profile.ts';
import type { Finding } from './verdict.ts';

/**
 * Channels the stuck-sensor statistics watch. Water quality has no physics behind it here; the
 * register is cumulative (the register rule watches it).
 */
export const STUCK_WATCHED: readonly ReadingType[] = [
  'flow_rate',
  'head',
  'pressure',
  'energy',
  'energy_export',
  'power_output',
];
/** A governor holding rated output (or a gate at full opening) is a real plateau, not a stuck sensor. */
const PLATEAU_SHARE = 0.97;
/** Steps and the baseline only consider real operation: hydraulic load and output above these shares. */
const MIN_STEP_LOAD = 0.2;
const MIN_STEP_OUTPUT = 0.1;
/** A change smaller than this share of rating is not a step worth explaining. */
const MIN_STEP_SIZE = 0.1;
/** Floor of the robust deviation of implied efficiency: flow meters are rarely better than ±1 %. */
const MIN_SIGMA = 0.01;
/** MAD → standard deviation for normally distributed noise. */
const MAD_TO_SIGMA = 1.4826;

/** Per-device statistics: stuck sensors, steps flow does not explain, drift from the device's baseline. */
export function checkStatistics(input: RuleInput): Finding[] {
  const out: Finding[] = checkStuck(input);
  checkStep(input, out);
  checkDrift(input, out);
  return out;
}

/**
 * Per watched quantity: [value, how many consecutive readings (this one included) carried it, lowest
 * and highest electrical power (kW) seen during that run].
 */
export function stuckCounts(
  input: Pick<RuleInput, 'observation' | 'state'>,
): Map<ReadingType, [number, number, number, number]> {
  const counts = new Map<ReadingType, [number, number, number, number]>();
  const power = input.observation.electricalKw ?? 0;
  for (const type of STUCK_WATCHED) {
    const value = input.observation.values[type];
    if (value === undefined) continue;
    const previous = input.state.stuck[type];
    counts.set(
      type,
      previous && previous[0] === value
        ? [
            value,
            previous[1] + 1,
            Math.min(previous[2] ?? power, power),
            Math.max(previous[3] ?? power, power),
          ]
        : [value, 1, power, power],
    );
  }
  return counts;
}

/** Whether a value sits at the scope's rating: a governor or a fully open gate holds it there. */
export function atPlateau(
  type: ReadingType,
  value: number,
  observation: Observation,
  profile: ScopeProfile,
): boolean {
  const hours = observation.intervalS / 3600;
  switch (type) {
    case 'energy':
    case 'energy_export':
      return value >= profile.capacityKw * hours * PLATEAU_SHARE;
    case 'power_output':
      return value >= profile.capacityKw * PLATEAU_SHARE;
    case 'flow_rate':
      return profile.ratedFlowM3s !== undefined && value >= profile.ratedFlowM3s * PLATEAU_SHARE;
    default:
      return false;
  }
}

function checkStep({ observation, state, profile, config }: RuleInput, out: Finding[]): void {
  const previous = state.last;
  if (!enabled(config, 'stats.step') || !previous) return;
  const { electricalKw: p1, hydraulicKw: h1 } = observation;
  const { electrical_kw: p0, hydraulic_kw: h0 } = previous;
  if (p0 === undefined || h0 === undefined || p1 === undefined || h1 === undefined) return;
  // Only adjacent intervals: across a gap anything may have happened.
  const jitterMs = Math.max(1000, observation.intervalS * 10);
  if (Math.abs(observation.startMs - previous.end_ms) > jitterMs) return;
  const { capacityKw, ratedHydraulicKw } = profile;
  if (
    Math.min(h0, h1) < ratedHydraulicKw * MIN_STEP_LOAD ||
    Math.min(p0, p1) < capacityKw * MIN_STEP_OUTPUT
  ) {
    return;
  }
  if (
    Math.abs(p1 - p0) < capacityKw * MIN_STEP_SIZE &&
    Math.abs(h1 - h0) < ratedHydraulicKw * MIN_STEP_SIZE
  ) {
    return;
  }
  const tolerance = param(config, 'stats.step', 'tolerance', 0.3);
  const ratio = p1 / p0 / (h1 / h0);
  if (ratio > 1 + tolerance || ratio < 1 / (1 + tolerance)) {
    out.push(
      finding(
        'stats.step',
        'warning',
        `output changed ×${show(p1 / p0)} while flow × head changed ×${show(h1 / h0)}`,
        { measured: ratio, limit: ratio > 1 ? 1 + tolerance : 1 / (1 + tolerance), unit: '1' },
      ),
    );
  }
}

/**
 * A unit that was idle (or unheard) in the previous interval ran for only part of this one: its mean
 * flow understates the load it ran at, so its efficiency belongs to no load bucket.
 */
function startingUp(observation: Observation, state: RuleInput['state'], profile: ScopeProfile): boolean {
  const previous = state.last;
  if (
    !previous ||
    Math.abs(observation.startMs - previous.end_ms) > Math.max(1000, observation.intervalS * 10)
  ) {
    return true;
  }
  return previous.electrical_kw !== undefined && previous.electrical_kw <= profile.capacityKw * IDLE_SHARE;
}

/** The implied efficiency and its load bucket when the reading is fit for the baseline. */
export function baselinePoint(
  observation: Observation,
  profile: ScopeProfile,
): { bucket: number; eta: number } | undefined {
  const { electricalKw, hydraulicKw } = observation;
  if (electricalKw === undefined || hydraulicKw === undefined || hydraulicKw <= 0) return undefined;
  if (electricalKw <= profile.capacityKw * IDLE_SHARE) return undefined;
  const bucket = loadBucket(hydraulicKw / profile.ratedHydraulicKw);
  return bucket < 0 ? undefined : { bucket, eta: electricalKw / hydraulicKw };
}

function checkDrift({ observation, state, profile, config }: RuleInput, out: Finding[]): void {
  if (!enabled(config, 'stats.drift')) return;
  const point = baselinePoint(observation, profile);
  if (!point || startingUp(observation, state, profile) || recalibrated(state, profile)) return;
  const history = state.baseline[point.bucket] ?? [];
  if (history.length < param(config, 'stats.drift', 'min_history', 12)) return;
  const k = param(config, 'stats.drift', 'k', 6);
  const { median, mad } = medianAndMad(history);
  const sigma = Math.max(MAD_TO_SIGMA * mad, MIN_SIGMA);
  // Power, flow and head meters each err within their class: the allowance is their sum.
  const { accuracy } = profile;
  const head = observation.values.head !== undefined ? accuracy.head : accuracy.pressure;
  const allowance = ((accuracy.energy + accuracy.flow_rate + head) / 100) * median;
  const z = (point.eta - median) / sigma;
  if (Math.abs(point.eta - median) > k * sigma + allowance) {
    const side = Math.sign(z);
    out.push(
      finding(
        'stats.drift',
        'warning',
        `implied efficiency ${show(point.eta)} is ${show(Math.abs(z))} robust deviations from the device's baseline ${show(median)} (band ${show(median - k * sigma)}–${show(median + k * sigma)} from ${history.length} approved readings, meters' accuracy ±${show(allowance)})`,
        {
          measured: point.eta,
          limit: median + side * (k * sigma + allowance),
          unit: '1',
          band: { low: median - k * sigma, high: median + k * sigma, median, n: history.length },
          allowance,
        },
      ),
    );
  }
}
