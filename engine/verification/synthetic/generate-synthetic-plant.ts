import { generateKeyPairSync, type KeyObject } from 'node:crypto';
import type { Plant, PlantUnit } from '../../plant/plant.ts';
import { didKeyFromEd25519Key } from '../../telemetry/did-key.ts';
import { signTelemetry } from '../../telemetry/sign-telemetry.ts';
import type { TelemetryDocument, TelemetryReading } from '../../telemetry/telemetry-document.ts';
import { type Episode, episodeAt, scheduleEpisodes } from './fault-episodes.ts';
import type { FaultKind } from './fault-kinds.ts';
import {
  type FaultMemory,
  injectFault,
  type Measured,
  type SlotFault,
  singleShotFaults,
} from './inject-fault.ts';
import { createRiver, operateUnit, type UnitTruth } from './plant-model.ts';
import { createRandomSource, type RandomSource } from './random-source.ts';

export interface SyntheticOptions {
  seed?: number;
  days?: number;
  cadenceS?: number;
  /** Share of slots that carry a single-reading fault (episodes come on top). */
  faultRate?: number;
  /** RFC 3339 start of the first interval. */
  start?: string;
}

export interface SyntheticRecord {
  line: string;
  kind: FaultKind;
  device_id: string;
  /** For episode faults: intervals since the first misstated one (0 = onset). */
  onset?: number;
  /** For episode faults: the misstated quantity's relative error. */
  change?: number;
}

export interface SyntheticPlant {
  plant: Plant;
  records: SyntheticRecord[];
  /** A verifier clock just after the last interval. */
  nowMs: number;
}

interface Device {
  did: string;
  key: KeyObject;
  unit: PlantUnit;
  seq: number;
  registerTrue: number;
  registerOffset: number;
  lastCleanRegister: number;
  running: boolean;
  lastClean?: TelemetryDocument;
  lastLine?: string;
  outages: [number, number][];
  gaps: [number, number][];
  episodes: Episode[];
  memory: FaultMemory;
}

/**
 * A labeled synthetic month (or any length) of signed telemetry from a two-unit Francis plant with
 * one device per unit: seasonal and diurnal river flow, part load, governor-capped full load,
 * startups, shutdowns, maintenance outages, communication gaps, and every fault kind of
 * `faultKinds`. Deterministic for a seed.
 *
 * @example
 * const { plant, records, nowMs } = generateSyntheticPlant({ seed: 7, days: 30 });
 */
