import type { KeyObject } from 'node:crypto';
import { signTelemetry } from '../../telemetry/sign-telemetry.ts';
import type { TelemetryReading } from '../../telemetry/telemetry-document.ts';
import type { ScenarioReadingEntry, ScenarioValues } from './scenario.ts';

const GRAVITY = 9.81;

/** One input line for the verifier: a signed document, or a raw string. */
export type ScenarioInput =
  | { kind: 'document'; device: string; seq: number; document: unknown }
  | { kind: 'raw'; text: string };

function round3(x: number): number {
  return Math.round(x * 1000) / 1000;
}

function readingsOf(v: ScenarioValues): TelemetryReading[] {
  const out: TelemetryReading[] = [];
  if (v.flow_m3s !== undefined)
    out.push({ sensor_id: 'flow_01', type: 'flow_rate', value: v.flow_m3s, unit: 'm3/s' });
  if (v.head_m !== undefined) out.push({ sensor_id: 'head_01', type: 'head', value: v.head_m, unit: 'm' });
  if (v.energy_kwh !== undefined)
    out.push({ sensor_id: 'gen_01', type: 'energy', value: v.energy_kwh, unit: 'kWh' });
  if (v.export_kwh !== undefined)
    out.push({ sensor_id: 'exp_01', type: 'energy_export', value: v.export_kwh, unit: 'kWh' });
  if (v.register_kwh !== undefined) {
    out.push({ sensor_id: 'reg_01', type: 'energy_register', value: v.register_kwh, unit: 'kWh' });
  }
  if (v.power_kw !== undefined)
    out.push({ sensor_id: 'pwr_01', type: 'power_output', value: v.power_kw, unit: 'kW' });
  return out;
}

/**
 * Expands scenario reading entries into signed telemetry documents. A `series` is physically
 * consistent: P = η·ρ·g·Q·H with the flow varied smoothly (so no sensor looks stuck), energy = P·Δt,
 * export = energy × ratio, and the register accumulating export.
 */
export function scenarioInputs(
  entries: readonly ScenarioReadingEntry[],
  keys: Record<string, { did: string; privateKey: KeyObject }>,
): ScenarioInput[] {
  const out: ScenarioInput[] = [];
  const sign = (
    device: string,
    seq: number,
    timestamp: string,
    interval_s: number,
    values: ScenarioValues,
  ) => {
    const key = keys[device];
    if (!key) throw new RangeError(`unknown scenario device '${device}'`);
    return signTelemetry(
      {
        schema_version: '1.0.0',
        device_id: key.did,
        seq,
        timestamp,
        interval_s,
        readings: readingsOf(values),
      },
      key.privateKey,
    );
  };
  for (const entry of entries) {
    if ('raw' in entry) {
      out.push({ kind: 'raw', text: entry.raw });
    } else if ('reading' in entry) {
      const r = entry.reading;
      const doc = sign(r.device, r.seq, r.timestamp, r.interval_s ?? 3600, r.values);
      if (r.tamper && doc.readings[0])
        doc.readings[0] = { ...doc.readings[0], value: doc.readings[0].value + 1 };
      out.push({ kind: 'document', device: r.device, seq: r.seq, document: doc });
    } else {
      const s = entry.series;
      const interval = s.interval_s ?? 3600;
      const hours = interval / 3600;
      const start = Date.parse(s.start);
      let register = s.register_start_kwh ?? 100_000;
      for (let i = 0; i < s.count; i++) {
        const flow = round3(s.flow_m3s * (1 + (s.vary ?? 0.05) * Math.sin(1.7 * i + 0.3)));
        const power = round3(s.efficiency * GRAVITY * flow * s.head_m);
        const energy = round3(power * hours);
        const exported = round3(energy * (s.export_ratio ?? 0.98));
        register = round3(register + exported);
        const timestamp = new Date(start + i * interval * 1000).toISOString().replace('.000Z', 'Z');
        const seq = (s.first_seq ?? 1) + i;
        const values = {
          flow_m3s: flow,
          head_m: s.head_m,
          energy_kwh: energy,
          export_kwh: exported,
          register_kwh: register,
          power_kw: power,
        };
        out.push({
          kind: 'document',
          device: s.device,
          seq,
          document: sign(s.device, seq, timestamp, interval, values),
        });
      }
    }
  }
  return out;
}
