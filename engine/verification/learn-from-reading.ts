import { baselineSettings, STALE_MS } from './check-baseline.ts';
import { atPlateau, baselinePoint, STUCK_WATCHED } from './check-statistics.ts';
import { defaultVerificationConfig } from './default-verification-config.ts';
import type { DeviceState } from './device-state.ts';
import { insideBand, learnedBand } from './learned-band.ts';
import {
  calibrationFingerprint,
  emptyLearned,
  keep,
  LEARNED_LIMITS,
  type LearnedState,
  learnedPoints,
} from './learned-baseline.ts';
import { meterOf } from './meter-accuracy.ts';
import type { Observation } from './observation.ts';
import { appendToWindow } from './robust-stats.ts';
import { param } from './rule-input.ts';
import type { ScopeProfile } from './scope-profile.ts';
import type { VerdictStatus } from './verdict.ts';
import type { VerificationConfig } from './verification-config.ts';

export interface LearningInput {
  observation: Observation;
  profile: ScopeProfile;
  config: VerificationConfig;
  status: VerdictStatus;
  seq: number;
  /** Whether a finding questioned this reading's power or efficiency (it teaches no efficiency). */
  tainted: boolean;
}

/**
 * What the device learns from one accepted reading (state = before it, next = being built):
 * APPROVED readings teach the learned bands, the efficiency baseline and the channel noise, unless a
 * review is open — then nothing is learned until it closes; FLAGGED readings open a review and park
 * their values with it (`closeReview` teaches them on approval). A new set of calibration
 * certificates restarts every band: a recalibrated meter reads differently by design.
 */
export function learnFromReading(state: DeviceState, next: DeviceState, input: LearningInput): void {
  const { observation, profile, config, status } = input;
  const fingerprint = calibrationFingerprint(profile);
  const recalibrated = state.learned !== undefined && state.learned.calibration !== fingerprint;
  const before = state.learned && !recalibrated ? state.learned : emptyLearned(fingerprint);
  if (recalibrated) next.baseline = state.baseline.map(() => []);
  const learnable = learnedPoints(observation, state, profile);
  const points: [string, number][] = learnable.map((p) => [p.key, keep(p.value)]);
  const sigmaShares = new Map(learnable.map((p) => [p.key, p.minSigmaShare]));
  const eta = input.tainted ? undefined : baselinePoint(observation, profile);
  if (eta) points.push([`efficiency/${eta.bucket}`, keep(eta.eta)]);
  const learned: LearnedState = { ...before };
  if (status === 'FLAGGED') {
    learned.open = [...before.open, [input.seq, points] as [number, [string, number][]]].slice(
      -LEARNED_LIMITS.openReviews,
    );
  } else if (status === 'APPROVED' && before.open.length === 0) {
    teach(learned, next, points, config, { onlyInside: true, atMs: observation.endMs, sigmaShares });
    learned.noise = noiseAfter(before.noise, state, observation, profile);
  }
  next.learned = learned;
}

/**
 * A reviewer's decision on a FLAGGED reading: its parked values are learned on approval and
 * discarded on rejection; once no review is open the device learns again. Unknown seqs (a review
 * of a reading the state no longer parks) change nothing.
 *
 * @example
 * state = closeReview(state, { seq: 1042, decision: 'approve' }, config);
 */
export function closeReview(
  state: DeviceState,
  review: { seq: number; decision: 'approve' | 'reject' },
  config: VerificationConfig = defaultVerificationConfig(),
): DeviceState {
  const learned = state.learned;
  const entry = learned?.open.find(([seq]) => seq === review.seq);
  if (!learned || !entry) return state;
  const next: DeviceState = { ...state, baseline: state.baseline.map((b) => b) };
  const after: LearnedState = { ...learned, open: learned.open.filter((e) => e !== entry) };
  // A verifier vouched for these values: they are learned even where they widen the band.
  if (review.decision === 'approve') teach(after, next, entry[1], config, { onlyInside: false });
  next.learned = after;
  return next;
}

/** Whether the device is learning: false while a review of one of its readings is open. */
export function isLearning(state: DeviceState): boolean {
  return (state.learned?.open.length ?? 0) === 0;
}

function teach(
  learned: LearnedState,
  next: DeviceState,
  points: [string, number][],
  config: VerificationConfig,
  options: { onlyInside: boolean; atMs?: number; sigmaShares?: Map<string, number> },
): void {
  const { onlyInside, atMs } = options;
  const windows = { ...learned.windows };
  const ref = { ...learned.ref };
  const seen = { ...learned.seen };
  for (const [key, value] of points) {
    if (!Number.isFinite(value)) continue;
    if (key.startsWith('efficiency/')) {
      const bucket = Number(key.slice('efficiency/'.length));
      const size = Math.max(1, Math.round(param(config, 'stats.drift', 'window', 96)));
      next.baseline = next.baseline.map((b, i) => (i === bucket ? appendToWindow(b, value, size) : b));
      continue;
    }
    const rule = `baseline.${key.slice(0, key.indexOf('/'))}` as 'baseline.export_ratio';
    const settings = baselineSettings(config, rule);
    let window = windows[key] ?? [];
    if (key.startsWith('head_flow/') && atMs !== undefined) {
      if (seen[key] !== undefined && atMs - seen[key]! > STALE_MS) window = [];
      seen[key] = atMs;
    }
    if (onlyInside && window.length >= settings.minHistory) {
      // An approved value outside the band (a policy that lets the rule's findings through) must not widen it.
      const minSigmaShare = options.sigmaShares?.get(key) ?? 1e-4;
      const band = learnedBand(window, { k: settings.k, allowanceShare: 0, minSigmaShare });
      if (!insideBand(value, band)) continue;
    }
    windows[key] = appendToWindow(window, value, settings.window);
    const reference = ref[key];
    if (!onlyInside && reference && Math.abs(value - reference[0]) > settings.k * reference[1]) {
      // A verifier approved a value outside the reference: the reference is retaken from what the
      // device has learned since (a repaired meter, a new transformer), not kept as a standing alarm.
      delete ref[key];
    }
    if (!ref[key] && windows[key]!.length >= settings.minHistory) {
      const band = learnedBand(windows[key]!, { k: settings.k, allowanceShare: 0 });
      ref[key] = [keep(band.median), keep(band.sigma)];
    }
  }
  learned.windows = windows;
  learned.ref = ref;
  learned.seen = seen;
}

/** |value − previous| per watched channel for adjacent, running intervals. */
function noiseAfter(
  noise: LearnedState['noise'],
  state: DeviceState,
  observation: Observation,
  profile: ScopeProfile,
): LearnedState['noise'] {
  const last = state.last;
  if (!last || Math.abs(observation.startMs - last.end_ms) > Math.max(1000, observation.intervalS * 10)) {
    return noise;
  }
  const out = { ...noise };
  for (const type of STUCK_WATCHED) {
    const value = observation.values[type];
    const previous = state.stuck[type]?.[0];
    if (value === undefined || previous === undefined || value <= 0 || previous <= 0) continue;
    // A value physics holds constant (a rating, a clamp) says nothing about the sensor's noise.
    if (atPlateau(type, value, observation, profile)) continue;
    const scale =
      type === 'ph' || type === 'turbidity' || type === 'water_temperature'
        ? undefined
        : meterOf(profile.meters, type)?.full_scale;
    if (scale !== undefined && value >= scale * 0.999) continue;
    out[type] = [...(out[type] ?? []), keep(Math.abs(value - previous))].slice(-LEARNED_LIMITS.noise);
  }
  return out;
}
