import type { ReadingType } from '../telemetry/telemetry-document.ts';
import { convert } from '../units/index.ts';
import { decimalStep } from './check-register.ts';
import { atPlateau, stuckCounts } from './check-statistics.ts';
import { meterOf } from './meter-accuracy.ts';
import { canonicalUnits } from './observation.ts';
import { repeatProbability } from './repeat-probability.ts';
import { enabled, finding, param, type RuleInput, show } from './rule-input.ts';
import type { Finding } from './verdict.ts';

/** Differences a channel needs in its learned noise before its repeats are judged by probability. */
export const MIN_NOISE_HISTORY = 8;
/** Cold start, as before the statistics: these channels never repeat honestly for `window` readings. */
const COLD_WATCHED: ReadonlySet<ReadingType> = new Set([
  'flow_rate',
  'energy',
  'energy_export',
  'power_output',
]);
const STUCK_FLOW_OUTPUT_SWING = 0.02;
const COARSE_SHARE = 0.002;

interface Run {
  type: ReadingType;
  value: number;
  count: number;
  /** Probability of one more identical value under the channel's noise and resolution. */
  p: number;
}

/**
 * Stuck and frozen sensors by statistics: for each channel that repeats its value, the probability
 * that `count − 1` repeats in a row arise from its learned noise (the robust spread of its
 * changes between adjacent approved readings) and its resolution (the decimals it sends). Below the
 * policy's `p_max` the channel is stuck (`stats.stuck`); several channels repeating together are
 * judged jointly (`stats.frozen`, a frozen logger that re-sends its last values). Values that are
 * legitimately constant are exempt, with the physics that explains them: zero in a shutdown, a
 * rating a governor or a fully open gate holds, a transmitter's full-scale clamp. A channel whose
 * noise is not yet learned falls back to the fixed window of the policy (cold start).
 */
export function checkStuck(input: RuleInput): Finding[] {
  const { profile, config, state } = input;
  if (!enabled(config, 'stats.stuck')) return [];
  const window = param(config, 'stats.stuck', 'window', 6);
  const pMax = param(config, 'stats.stuck', 'p_max', 1e-5);
  const noise = state.learned?.noise ?? {};
  const out: Finding[] = [];
  const joint: Run[] = [];
  for (const [type, [value, count, low, high]] of stuckCounts(input)) {
    if (count < 2) continue;
    const exemption = exemptionOf(type, value, input);
    const diffs = noise[type];
    if (!diffs || diffs.length < MIN_NOISE_HISTORY) {
      if (!COLD_WATCHED.has(type) || exemption || count < window) continue;
      if (
        type === 'flow_rate' &&
        coarse(input, type) &&
        high - low < profile.capacityKw * STUCK_FLOW_OUTPUT_SWING
      )
        continue;
      out.push(
        finding(
          'stats.stuck',
          'warning',
          `${type} has repeated ${show(value)} for ${count} readings (cold start: its noise is not learned yet, the policy's window of ${window} applies)`,
          {
            measured: count,
            limit: window,
            unit: 'readings',
          },
        ),
      );
      continue;
    }
    const sigma = quietSigma(diffs);
    const resolution = resolutionOf(input, type);
    const p = repeatProbability(sigma, resolution);
    if (p >= 1) continue;
    const chance = p ** (count - 1);
    // The run length at which the probability first falls below p_max: the limit a verifier reads.
    const limit = p > 0 ? 1 + Math.ceil(Math.log(pMax) / Math.log(p)) : 2;
    const why = `with its learned noise (σ ${show(sigma)} ${canonicalUnits[type]} between readings) and resolution ${show(resolution)} that happens by chance with probability ${show(chance)}`;
    if (chance < pMax) {
      if (exemption) {
        out.push(
          finding('stats.stuck', 'info', `${type} held ${show(value)} for ${count} readings: ${exemption}`),
        );
      } else {
        out.push(
          finding(
            'stats.stuck',
            'warning',
            `${type} has repeated ${show(value)} for ${count} readings; ${why} (threshold ${show(pMax)})`,
            {
              measured: count,
              limit,
              unit: 'readings',
            },
          ),
        );
      }
    } else if (!exemption) joint.push({ type, value, count, p });
  }
  if (joint.length >= 2 && enabled(config, 'stats.frozen')) {
    const chance = joint.reduce((product, run) => product * run.p ** (run.count - 1), 1);
    if (chance < pMax) {
      const runs = joint.map((r) => `${r.type} ${show(r.value)} ×${r.count}`).join(', ');
      out.push(
        finding(
          'stats.frozen',
          'warning',
          `${joint.length} channels repeat together (${runs}); their learned noise makes that a chance of ${show(chance)}, below the threshold ${show(pMax)}: a frozen logger re-sending its last values`,
          {
            measured: chance,
            limit: pMax,
            unit: '1',
          },
        ),
      );
    }
  }
  return out;
}

/**
 * The channel's noise from its quiet spells: the lower quartile of |change| between adjacent
 * readings over 0.3186 (that quartile of |N(0, σ)|). Honest changes mix noise with process moves;
 * the quiet quartile keeps the estimate from overstating the noise of a calm night, which would make
 * an honest repeat look improbable.
 */
function quietSigma(diffs: readonly number[]): number {
  const sorted = Float64Array.from(diffs).sort();
  return sorted[Math.floor((sorted.length - 1) / 4)]! / QUARTILE_OF_HALF_NORMAL;
}

const QUARTILE_OF_HALF_NORMAL = 0.3186;

/** Why a constant value is physics, not a frozen sensor; undefined when nothing explains it. */
function exemptionOf(type: ReadingType, value: number, input: RuleInput): string | undefined {
  const { observation, profile, document } = input;
  if (value <= 0) return 'zero — the unit is shut down, nothing flows and nothing is generated';
  if (atPlateau(type, value, observation, profile)) {
    return type === 'flow_rate'
      ? 'at ≥ 97 % of rated flow the gates are fully open and flow cannot rise'
      : 'at ≥ 97 % of nameplate the governor holds output constant';
  }
  const sensor = document.readings.find((r) => r.type === type)?.sensor_id;
  const meter =
    type === 'ph' || type === 'turbidity' || type === 'water_temperature'
      ? undefined
      : meterOf(profile.meters, type, sensor);
  if (meter?.full_scale !== undefined && value >= meter.full_scale * 0.999) {
    return `at the transmitter's full scale ${show(meter.full_scale)} ${canonicalUnits[type]} it clamps and reads constant`;
  }
  return undefined;
}

/** The smallest step the channel's readings can show, in the canonical unit. */
function resolutionOf({ document }: RuleInput, type: ReadingType): number {
  let total = 0;
  for (const r of document.readings) {
    if (r.type === type) total += decimalStep(r.value) * Math.abs(convert(1, r.unit, canonicalUnits[type]));
  }
  return total;
}

/** Whether a reading's last digit is worth more than 0.2 % of its value. */
function coarse({ document }: RuleInput, type: ReadingType): boolean {
  return document.readings.some(
    (r) => r.type === type && r.value > 0 && decimalStep(r.value) > r.value * COARSE_SHARE,
  );
}
