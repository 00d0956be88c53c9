import type { Db } from 'mongodb';
import type { ProjectOverrides } from '../../engine/policy/resolve-parameters.ts';
import { credentialStore } from '../../store/credential-store.ts';
import type { TenantScope } from '../../store/tenant-scope.ts';

/** One registry-attested version of a project's plant (a ProjectRegistration credential). */
export interface RegisteredPlant {
  version: number;
  credentialId: string;
  effectiveFrom: string;
  /** The plant file without its devices (DeviceRegistration credentials bind those). */
  plant: Record<string, unknown>;
  parameters: ProjectOverrides;
}

/**
 * The newest ProjectRegistration version in force at `at` (effectiveFrom ≤ at), as the auditor
 * chooses it (identity/verify-evidence.ts): what periods are computed from, so that an edit of the
 * project record in the database changes no figure. Null when the registry has not registered one.
 */
export async function registeredPlant(
  db: Db,
  scope: TenantScope,
  projectId: string,
  at: Date,
): Promise<RegisteredPlant | null> {
  const versions = (await credentialStore(db).list(scope, { type: 'ProjectRegistration', projectId }))
    .map((record) => ({ record, subject: record.credential.credentialSubject as Record<string, unknown> }))
    .filter(({ subject }) => Date.parse(String(subject.effectiveFrom)) <= at.getTime())
    .sort((a, b) => Number(b.subject.version) - Number(a.subject.version));
  const newest = versions[0];
  if (!newest) return null;
  return {
    version: Number(newest.subject.version),
    credentialId: newest.record._id,
    effectiveFrom: String(newest.subject.effectiveFrom),
    plant: newest.subject.plant as Record<string, unknown>,
    parameters: (newest.subject.parameters ?? {}) as ProjectOverrides,
  };
}
