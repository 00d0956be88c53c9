import type { PlantUnit } from '../../plant/plant.ts';
import type { TelemetryDocument } from '../../telemetry/telemetry-document.ts';
import type { FaultKind } from './fault-kinds.ts';
import type { UnitTruth } from './plant-model.ts';
import type { RandomSource } from './random-source.ts';

/** What a device's sensors read for one interval (kWh, m³/s, m, kW). */
export interface Measured {
  flow: number;
  head: number;
  energy: number;
  export: number;
  power: number;
}

export const singleShotFaults = [
  'schema',
  'bad_signature',
  'over_capacity',
  'efficiency_impossible',
  'zero_flow_energy',
  'negative',
  'register_decrease',
  'efficiency_high',
  'export_ratio',
  'register_mismatch',
  'power_mismatch',
  'step',
  'cadence',
] as const satisfies readonly FaultKind[];

/** Faults that last several intervals; `step` counts intervals since the episode began. */
export type EpisodeFault =
  | { kind: 'stuck'; step: number }
  | { kind: 'drift'; step: number; length: number }
  | { kind: 'frozen_logger'; step: number }
  | { kind: 'export_underread'; step: number; share: number }
  | { kind: 'ct_ratio_error'; step: number; share: number };

export type SlotFault =
  | { kind: 'clean' }
  | EpisodeFault
  | { kind: (typeof singleShotFaults)[number]; step: number; running: boolean };

export interface InjectedFault {
  kind: FaultKind;
  measured: Measured;
  /** Lasting change of the reported register (a consistent fraud keeps its register in step). */
  registerShift: number;
  /** This document's register is this much below the last clean document's (a register going back). */
  registerBelowLastClean?: number;
  intervalS?: number;
  /** Changes the signed document's JSON line (tampering after signing, broken documents). */
  tamper?: (signed: TelemetryDocument) => string;
  /** For episodes: intervals since the first misstated one (0 = the onset interval). */
  onset?: number;
  /** What the fault changed: the misstated quantity's relative error (0.04 = reads 4 % high). */
  change?: number;
}

/** What an episode remembers between its intervals (the values a frozen sensor or logger holds). */
export interface FaultMemory {
  frozenFlow?: number;
  frozenLogger?: { flow: number; head: number; power: number };
}

/** A gate fully open: flow cannot rise, so a constant flow reading there misstates nothing. */
const PLATEAU = 0.97;

/**
 * Applies one labeled fault to a clean measurement. A fault that does not fit the operating state
 * (an efficiency fraud while the unit stands still) yields the clean reading, labeled clean.
 */
