import { type DeviceState, STATE_LIMITS } from './device-state.ts';
import { enabled, finding, param, type RuleInput, show } from './rule-input.ts';
import type { Finding } from './verdict.ts';

/**
 * Time and sequence rules: replay of (device, seq), seq not increasing, an interval already
 * reported under another seq, a timestamp in the future, and an interval length off the device's
 * cadence. Lateness is never a finding: devices buffer while offline and deliver late, in order.
 */
export function checkTime(input: RuleInput): Finding[] {
  const { document, observation, state, config, nowMs } = input;
  const out: Finding[] = [];
  const seq = document.seq;
  const replayed = seq <= state.last_seq && seqSeen(state, seq);
  if (seq <= state.last_seq) {
    if (enabled(config, 'replay') && replayed) {
      out.push(
        finding('replay', 'error', `seq ${seq} of this device was already accepted`, { measured: seq }),
      );
    } else if (enabled(config, 'time.sequence')) {
      out.push(
        finding('time.sequence', 'error', `seq ${seq} is not above the last accepted seq ${state.last_seq}`, {
          measured: seq,
          limit: state.last_seq + 1,
        }),
      );
    }
  }
  // A replayed document naturally repeats its interval; one finding says it better than two.
  if (enabled(config, 'time.duplicate_interval') && !replayed) {
    const overlap = overlappingInterval(state, observation.startMs, observation.endMs);
    if (overlap) out.push(overlap);
  }
  if (enabled(config, 'time.future')) {
    const toleranceS = param(config, 'time.future', 'tolerance_s', 300);
    const aheadS = (observation.endMs - nowMs) / 1000;
    if (aheadS > toleranceS) {
      out.push(
        finding('time.future', 'error', `timestamp is ${show(aheadS)} s ahead of the verifier's clock`, {
          measured: aheadS,
          limit: toleranceS,
          unit: 's',
        }),
      );
    }
  }
  if (enabled(config, 'time.cadence')) {
    const cadence = usualCadence(state.cadence);
    // 1 % slack: some devices report the measured length of the interval rather than the nominal one.
    if (cadence !== undefined && Math.abs(document.interval_s - cadence) > cadence * 0.01) {
      out.push(
        finding(
          'time.cadence',
          'warning',
          `interval ${document.interval_s} s differs from the device's ${cadence} s cadence`,
          {
            measured: document.interval_s,
            limit: cadence,
            unit: 's',
          },
        ),
      );
    }
  }
  return out;
}

function seqSeen(state: DeviceState, seq: number): boolean {
  for (const [from, to] of state.seq_ranges) if (seq >= from && seq <= to) return true;
  return false;
}

/**
 * An interval that overlaps one already accepted by more than jitter (1 % of the interval, at least
 * 1 s) re-reports energy that was already counted. An interval older than the remembered window cannot
 * be proven new, and in-order devices never send one, so it is treated the same way.
 */
function overlappingInterval(state: DeviceState, startMs: number, endMs: number): Finding | undefined {
  const jitterMs = Math.max(1000, (endMs - startMs) * 0.01);
  for (let i = state.intervals.length - 1; i >= 0; i--) {
    const [s, e] = state.intervals[i]!;
    if (e <= startMs) break; // ascending by end: nothing earlier can overlap
    const overlapMs = Math.min(e, endMs) - Math.max(s, startMs);
    if (overlapMs > jitterMs) {
      const same = e === endMs;
      return finding(
        'time.duplicate_interval',
        'error',
        same
          ? `interval ending ${new Date(endMs).toISOString()} was already reported under another seq`
          : `interval overlaps an already reported interval by ${show(overlapMs / 1000)} s`,
        { measured: overlapMs / 1000, limit: jitterMs / 1000, unit: 's' },
      );
    }
  }
  const oldest = state.intervals[0];
  if (oldest && state.intervals.length >= STATE_LIMITS.intervals && endMs <= oldest[0]) {
    return finding(
      'time.duplicate_interval',
      'error',
      'interval is older than the device history the verifier keeps; it may repeat a reported interval',
    );
  }
  return undefined;
}

/** The most common recent interval length once it has been seen at least three times. */
function usualCadence(recent: number[]): number | undefined {
  let best: number | undefined;
  let bestCount = 0;
  for (const candidate of recent) {
    let count = 0;
    for (const other of recent) if (other === candidate) count++;
    if (count > bestCount) {
      best = candidate;
      bestCount = count;
    }
  }
  return bestCount >= 3 ? best : undefined;
}