export function generateSyntheticPlant(options: SyntheticOptions = {}): SyntheticPlant {
  const random = createRandomSource(options.seed ?? 1);
  const days = options.days ?? 30;
  const cadenceS = options.cadenceS ?? 900;
  const faultRate = options.faultRate ?? 0.04;
  const startMs = Date.parse(options.start ?? '2026-05-01T00:00:00Z');
  const slots = Math.floor((days * 86400) / cadenceS);
  const units: PlantUnit[] = ['U1', 'U2'].map((unit_id) => ({
    unit_id,
    turbine: 'francis',
    capacity_kw: 2800,
    rated_head_m: 45,
    rated_flow_m3s: 7.5,
  }));
  const devices: Device[] = units.map((unit) => newDevice(unit, random, slots));
  const stranger = newDevice(units[0]!, random, slots);
  const plant: Plant = {
    plant_id: 'synthetic-hpp',
    name: 'Synthetic HPP',
    capacity_kw: 5600,
    location: { lat: 30.28, lon: 79.32 },
    units,
    grid: { name: 'India', ef_tco2_per_mwh: 0.758 },
    meter: { accuracy_class: 0.2 },
    devices: devices.map((d) => ({ device_id: d.did, scope: d.unit.unit_id })),
  };
  const river = createRiver(random, 15, days);
  const records: SyntheticRecord[] = [];
  const nowMs = startMs + (slots + 1) * cadenceS * 1000;
  for (let slot = 1; slot <= slots; slot++) {
    const endMs = startMs + slot * cadenceS * 1000;
    const hours = (slot * cadenceS) / 3600;
    const available = river(hours);
    const headM = 45 - 1.5 * (available / 15 - 0.6) + random.normal(0, 0.03);
    for (const device of devices) {
      const truth = operate(device, available / 2, headM, cadenceS, slot, random);
      device.registerTrue += truth.exportKwh;
      if (inside(device.gaps, slot)) continue;
      const measured = measure(truth, cadenceS, random);
      const fault = pickFault(device, slot, truth, random, faultRate);
      const applied = injectFault({
        fault,
        measured,
        truth,
        unit: device.unit,
        intervalS: cadenceS,
        random,
        memory: device.memory,
      });
      device.registerOffset += applied.registerShift;
      const register =
        applied.registerBelowLastClean === undefined
          ? device.registerTrue + device.registerOffset
          : device.lastCleanRegister - applied.registerBelowLastClean;
      const doc = document(device, endMs, applied.measured, register, applied.intervalS ?? cadenceS, random);
      const signed = signTelemetry(doc, device.key);
      const line = applied.tamper ? applied.tamper(signed) : JSON.stringify(signed);
      const record: SyntheticRecord = { line, kind: applied.kind, device_id: device.did };
      if (applied.onset !== undefined) record.onset = applied.onset;
      if (applied.change !== undefined) record.change = applied.change;
      records.push(record);
      if (applied.kind === 'clean') {
        device.lastClean = signed;
        device.lastLine = line;
        device.lastCleanRegister = register;
      }
      records.push(...extras({ device, stranger, endMs, nowMs, random, rate: faultRate }));
    }
  }
  return { plant, records, nowMs };
}

function newDevice(unit: PlantUnit, random: RandomSource, slots: number): Device {
  const { publicKey, privateKey } = generateKeyPairSync('ed25519');
  const raw = Buffer.from(publicKey.export({ format: 'jwk' }).x!, 'base64url');
  const windows = (count: number, min: number, max: number) =>
    Array.from({ length: count }, () => {
      const from = Math.floor(random.uniform(0.05, 0.95) * slots);
      return [from, from + Math.floor(random.uniform(min, max))] as [number, number];
    });
  const episodes = Math.max(1, Math.round(slots / 960));
  return {
    did: didKeyFromEd25519Key(raw),
    key: privateKey,
    unit,
    seq: Math.floor(random.uniform(1, 1000)),
    registerTrue: Math.round(random.uniform(1e5, 1e7)),
    registerOffset: 0,
    lastCleanRegister: 0,
    running: false,
    outages: windows(episodes, 8, 40),
    gaps: windows(episodes, 4, 48),
    episodes: scheduleEpisodes(random, slots),
    memory: {},
  };
}

function operate(
  device: Device,
  available: number,
  headM: number,
  intervalS: number,
  slot: number,
  random: RandomSource,
): UnitTruth {
  const rated = device.unit.rated_flow_m3s!;
  const share = available * (1 + random.normal(0, 0.02));
  // Hysteresis: start above 35 % of rated flow, stop below 25 %.
  const wants =
    !inside(device.outages, slot) && (device.running ? share >= 0.25 * rated : share >= 0.35 * rated);
  const runShare = wants === device.running ? (wants ? 1 : 0) : random.uniform(0.2, 0.9);
  device.running = wants;
  return operateUnit({ unit: device.unit, availableM3s: share, headM, intervalS, runShare });
}

function measure(truth: UnitTruth, intervalS: number, random: RandomSource): Measured {
  const energy = truth.energyKwh * (1 + random.normal(0, 0.002));
  return {
    flow: truth.flowM3s * (1 + random.normal(0, 0.008)),
    head: truth.headM + random.normal(0, 0.03),
    energy,
    export: Math.min(energy, truth.exportKwh * (1 + random.normal(0, 0.001))),
    power: (energy / (intervalS / 3600)) * (1 + random.normal(0, 0.004)),
  };
}

