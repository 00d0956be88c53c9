import type { TelemetryDocument } from '../engine/telemetry/telemetry-document.ts';
import { observe } from '../engine/verification/observation.ts';
import type { Reading } from '../store/reading-store.ts';

/** One reading as a point of the evidence chart, in canonical units (engine/verification/observation.ts). */
export interface EvidencePoint {
  id: string;
  timestamp: string;
  status: Reading['status'];
  flow_m3s: number | null;
  head_m: number | null;
  energy_kwh: number | null;
  /** Mean electrical power over the interval (what the power rules judge). */
  power_kw: number | null;
  /** Electrical over hydraulic power (ρ·g·Q·H), as the physics rules judge it. */
  efficiency: number | null;
}

const orNull = (x: number | undefined) => (x === undefined || !Number.isFinite(x) ? null : x);

/** The chart point of a stored reading; a document that no longer observes gives empty values. */
export function evidencePoint(r: Reading): EvidencePoint {
  const base = { id: r._id, timestamp: r.timestamp, status: r.status };
  let result: ReturnType<typeof observe> | undefined;
  try {
    result = observe(JSON.parse(r.documentJson) as TelemetryDocument);
  } catch {
    result = undefined;
  }
  if (!result || !('observation' in result)) {
    return { ...base, flow_m3s: null, head_m: null, energy_kwh: null, power_kw: null, efficiency: null };
  }
  const o = result.observation;
  const efficiency =
    o.electricalKw !== undefined && o.hydraulicKw !== undefined && o.hydraulicKw > 0
      ? o.electricalKw / o.hydraulicKw
      : undefined;
  return {
    ...base,
    flow_m3s: orNull(o.values.flow_rate),
    head_m: orNull(o.headM),
    energy_kwh: orNull(o.values.energy),
    power_kw: orNull(o.electricalKw),
    efficiency: orNull(efficiency),
  };
}
