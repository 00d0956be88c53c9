import type { DeviceMeter, MeterType, Plant, PlantDevice } from '../plant/plant.ts';
import { defaultEfficiencyBands } from './default-verification-config.ts';
import { meterAccuracy } from './meter-accuracy.ts';
import type { VerificationConfig } from './verification-config.ts';

/** Gravity and water density used for hydraulic power and for pressure → head (spec: ρ 1000, g 9.81). */
export const GRAVITY = 9.81;
export const WATER_DENSITY = 1000;

/** Fallback when a plant file has no meter accuracy class: class 0.5 (IEC 62053-22) is the common one. */
const DEFAULT_ACCURACY_CLASS = 0.5;
/** Fallback water-to-wire efficiency for a rated hydraulic power when unit ratings are missing. */
const TYPICAL_EFFICIENCY = 0.85;

/** The physics limits that apply to one device: its unit, or the whole plant (sum of units). */
export interface ScopeProfile {
  scope: string;
  capacityKw: number;
  /** Widest efficiency band over the scope's turbines (no false alarms on mixed plants). */
  band: { min: number; max: number };
  /** ρ·g·Q_rated·H_rated summed over the scope's units, in kW: the reference for part-load. */
  ratedHydraulicKw: number;
  /** Σ rated flow of the scope's units in m³/s, when every unit states one. */
  ratedFlowM3s?: number;
  /** Highest rated head of the scope's units in m, when every unit states one. */
  maxRatedHeadM?: number;
  /** Export meter accuracy class in percent (the register check's tolerance). */
  accuracyClass: number;
  /** Accuracy class in percent per meter type of this device (meter-accuracy.ts). */
  accuracy: Record<MeterType, number>;
  /** The device's meters as the plant file (and approved calibrations) describe them. */
  meters: readonly DeviceMeter[];
}

/**
 * The scope profile of a registered device, or undefined when the device's scope names no unit.
 *
 * @example
 * scopeProfile(plant, { device_id, scope: 'U1' }, config).capacityKw // 2800
 */
export function scopeProfile(
  plant: Plant,
  device: PlantDevice,
  config: VerificationConfig,
): ScopeProfile | undefined {
  const units =
    device.scope === 'plant' ? plant.units : plant.units.filter((u) => u.unit_id === device.scope);
  if (units.length === 0) return undefined;
  let capacityKw = 0;
  let ratedHydraulicKw = 0;
  let ratedFlowM3s: number | undefined = 0;
  let maxRatedHeadM: number | undefined = 0;
  let min = Number.POSITIVE_INFINITY;
  let max = 0;
  for (const unit of units) {
    capacityKw += unit.capacity_kw;
    // A policy that names no band for this turbine type falls back to the engine's defaults.
    const band = config.efficiencyBands?.[unit.turbine] ?? defaultEfficiencyBands[unit.turbine];
    min = Math.min(min, band.min);
    max = Math.max(max, band.max);
    maxRatedHeadM =
      unit.rated_head_m === undefined || maxRatedHeadM === undefined
        ? undefined
        : Math.max(maxRatedHeadM, unit.rated_head_m);
    ratedFlowM3s =
      unit.rated_flow_m3s === undefined || ratedFlowM3s === undefined
        ? undefined
        : ratedFlowM3s + unit.rated_flow_m3s;
    ratedHydraulicKw +=
      unit.rated_flow_m3s !== undefined && unit.rated_head_m !== undefined
        ? (WATER_DENSITY * GRAVITY * unit.rated_flow_m3s * unit.rated_head_m) / 1000
        : unit.capacity_kw / TYPICAL_EFFICIENCY;
  }
  const profile: ScopeProfile = {
    scope: device.scope,
    capacityKw,
    band: { min, max },
    ratedHydraulicKw,
    accuracyClass: plant.meter?.accuracy_class ?? DEFAULT_ACCURACY_CLASS,
    accuracy: meterAccuracy(plant, device),
    meters: device.meters ?? [],
  };
  if (ratedFlowM3s !== undefined) profile.ratedFlowM3s = ratedFlowM3s;
  if (maxRatedHeadM !== undefined) profile.maxRatedHeadM = maxRatedHeadM;
  return profile;
}
