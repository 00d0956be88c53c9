import { generateKeyPairSync, type KeyObject } from 'node:crypto';
import type { Plant } from '../../../engine/plant/index.ts';
import {
  didKeyFromEd25519Key,
  signTelemetry,
  type TelemetryDocument,
  type TelemetryReading,
} from '../../../engine/telemetry/index.ts';

/** A device with a fresh Ed25519 key and its did:key. */
export interface TestDevice {
  did: string;
  privateKey: KeyObject;
}

export function newDevice(): TestDevice {
  const { publicKey, privateKey } = generateKeyPairSync('ed25519');
  const raw = Buffer.from(publicKey.export({ format: 'jwk' }).x!, 'base64url');
  return { did: didKeyFromEd25519Key(raw), privateKey };
}

/** The predecessor's plant: one Francis unit of 1,200 kW rated at 45 m and 3 m³/s. */
export function smallPlant(devices: TestDevice[], extra: Partial<Plant> = {}): Plant {
  return {
    plant_id: 'test-hpp',
    name: 'Test HPP',
    capacity_kw: 1200,
    units: [{ unit_id: 'U1', turbine: 'francis', capacity_kw: 1200, rated_head_m: 45, rated_flow_m3s: 3 }],
    grid: { name: 'Test', ef_tco2_per_mwh: 0.7 },
    meter: { accuracy_class: 0.2 },
    devices: devices.map((d) => ({ device_id: d.did, scope: 'plant' })),
    ...extra,
  };
}

export interface ReadingValues {
  flow?: number;
  head?: number;
  energy?: number;
  export?: number;
  register?: number;
  power?: number;
}

/** A signed hourly document from the given values (kWh, m³/s, m, kW). */
export function signedReading(
  device: TestDevice,
  seq: number,
  timestamp: string,
  values: ReadingValues,
  options: { interval_s?: number; extraReadings?: TelemetryReading[] } = {},
): TelemetryDocument {
  const readings: TelemetryReading[] = [];
  if (values.flow !== undefined)
    readings.push({ sensor_id: 'flow_01', type: 'flow_rate', value: values.flow, unit: 'm3/s' });
  if (values.head !== undefined)
    readings.push({ sensor_id: 'head_01', type: 'head', value: values.head, unit: 'm' });
  if (values.energy !== undefined)
    readings.push({ sensor_id: 'gen_01', type: 'energy', value: values.energy, unit: 'kWh' });
  if (values.export !== undefined)
    readings.push({ sensor_id: 'exp_01', type: 'energy_export', value: values.export, unit: 'kWh' });
  if (values.register !== undefined) {
    readings.push({ sensor_id: 'reg_01', type: 'energy_register', value: values.register, unit: 'kWh' });
  }
  if (values.power !== undefined)
    readings.push({ sensor_id: 'pwr_01', type: 'power_output', value: values.power, unit: 'kW' });
  readings.push(...(options.extraReadings ?? []));
  return signTelemetry(
    {
      schema_version: '1.0.0',
      device_id: device.did,
      seq,
      timestamp,
      interval_s: options.interval_s ?? 3600,
      readings,
    },
    device.privateKey,
  );
}

/** ISO timestamp `hours` after 2026-01-01T00:00:00Z. */
export function hour(hours: number): string {
  return new Date(Date.UTC(2026, 0, 1) + hours * 3_600_000).toISOString().replace('.000Z', 'Z');
}

export const NOW = Date.UTC(2026, 6, 1);
