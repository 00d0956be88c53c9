import { conversionFactor, UnitError } from '../units/index.ts';
import { type RuleId, ruleCatalog } from '../verification/rule-catalog.ts';
import { isoDurationMs } from './iso-duration.ts';
import type { NumberOrParameter, PolicyDocument } from './policy-document.ts';
import type { ProblemSink } from './problem-sink.ts';
import type { SourcePath } from './source-locator.ts';

/** Rules that guard integrity rather than plausibility: a policy may tune, never disable, them. */
export const mandatoryRules: ReadonlySet<RuleId> = new Set([
  'schema',
  'signature',
  'device',
  'replay',
  'time.sequence',
]);

interface Target {
  unit: string;
  min?: number;
  max?: number;
}

/**
 * Resolves a number-or-parameter to the number it stands for by default, checking that the parameter
 * exists, that its unit converts to the target's, and that its whole range (so any project override)
 * lies within the target's bounds.
 */
function resolve(
  value: NumberOrParameter,
  target: Target,
  path: SourcePath,
  policy: PolicyDocument,
  sink: ProblemSink,
): number | undefined {
  const where = `${path.slice(1).join('.')}`;
  if (typeof value === 'number') {
    if (
      (target.min !== undefined && value < target.min) ||
      (target.max !== undefined && value > target.max)
    ) {
      sink.at(
        path,
        'out-of-bounds',
        `${where} = ${value} is outside [${target.min ?? '-∞'}, ${target.max ?? '∞'}]`,
      );
    }
    return value;
  }
  const param = Object.hasOwn(policy.parameters, value) ? policy.parameters[value] : undefined;
  if (!param) {
    sink.at(path, 'unknown-parameter', `unknown parameter '${value}'`);
    return undefined;
  }
  let factor: number;
  try {
    factor = conversionFactor(param.unit, target.unit);
  } catch (error) {
    if (error instanceof UnitError && error.code === 'INCOMPATIBLE_UNITS') {
      sink.at(
        path,
        'unit-mismatch',
        `parameter '${value}' is in ${param.unit}, ${where} needs ${target.unit}`,
      );
    }
    return undefined;
  }
  const lo = (param.min ?? Number.NEGATIVE_INFINITY) * factor;
  const hi = (param.max ?? Number.POSITIVE_INFINITY) * factor;
  if ((target.min !== undefined && lo < target.min) || (target.max !== undefined && hi > target.max)) {
    sink.at(
      path,
      'out-of-bounds',
      `parameter '${value}' may range over [${param.min ?? '-∞'}, ${param.max ?? '∞'}] ${param.unit}; ${where} allows [${target.min ?? '-∞'}, ${target.max ?? '∞'}] ${target.unit} (bound the parameter)`,
    );
  }
  return param.default * factor;
}

/** Checks the verification section against the rule catalog, its bounds and the parameters. */
export function checkVerification(policy: PolicyDocument, sink: ProblemSink): void {
  const v = policy.verification;
  const base: SourcePath = ['verification'];
  const unit01 = { unit: '1', min: 0, max: 1 };
  const approve = resolve(v.thresholds.approve, unit01, [...base, 'thresholds', 'approve'], policy, sink);
  const reject = resolve(v.thresholds.reject, unit01, [...base, 'thresholds', 'reject'], policy, sink);
  if (approve !== undefined && reject !== undefined && !(reject <= approve)) {
    sink.at(
      [...base, 'thresholds'],
      'out-of-bounds',
      `reject threshold ${reject} must not exceed approve threshold ${approve}`,
    );
  }
  for (const [id, settings] of Object.entries(v.rules ?? {})) {
    const path = [...base, 'rules', id];
    const spec = Object.hasOwn(ruleCatalog, id) ? ruleCatalog[id as RuleId] : undefined;
    if (!spec) {
      sink.at(
        path,
        'unknown-rule',
        `unknown rule '${id}' (catalog: ${Object.keys(ruleCatalog).join(', ')})`,
        'key',
      );
      continue;
    }
    if (settings.enabled === false && mandatoryRules.has(id as RuleId)) {
      sink.at(
        [...path, 'enabled'],
        'out-of-bounds',
        `rule '${id}' protects integrity and cannot be disabled`,
      );
    }
    if (settings.weight !== undefined) {
      if (spec.hard)
        sink.at([...path, 'weight'], 'out-of-bounds', `rule '${id}' is hard (it rejects); it has no weight`);
      else resolve(settings.weight, unit01, [...path, 'weight'], policy, sink);
    }
    for (const [param, value] of Object.entries(settings.params ?? {})) {
      const paramSpec = Object.hasOwn(spec.params, param)
        ? (spec.params as Record<string, Target>)[param]
        : undefined;
      if (!paramSpec) {
        sink.at(
          [...path, 'params', param],
          'unknown-parameter',
          `rule '${id}' has no parameter '${param}' (has: ${Object.keys(spec.params).join(', ') || 'none'})`,
          'key',
        );
        continue;
      }
      resolve(value, paramSpec, [...path, 'params', param], policy, sink);
    }
  }
  for (const [turbine, band] of Object.entries(v.efficiency_bands)) {
    const path = [...base, 'efficiency_bands', turbine];
    const lo = resolve(band.min, unit01, [...path, 'min'], policy, sink);
    const hi = resolve(band.max, unit01, [...path, 'max'], policy, sink);
    if (lo !== undefined && hi !== undefined && !(lo < hi)) {
      sink.at(path, 'out-of-bounds', `${turbine} efficiency band is empty: min ${lo} ≥ max ${hi}`);
    }
  }
  checkCalibration(policy, sink);
}

/** The calibration section: fixed-length intervals and an approver role the policy declares. */
function checkCalibration(policy: PolicyDocument, sink: ProblemSink): void {
  const calibration = policy.verification.calibration;
  if (!calibration) return;
  const base: SourcePath = ['verification', 'calibration'];
  for (const [type, duration] of Object.entries(calibration.intervals)) {
    if (isoDurationMs(duration) === undefined) {
      sink.at(
        [...base, 'intervals', type],
        'out-of-bounds',
        `calibration interval '${duration}' for ${type} must be weeks or days (e.g. P730D), at most ten years`,
      );
    }
  }
  if (!Object.hasOwn(policy.roles, calibration.approver_role)) {
    sink.at(
      [...base, 'approver_role'],
      'unknown-role',
      `approver_role '${calibration.approver_role}' is not a role of the policy (roles: ${Object.keys(policy.roles).join(', ')})`,
    );
  }
}
