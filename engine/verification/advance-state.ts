import type { TelemetryDocument } from '../telemetry/telemetry-document.ts';
import { nextChain } from './check-chain.ts';
import { exportBounds, registerResolutionKwh } from './check-register.ts';
import { baselinePoint, stuckCounts } from './check-statistics.ts';
import { type DeviceState, STATE_LIMITS } from './device-state.ts';
import type { Observation } from './observation.ts';
import { param } from './rule-input.ts';
import type { ScopeProfile } from './scope-profile.ts';
import type { Finding } from './verdict.ts';
import type { VerificationConfig } from './verification-config.ts';

export interface AcceptedReading {
  document: TelemetryDocument;
  observation: Observation;
  profile: ScopeProfile;
  config: VerificationConfig;
  findings: readonly Finding[];
}

/**
 * The device state after a reading was accepted (APPROVED or FLAGGED). Returns a new object; the
 * input state is not modified, so a caller may keep it (e.g. to retry a batch).
 */
export function advanceState(state: DeviceState, accepted: AcceptedReading): DeviceState {
  const { document, observation, profile, config, findings } = accepted;
  const next: DeviceState = {
    ...state,
    last_seq: Math.max(state.last_seq, document.seq),
    seq_ranges: addSeq(state.seq_ranges, document.seq),
    intervals: addInterval(state.intervals, [observation.startMs, observation.endMs]),
    cadence: [...state.cadence, document.interval_s].slice(-STATE_LIMITS.cadence),
    stuck: { ...state.stuck },
    chain: nextChain(state, document),
  };
  if (!state.last || observation.endMs >= state.last.end_ms) {
    next.last = { end_ms: observation.endMs, interval_s: observation.intervalS };
    // A reading whose power or efficiency was questioned is no reference for the next step check.
    if (!tainted(findings)) {
      if (observation.electricalKw !== undefined) next.last.electrical_kw = observation.electricalKw;
      if (observation.hydraulicKw !== undefined) next.last.hydraulic_kw = observation.hydraulicKw;
    }
  }
  const register = nextRegister(state, accepted);
  if (register) next.register = register;
  for (const [type, count] of stuckCounts({ observation, state })) next.stuck[type] = count;
  updateBaseline(state, next, observation, profile, config, findings);
  return next;
}

function nextRegister(state: DeviceState, { document, observation, profile, config }: AcceptedReading) {
  const previous = state.register;
  if (previous && observation.endMs <= previous.at_ms) return previous;
  const reading = observation.values.energy_register;
  if (reading !== undefined) {
    return {
      kwh: reading,
      at_ms: observation.endMs,
      resolution_kwh: registerResolutionKwh(document),
      export_low_kwh: 0,
      export_high_kwh: 0,
      covered_s: 0,
    };
  }
  if (!previous) return undefined;
  const [low, high] = exportBounds(observation, profile, config);
  return {
    ...previous,
    export_low_kwh: previous.export_low_kwh + low,
    export_high_kwh: previous.export_high_kwh + high,
    covered_s: previous.covered_s + observation.intervalS,
  };
}

/**
 * Only readings with a clean efficiency picture teach the baseline, so an inflation episode cannot
 * drag the baseline along with it. If a level persists for a full window it is the new normal
 * (a refurbished turbine, a recalibrated meter) and the bucket starts over.
 */
function updateBaseline(
  state: DeviceState,
  next: DeviceState,
  observation: Observation,
  profile: ScopeProfile,
  config: VerificationConfig,
  findings: readonly Finding[],
): void {
  const point = baselinePoint(observation, profile);
  if (!point) return;
  const window = Math.max(1, Math.round(param(config, 'stats.drift', 'window', 96)));
  const drifted = findings.some((f) => f.rule === 'stats.drift' && f.severity !== 'info');
  const baseline = state.baseline.map((bucket) => bucket);
  const streak = [...state.drift_streak];
  const b = point.bucket;
  if (drifted) {
    streak[b] = (streak[b] ?? 0) + 1;
    if (streak[b]! >= window) {
      baseline[b] = [];
      streak[b] = 0;
    }
  } else {
    streak[b] = 0;
    if (!tainted(findings)) baseline[b] = [...(baseline[b] ?? []), point.eta].slice(-window);
  }
  next.baseline = baseline;
  next.drift_streak = streak;
}

const POWER_RULES = new Set([
  'physics.efficiency',
  'physics.power_energy',
  'stats.step',
  'stats.drift',
  'stats.stuck',
]);

/** Whether a finding questions this reading's power or efficiency. */
function tainted(findings: readonly Finding[]): boolean {
  return findings.some((f) => f.severity !== 'info' && POWER_RULES.has(f.rule));
}

function addSeq(ranges: [number, number][], seq: number): [number, number][] {
  const last = ranges[ranges.length - 1];
  if (last && seq === last[1] + 1) return [...ranges.slice(0, -1), [last[0], seq]];
  return [...ranges, [seq, seq] as [number, number]].slice(-STATE_LIMITS.seqRanges);
}

function addInterval(intervals: [number, number][], interval: [number, number]): [number, number][] {
  const out = [...intervals];
  let i = out.length;
  while (i > 0 && out[i - 1]![1] > interval[1]) i--;
  out.splice(i, 0, interval);
  return out.slice(-STATE_LIMITS.intervals);
}
