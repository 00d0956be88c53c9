import type { TurbineType } from '../verification/verification-config.ts';

/**
 * A hydropower plant as described by the plant file (`schemas/plant.schema.json`, the source of
 * truth; normative text in shared/specs/telemetry-v1.md).
 */
export interface PlantUnit {
  unit_id: string;
  turbine: TurbineType;
  capacity_kw: number;
  rated_head_m?: number;
  rated_flow_m3s?: number;
}

export interface PlantDevice {
  device_id: string;
  /** `plant` or a `unit_id`: the physics limits that apply to this device's readings. */
  scope: string;
  /** Absent means active. An inactive device's readings are rejected. */
  active?: boolean;
}

export interface Plant {
  plant_id: string;
  name: string;
  capacity_kw: number;
  location?: { lat: number; lon: number };
  units: PlantUnit[];
  grid?: { name?: string; ef_tco2_per_mwh: number };
  reservoir?: { baseline_area_m2?: number; project_area_m2?: number; baseline_capacity_kw?: number };
  /** IEC 62053 accuracy class in percent of the export meter (0.2 = ±0.2 %). */
  meter?: { accuracy_class: number };
  devices?: PlantDevice[];
}
