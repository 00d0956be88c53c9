import type { KeyObject } from 'node:crypto';
import type { Plant } from '../../engine/plant/index.ts';
import {
  documentHash,
  signTelemetry,
  type TelemetryDocument,
  type TelemetryReading,
  type UnsignedTelemetryDocument,
} from '../../engine/telemetry/index.ts';
import { convert } from '../../engine/units/index.ts';
import { defaultVerificationConfig, scopeProfile } from '../../engine/verification/index.ts';
import { registerModulus } from '../template/decode-registers.ts';
import { markImplausible } from './edge-validation.ts';
import { type CounterState, counterStep } from './energy-counter.ts';
import type { IntervalWindow } from './interval-window.ts';

/** What the agent persists per device between documents (in the buffer, in the same transaction). */
export interface DeviceRunState {
  /** The last seq used; -1 before the first document. */
  seq: number;
  prev_hash?: string;
  /** End of the last document's interval (ms). */
  last_end_ms?: number;
  counters: Record<string, CounterState>;
}

export const AGENT_VERSION = 'mrv-edge/0.1.0';
const MAX_INTERVAL_S = 86_400;
/** A register may advance at most this much beyond nameplate × time before a wrap is implausible. */
const WRAP_MARGIN = 1.5;

export type BuildResult =
  | { document: TelemetryDocument; state: DeviceRunState }
  | { document?: undefined; state: DeviceRunState; skipped: string };

/**
 * One device's telemetry v1 document for the interval ending at `endMs`: means of instantaneous
 * points, energy as register deltas (rollover unwrapped; a register that went down claims nothing),
 * edge marks against the plant's bounds, the next seq and the chain link, signed with the device key
 * by the engine's own signing code. An interval without any energy reading yields no document (and
 * no seq): the next one spans the gap, as telemetry v1 allows.
 */
export function buildDocument(input: {
  state: DeviceRunState;
  window: IntervalWindow;
  endMs: number;
  nominalIntervalS: number;
  plant: Plant;
  scope: string;
  did: string;
  key: KeyObject;
}): BuildResult {
  const { state, window, endMs, plant, scope } = input;
  const counters = { ...state.counters };
  const events: string[] = [];
  let intervalS =
    state.last_end_ms !== undefined ? Math.round((endMs - state.last_end_ms) / 1000) : input.nominalIntervalS;
  const longGap = intervalS > MAX_INTERVAL_S;
  if (longGap) {
    events.push(`gap of ${intervalS} s: energy over it is not claimed, counting restarts`);
    intervalS = input.nominalIntervalS;
  }
  if (intervalS < 60) return { state, skipped: `interval of ${intervalS} s is below 60 s` };
  const readings: TelemetryReading[] = [];
  const capacityKw = scopeProfile(
    plant,
    { device_id: input.did, scope },
    defaultVerificationConfig(),
  )?.capacityKw;
  for (const read of window.counters.values()) {
    const { point } = read;
    if (read.value === undefined || read.at_ms === undefined) continue;
    const previous = counters[point.sensor_id];
    const elapsedH = previous ? (read.at_ms - previous.at_ms) / 3_600_000 : 0;
    const maxKwh = (capacityKw ?? Number.POSITIVE_INFINITY) * elapsedH * WRAP_MARGIN;
    const step = counterStep(longGap ? undefined : previous, read.value, {
      modulus: registerModulus(point),
      maxDelta: Number.isFinite(maxKwh) ? convert(maxKwh, 'kWh', point.unit) : Number.POSITIVE_INFINITY,
      atMs: read.at_ms,
    });
    counters[point.sensor_id] = step.state;
    // A baseline older than the last document spans more than this interval: not attributable.
    const stale =
      previous !== undefined &&
      state.last_end_ms !== undefined &&
      previous.at_ms <= state.last_end_ms - input.nominalIntervalS * 1000;
    if (step.event === 'rollover') events.push(`register ${point.sensor_id} rolled over`);
    if (step.event === 'went_down') {
      events.push(
        `register ${point.sensor_id} went down from ${previous?.raw} to ${read.value} (reset or meter swap)`,
      );
      readings.push({ sensor_id: point.sensor_id, type: point.type, value: 0, unit: point.unit, quality: 0 });
    } else if (step.delta !== undefined && !stale) {
      readings.push({
        sensor_id: point.sensor_id,
        type: point.type,
        value: clean(step.delta),
        unit: point.unit,
      });
    } else if (stale) {
      events.push(`register ${point.sensor_id} was not read last interval: its delta is not claimed`);
    }
    if (step.event !== 'first' && (point.type === 'energy_export' || point.counter?.register_sensor_id)) {
      const registerUnit = point.unit === 'MWh' ? 'MWh' : 'kWh';
      readings.push({
        sensor_id: point.counter?.register_sensor_id ?? `${point.sensor_id}.register`,
        type: 'energy_register',
        value: clean(convert(step.state.unwrapped, point.unit, registerUnit)),
        unit: registerUnit,
      });
    }
  }
  for (const mean of window.means()) {
    const reading: TelemetryReading = {
      sensor_id: mean.point.sensor_id,
      type: mean.point.type,
      value: clean(mean.value),
      unit: mean.point.unit,
    };
    if (mean.quality < 1) reading.quality = Math.round(mean.quality * 1000) / 1000;
    readings.push(reading);
  }
  const firstRun = state.last_end_ms === undefined;
  if (!readings.some((r) => r.type === 'energy' || r.type === 'energy_export')) {
    const next = { ...state, counters, ...(firstRun || longGap ? { last_end_ms: endMs } : {}) };
    return {
      state: next,
      skipped: 'no energy register could be read: the next document spans this interval',
    };
  }
  const marked = markImplausible(readings, plant, scope, intervalS);
  const gaps = window.gaps();
  const metadata: Record<string, unknown> = { agent: AGENT_VERSION };
  if (gaps.length > 0) metadata.gaps = gaps;
  if (events.length > 0) metadata.edge_events = events;
  if (marked.marks.length > 0) metadata.edge_marks = marked.marks;
  const unsigned: UnsignedTelemetryDocument = {
    schema_version: '1.0.0',
    device_id: input.did,
    seq: state.seq + 1,
    timestamp: new Date(endMs).toISOString().replace(/\.\d{3}Z$/, 'Z'),
    interval_s: intervalS,
    readings: marked.readings.slice(0, 64),
    metadata,
    ...(state.prev_hash ? { prev_hash: state.prev_hash } : {}),
  };
  const document = signTelemetry(unsigned, input.key);
  return {
    document,
    state: { seq: document.seq, prev_hash: documentHash(document), last_end_ms: endMs, counters },
  };
}

/** 9 significant digits: float noise from register arithmetic never reaches the document. */
function clean(value: number): number {
  return Number(value.toPrecision(9));
}
