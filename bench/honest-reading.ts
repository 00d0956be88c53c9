import type { KeyObject } from 'node:crypto';
import { signTelemetry, type TelemetryDocument } from '../engine/telemetry/index.ts';

/** The interval end of reading `seq`: 15-minute intervals from 1 May 2026 (UTC). */
export const readingTime = (seq: number) => Date.UTC(2026, 4, 1) + seq * 900_000;

/**
 * A device's signed reading `seq` as the benches send it: an honest generator and export meter
 * (240–246 kWh, 2 kWh used on site), stamped `readingTime(seq)` unless the device's clock is off.
 */
export function honestReading(options: {
  did: string;
  privateKey: KeyObject;
  seq: number;
  clockErrorMs?: number;
}): TelemetryDocument {
  const { seq } = options;
  const kwh = 240 + (seq % 7);
  const at = readingTime(seq) + (options.clockErrorMs ?? 0);
  return signTelemetry(
    {
      schema_version: '1.0.0',
      device_id: options.did,
      seq,
      timestamp: new Date(at).toISOString().replace('.000Z', 'Z'),
      interval_s: 900,
      readings: [
        { sensor_id: 'gen_01', type: 'energy', value: kwh, unit: 'kWh' },
        { sensor_id: 'exp_01', type: 'energy_export', value: kwh - 2, unit: 'kWh' },
      ],
    } as unknown as TelemetryDocument,
    options.privateKey,
  );
}
