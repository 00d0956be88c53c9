import subjects from '../../schemas/credential-subjects.schema.json' with { type: 'json' };
import { type FieldType, fieldTypeOf, type PolicyDocument } from './policy-document.ts';

export const credentialTypes = [
  'DeviceRegistration',
  'VerifiedReadingBatch',
  'MonitoringReport',
  'Issuance',
] as const;
export type CredentialTypeName = (typeof credentialTypes)[number];

type JsonSchema = Record<string, unknown>;

function fieldSchema(field: FieldType): JsonSchema {
  const { type, unit, enum: values } = fieldTypeOf(field);
  const described = unit ? { description: `unit: ${unit}` } : {};
  if (values) return { enum: values, ...described };
  switch (type) {
    case 'datetime':
      return { $ref: '#/$defs/dateTime', ...described };
    case 'hash':
      return { $ref: '#/$defs/hash', ...described };
    case 'did':
      return { type: 'string', pattern: '^did:', maxLength: 2048, ...described };
    case 'string':
      return { type: 'string', maxLength: 4096, ...described };
    default:
      return { type, ...described };
  }
}

/**
 * The JSON Schema (2020-12) of each credential type's subject under a policy: the platform's fields
 * that the trust chain relies on (schemas/credential-subjects.schema.json) plus the policy's own
 * fields under `claims`. Nothing else is allowed in a subject.
 *
 * @example
 * const schemas = credentialSubjectSchemas(policy.document);
 * issueCredential({ type: 'MonitoringReport', subjectSchema: schemas.MonitoringReport, … });
 */
export function credentialSubjectSchemas(document: PolicyDocument): Record<CredentialTypeName, JsonSchema> {
  const defs = subjects.$defs as Record<string, JsonSchema>;
  const out = {} as Record<CredentialTypeName, JsonSchema>;
  for (const type of credentialTypes) {
    const core = defs[type] as { properties: JsonSchema; required: string[] };
    const declared = document.credentials?.[type];
    const properties: JsonSchema = { ...core.properties };
    const required = [...core.required];
    if (declared) {
      properties.claims = {
        type: 'object',
        additionalProperties: false,
        required: declared.required ?? [],
        properties: Object.fromEntries(
          Object.entries(declared.fields).map(([name, f]) => [name, fieldSchema(f)]),
        ),
      };
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
