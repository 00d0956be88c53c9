import type { CalibrationRecord, DeviceMeter, MeterType } from './plant.ts';

/** An approved calibration of one meter, as the calibration workflow recorded it. */
export interface ApprovedCalibration {
  meterType: MeterType;
  sensorId?: string;
  accuracyClass: number;
  record: CalibrationRecord;
}

/**
 * A device's meters with its approved calibrations applied: for each meter (type and sensor), the
 * approved certificate with the latest calibration date replaces the plant file's record (and its
 * accuracy class); meters the plant file does not list are added. Pure; the inputs are not changed.
 *
 * @example
 * device.meters = applyCalibrations(device.meters, approved);
 */
export function applyCalibrations(
  meters: readonly DeviceMeter[] | undefined,
  approved: readonly ApprovedCalibration[],
): DeviceMeter[] {
  const out = (meters ?? []).map((m) => ({ ...m }));
  const latest = [...approved].sort((a, b) => a.record.calibrated_on.localeCompare(b.record.calibrated_on));
  for (const cal of latest) {
    const meter = out.find((m) => m.type === cal.meterType && m.sensor_id === cal.sensorId);
    if (meter) {
      if (!meter.calibration || meter.calibration.calibrated_on <= cal.record.calibrated_on) {
        meter.calibration = cal.record;
        meter.accuracy_class = cal.accuracyClass;
      }
    } else {
      out.push({
        type: cal.meterType,
        ...(cal.sensorId === undefined ? {} : { sensor_id: cal.sensorId }),
        accuracy_class: cal.accuracyClass,
        calibration: cal.record,
      });
    }
  }
  return out;
}
