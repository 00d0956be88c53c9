export { type DetectionReport, detectionReport, type KindRate, ONSET_TAIL } from './detection-report.ts';
export { type Episode, episodeAt, scheduleEpisodes } from './fault-episodes.ts';
export { type FaultClass, type FaultKind, faultKinds } from './fault-kinds.ts';
export {
  generateSyntheticPlant,
  type SyntheticOptions,
  type SyntheticPlant,
  type SyntheticRecord,
} from './generate-synthetic-plant.ts';
export { createRiver, operateUnit, type UnitTruth, unitEfficiency } from './plant-model.ts';
export { createRandomSource, type RandomSource } from './random-source.ts';
