import type { MeterType } from '../plant/plant.ts';
import { calibrationStanding, DAY } from './calibration-validity.ts';
import { METER_TYPES, meterOf } from './meter-accuracy.ts';
import { enabled, finding, type RuleInput } from './rule-input.ts';
import type { Finding, FindingSeverity } from './verdict.ts';

const METERED: ReadonlySet<string> = new Set(METER_TYPES);

/**
 * Calibration per the policy's `verification.calibration`: every meter behind a reading must hold
 * a calibration valid for the reading's interval. A lapse (`calibration.overdue`) or a certificate
 * that cannot vouch for the reading (`calibration.invalid`: another device's, or dated after the
 * interval) FLAGs the reading, or REJECTs it when the policy says `on_lapse: reject`. A meter with
 * no record is judged by `on_missing` (default: not judged).
 */
export function checkCalibration(input: RuleInput): Finding[] {
  const { config, document, observation, profile } = input;
  const calibration = config.calibration;
  if (!calibration) return [];
  const severity: FindingSeverity = calibration.onLapse === 'reject' ? 'error' : 'warning';
  const out: Finding[] = [];
  const judged = new Set<string>();
  for (const reading of document.readings) {
    if (!METERED.has(reading.type)) continue;
    const type = reading.type as MeterType;
    const meter = meterOf(profile.meters, type, reading.sensor_id);
    const name = `${type} meter${reading.sensor_id === undefined ? '' : ` ${reading.sensor_id}`}`;
    if (judged.has(name)) continue;
    judged.add(name);
    const intervalMs = calibration.intervalsMs[type];
    const record = meter?.calibration;
    if (!record) {
      if (
        intervalMs !== undefined &&
        calibration.onMissing !== 'ignore' &&
        enabled(config, 'calibration.overdue')
      ) {
        out.push(
          finding(
            'calibration.overdue',
            calibration.onMissing === 'reject' ? 'error' : 'warning',
            `the ${name} has no calibration record; the policy requires one every ${intervalMs / DAY} days`,
            {
              measured: 0,
              limit: 1,
              unit: 'certificates',
            },
          ),
        );
      }
      continue;
    }
    const standing = calibrationStanding(record, {
      deviceId: document.device_id,
      atMs: observation.endMs,
      ...(intervalMs === undefined ? {} : { intervalMs }),
    });
    const cert = `certificate ${record.certificate_id} (${record.laboratory})`;
    switch (standing.kind) {
      case 'ok':
        break;
      case 'overdue':
        if (enabled(config, 'calibration.overdue'))
          out.push(
            finding(
              'calibration.overdue',
              severity,
              `the ${name}'s calibration lapsed on ${new Date(standing.dueMs).toISOString().slice(0, 10)} (${cert}, calibrated ${record.calibrated_on}${intervalMs === undefined ? '' : `, policy interval ${intervalMs / DAY} days`}): this reading was measured ${Math.ceil((observation.endMs - standing.dueMs) / DAY)} days after`,
              {
                measured: (observation.endMs - standing.dueMs) / DAY,
                limit: 0,
                unit: 'd',
              },
            ),
          );
        break;
      case 'future_dated':
        if (enabled(config, 'calibration.invalid'))
          out.push(
            finding(
              'calibration.invalid',
              severity,
              `the ${name}'s ${cert} is dated ${record.calibrated_on}, after this reading: it cannot vouch for it`,
              {
                measured: (standing.calibratedMs - observation.endMs) / DAY,
                limit: 0,
                unit: 'd',
              },
            ),
          );
        break;
      case 'other_device':
        if (enabled(config, 'calibration.invalid'))
          out.push(
            finding(
              'calibration.invalid',
              severity,
              `the ${name}'s ${cert} names device ${standing.named}, not this device`,
              {
                measured: 0,
                limit: 1,
                unit: 'certificates for this device',
              },
            ),
          );
        break;
      case 'bad_dates':
        if (enabled(config, 'calibration.invalid'))
          out.push(
            finding('calibration.invalid', severity, `the ${name}'s ${cert}: ${standing.message}`, {
              measured: 0,
              limit: 1,
              unit: 'valid dates',
            }),
          );
        break;
    }
  }
  return out;
}
