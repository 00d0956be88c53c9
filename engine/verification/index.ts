export { type AcceptedReading, advanceState } from './advance-state.ts';
export { createVerifier, type Verifier, type VerifierOptions } from './create-verifier.ts';
export { defaultEfficiencyBands, defaultVerificationConfig } from './default-verification-config.ts';
export { type DeviceState, initialDeviceState, LOAD_BUCKETS, STATE_LIMITS } from './device-state.ts';
export { canonicalUnits, type Observation, observe } from './observation.ts';
export { medianAndMad } from './robust-stats.ts';
export { type RuleId, type RuleParamSpec, type RuleSpec, ruleCatalog } from './rule-catalog.ts';
export { GRAVITY, type ScopeProfile, scopeProfile, WATER_DENSITY } from './scope-profile.ts';
export { scoreVerdict } from './score-verdict.ts';
export type { Finding, FindingSeverity, Verdict, VerdictStatus } from './verdict.ts';
export type { RuleSettings, TurbineType, VerificationConfig } from './verification-config.ts';
export {
  type VerificationContext,
  type VerificationResult,
  verifyDocument,
  verifyReading,
} from './verify-reading.ts';
