import type { MeterType } from '../plant/plant.ts';
import type { RuleId } from './rule-catalog.ts';

/** Turbine types of the plant file (see shared/specs/telemetry-v1.md). */
export type TurbineType = 'francis' | 'kaplan' | 'pelton' | 'crossflow' | 'turgo';

export interface RuleSettings {
  enabled: boolean;
  /** Weight of a soft rule in the trust score; ignored for hard rules. */
  weight: number;
  /** Values for the rule's parameters (see `ruleCatalog`), already in the catalog's units. */
  params: Record<string, number>;
}

/**
 * Everything the verification engine needs from a policy (and the project's overrides within the
 * policy's bounds). The policy compiler produces it; `mrv verify`, the workflows and tests pass it in.
 *
 * Status: score ≥ `thresholds.approve` → APPROVED; score < `thresholds.reject` → REJECTED;
 * otherwise FLAGGED. Any failed hard rule → REJECTED regardless of score.
 */
export interface VerificationConfig {
  thresholds: { approve: number; reject: number };
  rules: Record<RuleId, RuleSettings>;
  /** Plausible turbine efficiency band per turbine type (dimensionless). */
  efficiencyBands: Record<TurbineType, { min: number; max: number }>;
  /** The policy's calibration section; absent: calibration is not judged. */
  calibration?: CalibrationConfig;
}

export interface CalibrationConfig {
  /** Longest time between calibrations per meter type (ms). */
  intervalsMs: Partial<Record<MeterType, number>>;
  /** A lapsed calibration FLAGs the reading (`flag`) or REJECTs it. */
  onLapse: 'flag' | 'reject';
  /** A meter the intervals name but with no calibration record. */
  onMissing: 'ignore' | 'flag' | 'reject';
  /** The policy role that approves calibration certificates. */
  approverRole: string;
}
