import type { PlantUnit } from '../../plant/plant.ts';
import { GRAVITY, WATER_DENSITY } from '../scope-profile.ts';
import type { RandomSource } from './random-source.ts';

/** What really happened at one unit during one interval (before any sensor error or fraud). */
export interface UnitTruth {
  running: boolean;
  flowM3s: number;
  headM: number;
  energyKwh: number;
  exportKwh: number;
}

/** Peak turbine efficiency, best-efficiency flow share and curvature per turbine type (hill-chart cuts). */
const CURVES = {
  francis: { peak: 0.93, at: 0.85, k: 0.55 },
  kaplan: { peak: 0.92, at: 0.7, k: 0.15 },
  pelton: { peak: 0.9, at: 0.7, k: 0.12 },
  turgo: { peak: 0.88, at: 0.7, k: 0.2 },
  crossflow: { peak: 0.8, at: 0.7, k: 0.15 },
} as const;
const GENERATOR_EFFICIENCY = 0.97;
/** Transformer and line losses, and the station's own load while running (kW per MW of capacity). */
const EXPORT_LOSS = 0.008;
const AUX_KW_PER_MW = 3;

/** Water-to-wire efficiency at a flow share of rated flow. */
export function unitEfficiency(unit: PlantUnit, flowShare: number): number {
  const c = CURVES[unit.turbine];
  return Math.max(0.3, (c.peak - c.k * (flowShare - c.at) ** 2) * GENERATOR_EFFICIENCY);
}

/**
 * The unit's operating point for an available flow: it runs the water it gets up to rated flow, and
 * the governor holds output at nameplate when the water could give more. `runShare` < 1 models a
 * startup or shutdown inside the interval (the unit ran for that share of it).
 */
export function operateUnit(options: {
  unit: PlantUnit;
  availableM3s: number;
  headM: number;
  intervalS: number;
  runShare: number;
}): UnitTruth {
  const { unit, headM, intervalS, runShare } = options;
  const ratedFlow = unit.rated_flow_m3s ?? 1;
  if (runShare <= 0) return { running: false, flowM3s: 0, headM, energyKwh: 0, exportKwh: 0 };
  let flow = Math.min(options.availableM3s, ratedFlow * 1.05);
  const power = (q: number) =>
    (WATER_DENSITY * GRAVITY * q * headM * unitEfficiency(unit, q / ratedFlow)) / 1000;
  if (power(flow) > unit.capacity_kw) {
    let lo = 0;
    let hi = flow;
    for (let i = 0; i < 40; i++) {
      const mid = (lo + hi) / 2;
      if (power(mid) > unit.capacity_kw * 0.995) hi = mid;
      else lo = mid;
    }
    flow = lo;
  }
  const hours = intervalS / 3600;
  const energyKwh = power(flow) * hours * runShare;
  // While synchronising the unit passes some no-load water that makes no power.
  const noLoadFlow = runShare < 1 ? 0.08 * ratedFlow * Math.min(1 - runShare, 0.1) : 0;
  const exportKwh = Math.max(
    0,
    energyKwh * (1 - EXPORT_LOSS) - ((AUX_KW_PER_MW * unit.capacity_kw) / 1000) * hours * runShare,
  );
  return { running: true, flowM3s: flow * runShare + noLoadFlow, headM, energyKwh, exportKwh };
}

/**
 * River flow available to the whole plant (m³/s) at `hours` since the start: a seasonal rise
 * (dry season into monsoon), a diurnal swing (snowmelt) and autocorrelated noise.
 */
export function createRiver(random: RandomSource, ratedTotalM3s: number, days: number) {
  let noise = 0;
  return (hours: number): number => {
    noise = 0.97 * noise + random.normal(0, 0.012);
    const season = 0.25 + 1.05 * smoothstep(hours / (days * 24));
    const diurnal = 1 + 0.12 * Math.sin((2 * Math.PI * (hours - 10)) / 24);
    return ratedTotalM3s * season * diurnal * Math.exp(noise);
  };
}

function smoothstep(x: number): number {
  const t = Math.min(1, Math.max(0, x));
  return t * t * (3 - 2 * t);
}
