import type { CanonicalForms } from '../telemetry/canonical-forms.ts';
import type { TelemetryDocument } from '../telemetry/telemetry-document.ts';
import { nextChain } from './check-chain.ts';
import { exportBounds, registerResolutionKwh } from './check-register.ts';
import { stuckCounts } from './check-statistics.ts';
import { type DeviceState, STATE_LIMITS } from './device-state.ts';
import { learnFromReading } from './learn-from-reading.ts';
import type { Observation } from './observation.ts';
import type { ScopeProfile } from './scope-profile.ts';
import type { Finding, VerdictStatus } from './verdict.ts';
import type { VerificationConfig } from './verification-config.ts';

export interface AcceptedReading {
  document: TelemetryDocument;
  observation: Observation;
  profile: ScopeProfile;
  config: VerificationConfig;
  findings: readonly Finding[];
  /** The verdict's status (default: FLAGGED when a finding warned): only APPROVED readings teach. */
  status?: VerdictStatus;
  /** The document's canonical text if the caller already wrote it (the chain hash reuses it). */
  canonical?: CanonicalForms;
}

/**
 * The device state after a reading was accepted (APPROVED or FLAGGED). Returns a new object; the
 * input state is not modified, so a caller may keep it (e.g. to retry a batch). What the reading
 * teaches the learned baselines: learn-from-reading.ts.
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
    chain: nextChain(state, document, accepted.canonical),
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
  learnFromReading(state, next, {
    observation,
    profile,
    config,
    status: accepted.status ?? (findings.some((f) => f.severity === 'warning') ? 'FLAGGED' : 'APPROVED'),
    seq: document.seq,
    tainted: tainted(findings),
  });
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
