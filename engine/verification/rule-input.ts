import type { TelemetryDocument } from '../telemetry/telemetry-document.ts';
import type { DeviceState } from './device-state.ts';
import type { Observation } from './observation.ts';
import type { RuleId } from './rule-catalog.ts';
import type { ScopeProfile } from './scope-profile.ts';
import type { Finding, FindingSeverity } from './verdict.ts';
import type { VerificationConfig } from './verification-config.ts';

/** Everything a rule group looks at for one reading. */
export interface RuleInput {
  document: TelemetryDocument;
  observation: Observation;
  state: DeviceState;
  profile: ScopeProfile;
  config: VerificationConfig;
  nowMs: number;
}

/** Measured values are rounded to 6 significant digits: enough to explain, stable to print. */
export function round(value: number): number {
  return Number.isFinite(value) ? Number(value.toPrecision(6)) : value;
}

/** A number for a human message: 3 significant digits, no exponent for ordinary magnitudes. */
export function show(value: number): string {
  if (!Number.isFinite(value)) return String(value);
  const abs = Math.abs(value);
  if (abs !== 0 && (abs < 0.001 || abs >= 1e9)) return value.toExponential(2);
  return String(Number(value.toPrecision(abs >= 1000 ? 6 : 3)));
}

export function finding(
  rule: RuleId,
  severity: FindingSeverity,
  message: string,
  values: Pick<Finding, 'measured' | 'limit' | 'unit' | 'band' | 'allowance'> = {},
): Finding {
  const out: Finding = { rule, severity, message };
  if (values.measured !== undefined) out.measured = round(values.measured);
  if (values.limit !== undefined) out.limit = round(values.limit);
  if (values.unit !== undefined) out.unit = values.unit;
  if (values.band !== undefined) {
    const { low, high, median, n } = values.band;
    out.band = { low: round(low), high: round(high), median: round(median), n };
  }
  if (values.allowance !== undefined) out.allowance = round(values.allowance);
  return out;
}

/** Whether a rule is switched on by the policy; an unknown rule id defaults to on. */
export function enabled(config: VerificationConfig, rule: RuleId): boolean {
  return config.rules[rule]?.enabled !== false;
}

/** A rule parameter from the policy, falling back to the given default. */
export function param(config: VerificationConfig, rule: RuleId, name: string, fallback: number): number {
  const value = config.rules[rule]?.params?.[name];
  return typeof value === 'number' && Number.isFinite(value) ? value : fallback;
}
