import type { CheckedPolicy } from './policy-document.ts';
import { PolicyError } from './policy-error.ts';

/** A project's values for overridable parameters, each in the parameter's declared unit. */
export type ProjectOverrides = Readonly<Record<string, number>>;

/**
 * The value of every parameter for one project: the policy default unless the project overrides it.
 * An override must name an overridable parameter and stay within its bounds.
 *
 * @example
 * resolveParameters(policy, { approve_threshold: 0.85 }).approve_threshold // 0.85
 * @throws PolicyError UNKNOWN_PARAMETER, OVERRIDE_NOT_ALLOWED, OVERRIDE_OUT_OF_BOUNDS
 */
export function resolveParameters(
  policy: CheckedPolicy,
  overrides: ProjectOverrides = {},
): Record<string, number> {
  const params = policy.document.parameters;
  const values: Record<string, number> = {};
  for (const [name, p] of Object.entries(params)) values[name] = p.default;
  for (const [name, value] of Object.entries(overrides)) {
    const p = Object.hasOwn(params, name) ? params[name] : undefined;
    if (!p)
      throw new PolicyError('UNKNOWN_PARAMETER', `policy ${policy.document.id} has no parameter '${name}'`);
    if (p.overridable === false) {
      throw new PolicyError(
        'OVERRIDE_NOT_ALLOWED',
        `parameter '${name}' is fixed by the policy and cannot be overridden`,
      );
    }
    if (typeof value !== 'number' || !Number.isFinite(value)) {
      throw new PolicyError('OVERRIDE_OUT_OF_BOUNDS', `override of '${name}' must be a finite number`);
    }
    if ((p.min !== undefined && value < p.min) || (p.max !== undefined && value > p.max)) {
      throw new PolicyError(
        'OVERRIDE_OUT_OF_BOUNDS',
        `override ${name} = ${value} ${p.unit} is outside [${p.min ?? '-∞'}, ${p.max ?? '∞'}]`,
      );
    }
    values[name] = value;
  }
  return values;
}
