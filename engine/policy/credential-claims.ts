import { convert } from '../units/index.ts';
import type { CredentialTypeName } from './credential-subject-schemas.ts';
import { fieldTypeOf, type PolicyDocument } from './policy-document.ts';
import { PolicyError } from './policy-error.ts';

/** A value the host knows when it issues a credential, in the unit it is stated in. */
export interface ClaimValue {
  value: string | number | boolean;
  unit?: string;
}

/**
 * The `claims` of a credential subject: each field the policy declares, taken from what the host
 * knows at issuance (`known`, keyed by field name) and converted to the declared unit. A required
 * field the host cannot supply is an error; optional unknown fields are left out.
 *
 * @example
 * claimsFor(policy.document, 'MonitoringReport', { er: { value: 758, unit: 'tCO2e' } })
 */
export function claimsFor(
  document: PolicyDocument,
  type: CredentialTypeName,
  known: Readonly<Record<string, ClaimValue>>,
): Record<string, string | number | boolean> | undefined {
  const declared = document.credentials?.[type];
  if (!declared) return undefined;
  const claims: Record<string, string | number | boolean> = {};
  const missing: string[] = [];
  for (const [name, field] of Object.entries(declared.fields)) {
    const source = known[name];
    if (source === undefined) {
      if (declared.required?.includes(name)) missing.push(name);
      continue;
    }
    const { unit } = fieldTypeOf(field);
    claims[name] =
      unit && source.unit && typeof source.value === 'number'
        ? convert(source.value, source.unit, unit)
        : source.value;
  }
  if (missing.length > 0) {
    throw new PolicyError(
      'UNKNOWN_CLAIM',
      `${type}: the service cannot supply required field(s) ${missing.join(', ')}; known: ${Object.keys(known).join(', ')}`,
    );
  }
  return claims;
}
