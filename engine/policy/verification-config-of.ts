import type { MeterType } from '../plant/plant.ts';
import { conversionFactor } from '../units/index.ts';
import { type RuleId, ruleCatalog } from '../verification/rule-catalog.ts';
import type {
  CalibrationConfig,
  RuleSettings,
  TurbineType,
  VerificationConfig,
} from '../verification/verification-config.ts';
import { isoDurationMs } from './iso-duration.ts';
import type { CheckedPolicy, NumberOrParameter } from './policy-document.ts';
import { type ProjectOverrides, resolveParameters } from './resolve-parameters.ts';

/**
 * The verification engine's configuration for one project: every catalog rule, enabled with its
 * catalog weight and parameter defaults unless the policy says otherwise; parameter references
 * resolved with the project's overrides and converted to the catalog's units.
 *
 * @example
 * const config = verificationConfigOf(policy, { approve_threshold: 0.85 });
 * config.thresholds.approve // 0.85
 * @throws PolicyError when an override is unknown, fixed or out of bounds
 */
export function verificationConfigOf(
  policy: CheckedPolicy,
  projectOverrides?: ProjectOverrides,
): VerificationConfig {
  const values = resolveParameters(policy, projectOverrides);
  const params = policy.document.parameters;
  const v = policy.document.verification;
  const num = (x: NumberOrParameter, unit: string): number =>
    typeof x === 'number' ? x : values[x]! * conversionFactor(params[x]!.unit, unit);

  const rules = {} as Record<RuleId, RuleSettings>;
  for (const id of Object.keys(ruleCatalog) as RuleId[]) {
    const spec = ruleCatalog[id];
    const settings = v.rules?.[id];
    const ruleParams: Record<string, number> = {};
    for (const [name, p] of Object.entries(spec.params) as [string, { unit: string; default: number }][]) {
      const given = settings?.params?.[name];
      ruleParams[name] = given === undefined ? p.default : num(given, p.unit);
    }
    rules[id] = {
      enabled: settings?.enabled ?? true,
      weight: settings?.weight === undefined ? spec.weight : num(settings.weight, '1'),
      params: ruleParams,
    };
  }
  const efficiencyBands = {} as Record<TurbineType, { min: number; max: number }>;
  for (const [turbine, band] of Object.entries(v.efficiency_bands)) {
    efficiencyBands[turbine as TurbineType] = { min: num(band.min, '1'), max: num(band.max, '1') };
  }
  const config: VerificationConfig = {
    thresholds: { approve: num(v.thresholds.approve, '1'), reject: num(v.thresholds.reject, '1') },
    rules,
    efficiencyBands,
  };
  if (v.calibration) {
    const intervalsMs: CalibrationConfig['intervalsMs'] = {};
    for (const [type, duration] of Object.entries(v.calibration.intervals)) {
      const ms = isoDurationMs(duration);
      if (ms !== undefined) intervalsMs[type as MeterType] = ms;
    }
    config.calibration = {
      intervalsMs,
      onLapse: v.calibration.on_lapse,
      onMissing: v.calibration.on_missing ?? 'ignore',
      approverRole: v.calibration.approver_role,
    };
  }
  return config;
}
