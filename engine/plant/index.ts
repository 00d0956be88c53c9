export { type ParsedPlant, parsePlant } from './parse-plant.ts';
export type { Plant, PlantDevice, PlantUnit } from './plant.ts';
