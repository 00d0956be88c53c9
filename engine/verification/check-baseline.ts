import { bandAround, insideBand, type LearnedBand, learnedBand } from './learned-band.ts';
import { calibrationFingerprint, type LearnedPoint, learnedPoints } from './learned-baseline.ts';
import { enabled, finding, param, type RuleInput, show } from './rule-input.ts';
import type { Finding } from './verdict.ts';

/**
 * Learned baselines: a reading whose export ratio, register ratio or head leaves the band the device
 * learned from its own approved history by more than its meters' accuracy classes allow is a
 * warning (FLAGGED under the shipped thresholds). Ratios that metering fixes are also held to the
 * reference band learned first, so a ramp too slow for the rolling window still leaves it.
 * Cold start: a band with fewer than `min_history` approved readings is not judged — the static
 * physics limits (physics.export_ratio, physics.register_delta) apply meanwhile.
 */
export function checkBaselines(input: RuleInput, earlier: readonly Finding[] = []): Finding[] {
  const learned = input.state.learned;
  // Bands learned before the device's current calibration describe meters that read differently.
  if (!learned || recalibrated(input.state, input.profile)) return [];
  const out: Finding[] = [];
  for (const point of learnedPoints(input.observation, input.state, input.profile)) {
    if (point.rule === 'stats.drift' || !enabled(input.config, point.rule)) continue;
    // The learned band refines a static limit; where the static limit already objected it adds nothing.
    const staticRule = STATIC_RULE[point.rule];
    if (staticRule && earlier.some((f) => f.rule === staticRule && f.severity !== 'info')) continue;
    const seen = learned.seen?.[point.key];
    // A band not visited for days describes another season: it starts over rather than judge.
    if (!point.anchored && seen !== undefined && input.observation.endMs - seen > STALE_MS) continue;
    const window = learned.windows[point.key] ?? [];
    const settings = baselineSettings(input.config, point.rule);
    if (window.length < settings.minHistory) continue;
    const band = learnedBand(window, {
      k: settings.k,
      allowanceShare: point.allowanceShare,
      minSigmaShare: point.minSigmaShare,
    });
    const ref = learned.ref[point.key];
    if (!insideBand(point.value, band)) {
      out.push(outside(point, band, 'learned band'));
    } else if (point.anchored && ref) {
      const reference = bandAround(ref[0], ref[1], {
        k: settings.k,
        allowanceShare: point.allowanceShare,
        n: settings.minHistory,
      });
      if (!insideBand(point.value, reference)) out.push(outside(point, reference, 'reference band'));
    }
  }
  return out;
}

const STATIC_RULE: Partial<Record<LearnedPoint['rule'], string>> = {
  'baseline.export_ratio': 'physics.export_ratio',
  'baseline.register_ratio': 'physics.register_delta',
};

/** After this long without an approved reading, a band that physics lets move (head) is stale. */
export const STALE_MS = 48 * 3_600_000;

export function baselineSettings(config: RuleInput['config'], rule: LearnedPoint['rule']) {
  return {
    window: Math.max(1, Math.round(param(config, rule, 'window', 48))),
    minHistory: Math.max(1, Math.round(param(config, rule, 'min_history', 24))),
    k: param(config, rule, 'k', 5),
  };
}

function outside(point: LearnedPoint, band: LearnedBand, which: string): Finding {
  const above = point.value > band.high;
  const limit = above ? band.high + band.allowance : band.low - band.allowance;
  const unit = point.unit === '1' ? '' : ` ${point.unit}`;
  const allowance =
    point.unit === '1' ? `±${show(point.allowanceShare * 100)} %` : `±${show(band.allowance)}${unit}`;
  return finding(
    point.rule,
    'warning',
    `${point.label} is ${show(point.value)}${unit}, ${above ? 'above' : 'below'} the ${which} ${show(band.low)}–${show(band.high)}${unit} this device learned from ${band.n} approved readings by more than its meters' accuracy (${allowance}) allows`,
    {
      measured: point.value,
      limit,
      unit: point.unit,
      band: { low: band.low, high: band.high, median: band.median, n: band.n },
      allowance: band.allowance,
    },
  );
}

/** Whether the device's calibration certificates changed since its bands were started. */
export function recalibrated(state: RuleInput['state'], profile: RuleInput['profile']): boolean {
  return state.learned !== undefined && state.learned.calibration !== calibrationFingerprint(profile);
}
