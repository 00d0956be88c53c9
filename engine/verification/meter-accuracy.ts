import type { DeviceMeter, MeterType, Plant, PlantDevice } from '../plant/plant.ts';

/**
 * Accuracy class (percent of reading) assumed for a meter the plant file does not describe: class 0.5
 * energy meters (IEC 62053-22), ±1 % flow meters (ISO 5167/4064 practice), ±0.25 % level and pressure
 * transmitters. Conservative: a wider class only widens the allowance, never raises a false alarm.
 */
export const DEFAULT_ACCURACY: Readonly<Record<MeterType, number>> = {
  energy: 0.5,
  energy_export: 0.5,
  energy_register: 0.5,
  power_output: 0.5,
  flow_rate: 1,
  head: 0.25,
  pressure: 0.25,
};

export const METER_TYPES = Object.keys(DEFAULT_ACCURACY) as MeterType[];

/**
 * The accuracy class per meter type of one device: the device's own meter record (the worst of
 * several sensors of one type), else the plant's energy-meter class for energy types, else the
 * default above.
 *
 * @example
 * meterAccuracy(plant, device).energy_export // 0.2
 */
export function meterAccuracy(plant: Plant, device: PlantDevice): Record<MeterType, number> {
  const out = { ...DEFAULT_ACCURACY };
  const plantClass = plant.meter?.accuracy_class;
  if (plantClass !== undefined) {
    for (const type of ['energy', 'energy_export', 'energy_register', 'power_output'] as const) {
      out[type] = plantClass;
    }
  }
  const seen = new Set<MeterType>();
  for (const meter of device.meters ?? []) {
    out[meter.type] = seen.has(meter.type)
      ? Math.max(out[meter.type], meter.accuracy_class)
      : meter.accuracy_class;
    seen.add(meter.type);
  }
  return out;
}

/** The device's meter record for a reading type (and sensor), if the plant file describes one. */
export function meterOf(
  meters: readonly DeviceMeter[] | undefined,
  type: MeterType,
  sensorId?: string,
): DeviceMeter | undefined {
  return (meters ?? []).find(
    (m) => m.type === type && (m.sensor_id === undefined || m.sensor_id === sensorId),
  );
}