export function injectFault(options: {
  fault: SlotFault;
  measured: Measured;
  truth: UnitTruth;
  unit: PlantUnit;
  intervalS: number;
  random: RandomSource;
  memory: FaultMemory;
}): InjectedFault {
  const { fault, truth, unit, intervalS, random, memory } = options;
  const m = { ...options.measured };
  const capKwh = unit.capacity_kw * (intervalS / 3600);
  const clean: InjectedFault = { kind: 'clean', measured: m, registerShift: 0 };
  const hydraulicKwh = (9.81 * m.flow * m.head * intervalS) / 3600;
  const scaleOutput = (factor: number) => {
    const shift = m.export * (factor - 1);
    m.energy *= factor;
    m.export *= factor;
    m.power *= factor;
    return shift;
  };
  switch (fault.kind) {
    case 'clean':
      return clean;
    case 'stuck': {
      // The sensor freezes holding the value it read at the onset: that first reading is still true.
      if (fault.step === 0) memory.frozenFlow = m.flow;
      const frozen = memory.frozenFlow ?? m.flow;
      const rated = unit.rated_flow_m3s ?? Number.POSITIVE_INFINITY;
      const misstates =
        fault.step > 0 && frozen > 0 && !(frozen >= rated * PLATEAU && m.flow >= rated * PLATEAU);
      m.flow = frozen;
      if (!misstates) return { ...clean, measured: m };
      return {
        kind: 'stuck',
        measured: m,
        registerShift: 0,
        onset: fault.step - 1,
        change: options.measured.flow > 0 ? frozen / options.measured.flow - 1 : 0,
      };
    }
    case 'frozen_logger': {
      if (fault.step === 0) memory.frozenLogger = { flow: m.flow, head: m.head, power: m.power };
      const frozen = memory.frozenLogger;
      if (fault.step === 0 || !frozen || frozen.flow <= 0 || m.flow <= 0) return clean;
      const change = m.power > 0 ? frozen.power / m.power - 1 : 0;
      m.flow = frozen.flow;
      m.head = frozen.head;
      m.power = frozen.power;
      return { kind: 'frozen_logger', measured: m, registerShift: 0, onset: fault.step - 1, change };
    }
    case 'drift': {
      if (!truth.running || truth.energyKwh < capKwh * 0.25) return clean;
      // A meter that over-reads stays under nameplate: the fraud must pass the capacity check.
      const factor = Math.max(
        1,
        Math.min(1 + (0.25 * fault.step) / fault.length, (capKwh * 0.98) / m.energy),
      );
      if (factor <= 1) return clean;
      // The drifting transducer feeds the interval values; the revenue meter's register stays true.
      scaleOutput(factor);
      return { kind: 'drift', measured: m, registerShift: 0, onset: fault.step - 1, change: factor - 1 };
    }
    case 'export_underread': {
      if (!truth.running || m.export <= 0) return clean;
      const before = m.export;
      m.export *= 1 - fault.share;
      // One meter: its register integrates the same low reading.
      return {
        kind: 'export_underread',
        measured: m,
        registerShift: m.export - before,
        onset: fault.step,
        change: -fault.share,
      };
    }
    case 'ct_ratio_error': {
      if (!truth.running || m.energy <= 0) return clean;
      const shift = scaleOutput(1 + fault.share);
      return {
        kind: 'ct_ratio_error',
        measured: m,
        registerShift: shift,
        onset: fault.step,
        change: fault.share,
      };
    }
    default:
      break;
  }
  const running = truth.running && truth.energyKwh > capKwh * 0.1;
  switch (fault.kind) {
    case 'schema':
      return { ...clean, kind: 'schema', tamper: (doc) => brokenDocument(doc, random) };
    case 'bad_signature':
      return {
        ...clean,
        kind: 'bad_signature',
        tamper: (doc) =>
          JSON.stringify({
            ...doc,
            readings: doc.readings.map((r) => (r.type === 'energy' ? { ...r, value: r.value + 1 } : r)),
          }),
      };
    case 'over_capacity': {
      m.energy = capKwh * random.uniform(1.15, 2);
      m.export = m.energy * 0.99;
      m.power = m.energy / (intervalS / 3600);
      return { kind: 'over_capacity', measured: m, registerShift: 0 };
    }
    case 'efficiency_impossible':
      if (!running) return clean;
      m.flow *= random.uniform(0.3, 0.45);
      return { kind: 'efficiency_impossible', measured: m, registerShift: 0 };
    case 'zero_flow_energy':
      if (!running) return clean;
      m.flow = 0;
      return { kind: 'zero_flow_energy', measured: m, registerShift: 0 };
    case 'negative':
      if (m.export > 0) m.export = -m.export;
      else m.flow = -1;
      return { kind: 'negative', measured: m, registerShift: 0 };
    case 'register_decrease':
      return { ...clean, kind: 'register_decrease', registerBelowLastClean: random.uniform(50, 500) };
    case 'efficiency_high': {
      if (!running) return clean;
      const target = hydraulicKwh * random.uniform(0.97, 0.995);
      if (target > capKwh * 0.98 || target <= m.energy) return clean;
      return { kind: 'efficiency_high', measured: m, registerShift: scaleOutput(target / m.energy) };
    }
    case 'export_ratio': {
      if (!running || m.energy < capKwh * 0.3) return clean;
      const before = m.export;
      // Over-claimed export stays under nameplate so that only the ratio gives it away.
      const over = m.energy * 1.2 <= capKwh && random.next() < 0.5;
      m.export = m.energy * (over ? random.uniform(1.06, 1.2) : random.uniform(0.6, 0.8));
      return { kind: 'export_ratio', measured: m, registerShift: m.export - before };
    }
    case 'register_mismatch':
      return { ...clean, kind: 'register_mismatch', registerShift: Math.max(0.3 * m.export, 0.05 * capKwh) };
    case 'power_mismatch':
      if (!running) return clean;
      m.power *= random.next() < 0.5 ? random.uniform(1.2, 1.5) : random.uniform(0.5, 0.8);
      return { kind: 'power_mismatch', measured: m, registerShift: 0 };
    case 'step':
      if (!running || truth.flowM3s < (unit.rated_flow_m3s ?? 0) * 0.4) return clean;
      return { kind: 'step', measured: m, registerShift: scaleOutput(0.6) };
    case 'cadence': {
      const share = 600 / intervalS;
      m.energy *= share;
      m.export *= share;
      return { kind: 'cadence', measured: m, registerShift: 0, intervalS: 600 };
    }
  }
}

function brokenDocument(doc: TelemetryDocument, random: RandomSource): string {
  const variant = Math.floor(random.next() * 4);
  if (variant === 0) {
    return JSON.stringify({
      ...doc,
      readings: doc.readings.map((r) => (r.type === 'energy' ? { ...r, unit: 'kW' } : r)),
    });
  }
  if (variant === 1) {
    const { seq: _seq, ...rest } = doc;
    return JSON.stringify(rest);
  }
  if (variant === 2) return JSON.stringify({ ...doc, interval_s: 5 });
  return JSON.stringify(doc).slice(0, 80);
}
