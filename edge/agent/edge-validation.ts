import type { Plant } from '../../engine/plant/index.ts';
import type { TelemetryReading } from '../../engine/telemetry/index.ts';
import { convert } from '../../engine/units/index.ts';
import { defaultVerificationConfig, scopeProfile } from '../../engine/verification/index.ts';

/** How far past nameplate a value may go before the edge calls it implausible. */
const MARGIN = { flow: 1.2, head: 1.5, power: 1.1, energy: 1.1 } as const;

export interface EdgeMark {
  sensor_id?: string;
  type: string;
  message: string;
}

/**
 * Edge validation against the plant's bounds (capacity, rated flow, rated head, physical ranges):
 * an implausible reading is marked — its quality drops to 0 and `metadata.edge_marks` says why — but
 * it is always sent. Dropping it would hide exactly what the verifier must see.
 */
export function markImplausible(
  readings: TelemetryReading[],
  plant: Plant,
  scope: string,
  intervalS: number,
): { readings: TelemetryReading[]; marks: EdgeMark[] } {
  const profile = scopeProfile(plant, { device_id: 'edge', scope }, defaultVerificationConfig());
  const marks: EdgeMark[] = [];
  const out = readings.map((r) => {
    const problem = implausibility(r, profile, intervalS);
    if (!problem) return r;
    marks.push({ ...(r.sensor_id ? { sensor_id: r.sensor_id } : {}), type: r.type, message: problem });
    return { ...r, quality: 0 };
  });
  return { readings: out, marks };
}

function implausibility(
  r: TelemetryReading,
  profile: ReturnType<typeof scopeProfile>,
  intervalS: number,
): string | undefined {
  const v = r.value;
  if (r.type === 'ph') return v < 0 || v > 14 ? `pH ${v} outside 0…14` : undefined;
  if (r.type === 'water_temperature') return v < -5 || v > 45 ? `water at ${v} °C` : undefined;
  if (v < 0) return `${r.type} is negative (${v} ${r.unit})`;
  if (!profile) return undefined;
  switch (r.type) {
    case 'flow_rate': {
      const limit = profile.ratedFlowM3s;
      const q = convert(v, r.unit, 'm3/s');
      return limit && q > limit * MARGIN.flow
        ? `flow ${fmt(q)} m3/s above ${MARGIN.flow} × rated ${limit}`
        : undefined;
    }
    case 'head': {
      const limit = profile.maxRatedHeadM;
      return limit && v > limit * MARGIN.head
        ? `head ${fmt(v)} m above ${MARGIN.head} × rated ${limit}`
        : undefined;
    }
    case 'power_output': {
      const kw = convert(v, r.unit, 'kW');
      const limit = profile.capacityKw * MARGIN.power;
      return kw > limit
        ? `power ${fmt(kw)} kW above ${MARGIN.power} × capacity ${profile.capacityKw}`
        : undefined;
    }
    case 'energy':
    case 'energy_export': {
      const kwh = convert(v, r.unit, 'kWh');
      const limit = ((profile.capacityKw * intervalS) / 3600) * MARGIN.energy;
      return kwh > limit ? `${fmt(kwh)} kWh in ${intervalS} s is above capacity × interval` : undefined;
    }
    default:
      return undefined;
  }
}

function fmt(v: number): string {
  return String(Number(v.toPrecision(4)));
}
