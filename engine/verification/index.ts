export { type AcceptedReading, advanceState } from './advance-state.ts';
export { type CalibrationStanding, calibrationStanding, dateMs } from './calibration-validity.ts';
export { createVerifier, type Verifier, type VerifierOptions } from './create-verifier.ts';
export { defaultEfficiencyBands, defaultVerificationConfig } from './default-verification-config.ts';
export { type DeviceState, initialDeviceState, LOAD_BUCKETS, STATE_LIMITS } from './device-state.ts';
export { closeReview, isLearning } from './learn-from-reading.ts';
export { type LearnedBand, learnedBand } from './learned-band.ts';
export { LEARNED_LIMITS, type LearnedState } from './learned-baseline.ts';
export { DEFAULT_ACCURACY, meterAccuracy } from './meter-accuracy.ts';
export { canonicalUnits, type Observation, observe } from './observation.ts';
export {
  type MeterSample,
  MIN_CHECK_INTERVALS,
  type ReferenceCheck,
  referenceMeterCheck,
} from './reference-meter-check.ts';
export { repeatProbability } from './repeat-probability.ts';
export { medianAndMad } from './robust-stats.ts';
export { type RuleId, type RuleParamSpec, type RuleSpec, ruleCatalog } from './rule-catalog.ts';
export { GRAVITY, type ScopeProfile, scopeProfile, WATER_DENSITY } from './scope-profile.ts';
export { scoreVerdict } from './score-verdict.ts';
export type { Finding, FindingSeverity, Verdict, VerdictStatus } from './verdict.ts';
export type {
  CalibrationConfig,
  RuleSettings,
  TurbineType,
  VerificationConfig,
} from './verification-config.ts';
export {
  type VerificationContext,
  type VerificationResult,
  verifyDocument,
  verifyReading,
} from './verify-reading.ts';
