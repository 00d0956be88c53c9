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

/** Reading types a meter of a device may measure (the telemetry types with a physical meter behind them). */
export type MeterType =
  | 'flow_rate'
  | 'head'
  | 'pressure'
  | 'energy'
  | 'energy_export'
  | 'energy_register'
  | 'power_output';

/** A laboratory's calibration of one meter (the certificate's essentials; the document is referenced by hash). */
export interface CalibrationRecord {
  certificate_id: string;
  laboratory: string;
  /** Date of calibration (YYYY-MM-DD, UTC). */
  calibrated_on: string;
  /** Date the next calibration is due (YYYY-MM-DD, UTC). */
  next_due: string;
  /** The device the certificate names; must be the device it is attached to. */
  device_id?: string;
  /** Error found against the laboratory's reference, percent. */
  error_percent?: number;
  /** sha256 (hex) of the certificate document (PDF or JSON). */
  sha256?: string;
  /** Id of the MeterCalibration credential the verifier's approval produced. */
  credential_id?: string;
}

/** One meter of a device: its accuracy class and calibration. */
export interface DeviceMeter {
  type: MeterType;
  /** The telemetry `sensor_id` this meter reports as; absent: every sensor of the type. */
  sensor_id?: string;
  /** Accuracy class in percent of reading (IEC 62053 for energy meters, ISO 4064/5167 for flow). */
  accuracy_class: number;
  /** Full-scale value in the canonical unit (m³/s, m, kPa, kWh, kW): a reading clamped here is not stuck. */
  full_scale?: number;
  calibration?: CalibrationRecord;
}

export interface PlantDevice {
  device_id: string;
  /** `plant` or a `unit_id`: the physics limits that apply to this device's readings. */
  scope: string;
  /** Absent means active. An inactive device's readings are rejected. */
  active?: boolean;
  /** The device's meters with accuracy class and calibration record. */
  meters?: DeviceMeter[];
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
