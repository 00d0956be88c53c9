import subjects from '../../schemas/credential-subjects.schema.json' with { type: 'json' };
import { credentialSubjectSchema } from './credential-subject-schema.ts';
import type { CheckedPolicy } from './policy-document.ts';

export const credentialTypes = [
  'DeviceRegistration',
  'VerifiedReadingBatch',
  'MonitoringReport',
  'Issuance',
  'MeterCalibration',
] as const;
export type CredentialTypeName = (typeof credentialTypes)[number];

type JsonSchema = Record<string, unknown>;

/**
 * The JSON Schema (2020-12) of each credential type's subject under a policy: the platform's fields
 * that the trust chain relies on (schemas/credential-subjects.schema.json) plus the policy's own
 * fields under `claims`. Nothing else is allowed in a subject.
 *
 * @example
 * const schemas = credentialSubjectSchemas(policy);
 * issueCredential({ type: 'MonitoringReport', subjectSchema: schemas.MonitoringReport, … });
 */
export function credentialSubjectSchemas(policy: CheckedPolicy): Record<CredentialTypeName, JsonSchema> {
  const defs = subjects.$defs as Record<string, JsonSchema>;
  const out = {} as Record<CredentialTypeName, JsonSchema>;
  for (const type of credentialTypes) {
    const core = defs[type] as { properties: JsonSchema; required: string[] };
    const properties: JsonSchema = { ...core.properties };
    const required = [...core.required];
    if (Object.hasOwn(policy.document.credentials, type)) {
      const { $schema: _schema, title: _title, ...claims } = credentialSubjectSchema(policy, type);
      properties.claims = claims;
      required.push('claims');
    }
    out[type] = {
      $schema: 'https://json-schema.org/draft/2020-12/schema',
      type: 'object',
      additionalProperties: false,
      required,
      properties,
      $defs: { hash: defs.hash, dateTime: defs.dateTime, entityId: defs.entityId, anchorRef: defs.anchorRef },
    };
  }
  return out;
}