function pickFault(
  device: Device,
  slot: number,
  truth: UnitTruth,
  random: RandomSource,
  rate: number,
): SlotFault {
  const episode = episodeAt(device.episodes, slot);
  if (episode) return episode;
  if (random.next() >= rate) return { kind: 'clean' };
  const kind = random.pick(singleShotFaults);
  return { kind, step: 0, running: truth.running };
}

function document(
  device: Device,
  endMs: number,
  m: Measured,
  register: number,
  intervalS: number,
  random: RandomSource,
) {
  device.seq += random.next() < 0.02 ? 2 : 1; // seq gaps are allowed
  const readings: TelemetryReading[] = [
    { sensor_id: 'flow_01', type: 'flow_rate', value: round(m.flow, 3), unit: 'm3/s', quality: 0.98 },
    { sensor_id: 'head_01', type: 'head', value: round(m.head, 2), unit: 'm' },
    { sensor_id: 'gen_01', type: 'energy', value: round(m.energy, 2), unit: 'kWh' },
    { sensor_id: 'exp_01', type: 'energy_export', value: round(m.export, 2), unit: 'kWh' },
    { sensor_id: 'reg_01', type: 'energy_register', value: round(register, 1), unit: 'kWh' },
    { sensor_id: 'pwr_01', type: 'power_output', value: round(m.power, 1), unit: 'kW' },
    { sensor_id: 'wq_ph', type: 'ph', value: round(7.2 + random.normal(0, 0.05), 2), unit: 'pH' },
  ];
  return {
    schema_version: '1.0.0',
    device_id: device.did,
    seq: device.seq,
    timestamp: new Date(endMs).toISOString(),
    interval_s: intervalS,
    readings,
    metadata: { plant_mode: 'normal' },
  };
}

/** Extra documents around a slot: replays, re-reported intervals, seq regressions, future stamps, strangers. */
function extras(options: {
  device: Device;
  stranger: Device;
  endMs: number;
  nowMs: number;
  random: RandomSource;
  rate: number;
}): SyntheticRecord[] {
  const { device, stranger, endMs, nowMs, random, rate } = options;
  if (random.next() >= rate / 2 || !device.lastClean || !device.lastLine) return [];
  const kind = random.pick(['replay', 'duplicate_interval', 'sequence', 'future', 'unknown_device'] as const);
  const base = device.lastClean;
  const resign = (doc: Omit<TelemetryDocument, 'signature'>, key = device.key) =>
    JSON.stringify(signTelemetry(doc, key));
  const { signature: _s, ...unsigned } = base;
  switch (kind) {
    case 'replay':
      return [{ line: device.lastLine, kind, device_id: device.did }];
    case 'duplicate_interval':
      device.seq += 1;
      return [{ line: resign({ ...unsigned, seq: device.seq }), kind, device_id: device.did }];
    case 'sequence':
      return [
        {
          line: resign({
            ...unsigned,
            seq: Math.max(0, base.seq - 1),
            timestamp: new Date(endMs + 60_000).toISOString(),
          }),
          kind,
          device_id: device.did,
        },
      ];
    case 'future':
      device.seq += 1;
      return [
        {
          line: resign({
            ...unsigned,
            seq: device.seq,
            timestamp: new Date(nowMs + 86_400_000 + (endMs % 3_600_000)).toISOString(),
          }),
          kind,
          device_id: device.did,
        },
      ];
    default: {
      stranger.seq += 1;
      const doc = { ...unsigned, device_id: stranger.did, seq: stranger.seq };
      return [{ line: resign(doc, stranger.key), kind: 'unknown_device', device_id: stranger.did }];
    }
  }
}

function inside(windows: [number, number][], slot: number): boolean {
  return windows.some(([from, to]) => slot >= from && slot < to);
}

function round(value: number, digits: number): number {
  const f = 10 ** digits;
  return Math.round(value * f) / f;
}
