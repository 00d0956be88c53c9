import type { ReadingType, TelemetryDocument } from '../telemetry/telemetry-document.ts';
import { convert } from '../units/index.ts';
import { GRAVITY, WATER_DENSITY } from './scope-profile.ts';

/** The unit each reading type is normalized to (the first unit of the spec's table). */
export const canonicalUnits: Record<ReadingType, string> = {
  flow_rate: 'm3/s',
  head: 'm',
  pressure: 'kPa',
  energy: 'kWh',
  energy_export: 'kWh',
  energy_register: 'kWh',
  power_output: 'kW',
  ph: 'pH',
  turbidity: 'NTU',
  water_temperature: 'Cel',
};

/** Extensive quantities add up across sensors (two units' flows); the rest are averaged. */
const ADDITIVE: ReadonlySet<ReadingType> = new Set([
  'flow_rate',
  'energy',
  'energy_export',
  'energy_register',
  'power_output',
]);

/** One document's readings in canonical units, per type. */
export interface Observation {
  startMs: number;
  endMs: number;
  intervalS: number;
  values: Partial<Record<ReadingType, number>>;
  /** Net head in m: the `head` reading, else `pressure` converted with ρ·g. */
  headM?: number;
  /** Mean electrical power over the interval (kW): gross energy, else power_output, else export. */
  electricalKw?: number;
  /** ρ·g·Q·H in kW when flow and head are known. */
  hydraulicKw?: number;
}

export type ObservationResult = { observation: Observation; problems: [] } | { problems: string[] };

/**
 * Normalizes a schema-valid document through `engine/units`. Problems: a sensor reported twice, or a
 * timestamp that does not parse.
 *
 * @example
 * observe(doc).observation.values.energy // kWh
 */
export function observe(document: TelemetryDocument): ObservationResult {
  const endMs = Date.parse(document.timestamp);
  if (!Number.isFinite(endMs)) return { problems: [`/timestamp: '${document.timestamp}' is not a date`] };
  const sums: Partial<Record<ReadingType, number>> = {};
  const counts: Partial<Record<ReadingType, number>> = {};
  const sensors = new Set<string>();
  for (const [i, reading] of document.readings.entries()) {
    if (reading.sensor_id !== undefined) {
      const key = `${reading.type}\u0000${reading.sensor_id}`;
      if (sensors.has(key)) {
        return { problems: [`/readings/${i}: sensor '${reading.sensor_id}' reports ${reading.type} twice`] };
      }
      sensors.add(key);
    }
    const value = convert(reading.value, reading.unit, canonicalUnits[reading.type]);
    sums[reading.type] = (sums[reading.type] ?? 0) + value;
    counts[reading.type] = (counts[reading.type] ?? 0) + 1;
  }
  const values: Partial<Record<ReadingType, number>> = {};
  for (const type of Object.keys(sums) as ReadingType[]) {
    values[type] = ADDITIVE.has(type) ? sums[type]! : sums[type]! / counts[type]!;
  }
  const hours = document.interval_s / 3600;
  const headM =
    values.head ??
    (values.pressure === undefined
      ? undefined
      : convert(values.pressure, 'kPa', 'Pa') / (WATER_DENSITY * GRAVITY));
  const electricalKw =
    values.energy !== undefined
      ? values.energy / hours
      : (values.power_output ??
        (values.energy_export === undefined ? undefined : values.energy_export / hours));
  const hydraulicKw =
    values.flow_rate !== undefined && headM !== undefined
      ? (WATER_DENSITY * GRAVITY * values.flow_rate * headM) / 1000
      : undefined;
  const observation: Observation = {
    startMs: endMs - document.interval_s * 1000,
    endMs,
    intervalS: document.interval_s,
    values,
  };
  if (headM !== undefined) observation.headM = headM;
  if (electricalKw !== undefined) observation.electricalKw = electricalKw;
  if (hydraulicKw !== undefined) observation.hydraulicKw = hydraulicKw;
  return { observation, problems: [] };
}
