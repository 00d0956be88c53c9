import { type CheckedPolicy, type FieldType, fieldTypeOf } from './policy-document.ts';
import { PolicyError } from './policy-error.ts';

function fieldSchema(field: FieldType): Record<string, unknown> {
  const f = fieldTypeOf(field);
  const unit = f.unit ? { description: `unit: ${f.unit}` } : {};
  switch (f.type) {
    case 'number':
      return { type: 'number', ...unit };
    case 'integer':
      return { type: 'integer' };
    case 'boolean':
      return { type: 'boolean' };
    case 'datetime':
      return { type: 'string', format: 'date-time' };
    case 'did':
      return { type: 'string', pattern: '^did:[a-z0-9]+:[A-Za-z0-9._:%-]+$' };
    case 'hash':
      return { type: 'string', pattern: '^[0-9a-f]{64}$', description: 'SHA-256, hex' };
    default:
      return f.enum ? { type: 'string', enum: [...f.enum] } : { type: 'string' };
  }
}

/**
 * The JSON Schema (2020-12) a credential subject must follow, derived from the policy's `credentials`
 * declaration — the one source the issuer validates against.
 *
 * @example
 * credentialSubjectSchema(policy, 'MonitoringReport').required // ['project_id', …]
 * @throws PolicyError INVALID_POLICY when the policy declares no such credential
 */
export function credentialSubjectSchema(policy: CheckedPolicy, name: string): Record<string, unknown> {
  const creds = policy.document.credentials;
  const decl = Object.hasOwn(creds, name) ? creds[name] : undefined;
  if (!decl)
    throw new PolicyError('INVALID_POLICY', `policy ${policy.document.id} declares no credential '${name}'`);
  const properties: Record<string, unknown> = {};
  for (const [field, type] of Object.entries(decl.fields)) properties[field] = fieldSchema(type);
  return {
    $schema: 'https://json-schema.org/draft/2020-12/schema',
    title: `${name} (${policy.document.id}@${policy.document.version})`,
    ...(decl.description ? { description: decl.description } : {}),
    type: 'object',
    additionalProperties: false,
    required: [...(decl.required ?? [])],
    properties,
  };
}
