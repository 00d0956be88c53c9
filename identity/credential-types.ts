/**
 * The credential types this engine issues. The first four have a subject schema in the policy; the
 * evidence types (plant attestation, review decisions, role accreditation) have fixed schemas
 * (identity/evidence-subject-schemas.ts) because a policy must not be able to loosen them.
 */
export const CREDENTIAL_TYPES = [
  'DeviceRegistration',
  'VerifiedReadingBatch',
  'MonitoringReport',
  'Issuance',
  'ProjectRegistration',
  'ReviewDecision',
  'RoleAccreditation',
  'MeterCalibration',
] as const;

export type CredentialType = (typeof CREDENTIAL_TYPES)[number];

export function isCredentialType(value: unknown): value is CredentialType {
  return typeof value === 'string' && (CREDENTIAL_TYPES as readonly string[]).includes(value);
}

/** The credential type among a VC's `type` values, or undefined when it is none of ours. */
export function credentialTypeOf(credential: { type?: unknown }): CredentialType | undefined {
  const types = Array.isArray(credential.type) ? credential.type : [credential.type];
  return types.find(isCredentialType);
}

/** A JSON Schema (2020-12) for one credential type's `credentialSubject`. */
export type SubjectSchema = Record<string, unknown>;

export type SubjectSchemas = Partial<Record<CredentialType, SubjectSchema>>;
