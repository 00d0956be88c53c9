export { type ApprovedCalibration, applyCalibrations } from './apply-calibrations.ts';
export { type ParsedPlant, parsePlant } from './parse-plant.ts';
export type { CalibrationRecord, DeviceMeter, MeterType, Plant, PlantDevice, PlantUnit } from './plant.ts';
