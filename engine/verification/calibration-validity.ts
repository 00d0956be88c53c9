import type { CalibrationRecord } from '../plant/plant.ts';

const DAY_MS = 86_400_000;

/** Why a calibration record cannot vouch for a meter at a time; `ok` when it can. */
export type CalibrationStanding =
  | { kind: 'ok'; dueMs: number }
  | { kind: 'other_device'; named: string }
  | { kind: 'bad_dates'; message: string }
  | { kind: 'future_dated'; calibratedMs: number }
  | { kind: 'overdue'; dueMs: number };

/**
 * Whether a calibration record covers a meter of `deviceId` at `atMs`: it must name this device
 * (when it names one), have real dates with next_due after calibrated_on, be calibrated no later
 * than `atMs` (a certificate cannot vouch for readings before the calibration it records) and be
 * due no earlier than `atMs`. The due date is the earlier of the certificate's next_due and
 * calibrated_on plus the policy's interval for the meter type.
 *
 * @example
 * calibrationStanding(record, { deviceId, atMs: Date.parse('2027-01-01'), intervalMs: 730 * 86_400_000 })
 * // { kind: 'ok', dueMs: … }
 */
export function calibrationStanding(
  record: CalibrationRecord,
  options: { deviceId: string; atMs: number; intervalMs?: number },
): CalibrationStanding {
  if (record.device_id !== undefined && record.device_id !== options.deviceId) {
    return { kind: 'other_device', named: record.device_id };
  }
  const calibratedMs = dateMs(record.calibrated_on);
  const nextDueMs = dateMs(record.next_due);
  if (calibratedMs === undefined || nextDueMs === undefined) {
    return {
      kind: 'bad_dates',
      message: `calibration dates '${record.calibrated_on}'/'${record.next_due}' are not dates`,
    };
  }
  if (nextDueMs <= calibratedMs) {
    return {
      kind: 'bad_dates',
      message: `next_due ${record.next_due} is not after calibrated_on ${record.calibrated_on}`,
    };
  }
  // A date means the whole UTC day: calibrated at some time that day, due by its end.
  if (calibratedMs > options.atMs) return { kind: 'future_dated', calibratedMs };
  const byInterval =
    options.intervalMs === undefined ? Number.POSITIVE_INFINITY : calibratedMs + options.intervalMs;
  const dueMs = Math.min(nextDueMs + DAY_MS, byInterval);
  return options.atMs > dueMs ? { kind: 'overdue', dueMs } : { kind: 'ok', dueMs };
}

const cache = new Map<string, number | undefined>();

/** ms of a YYYY-MM-DD date (UTC midnight), undefined when it is not a real calendar date. */
export function dateMs(date: string): number | undefined {
  if (cache.has(date)) return cache.get(date);
  const ms = /^\d{4}-\d{2}-\d{2}$/.test(date) ? Date.parse(`${date}T00:00:00Z`) : Number.NaN;
  const valid = Number.isFinite(ms) && new Date(ms).toISOString().slice(0, 10) === date ? ms : undefined;
  if (cache.size > 4096) cache.clear();
  cache.set(date, valid);
  return valid;
}

export const DAY = DAY_MS;
