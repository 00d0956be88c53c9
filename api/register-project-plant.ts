import type { Db } from 'mongodb';
import { actorParty } from '../identity/actor-party.ts';
import { createDidResolver } from '../identity/create-did-resolver.ts';
import { credentialIdFor } from '../identity/credential-id.ts';
import { createDocumentLoader } from '../identity/document-loader.ts';
import { evidenceSubjectSchemas } from '../identity/evidence-subject-schemas.ts';
import { IdentityError } from '../identity/identity-error.ts';
import { issueCredential } from '../identity/issue-credential.ts';
import type { KeyStore } from '../identity/key-store.ts';
import { type CredentialRecord, credentialStore } from '../store/credential-store.ts';
import { projectStore } from '../store/project-store.ts';
import type { TenantScope } from '../store/tenant-scope.ts';
import { ApiError } from './errors.ts';

const documentLoader = createDocumentLoader({ resolver: createDidResolver() });

/**
 * The registry attests a project's plant: the plant file as the project holds it now (without its
 * devices, which DeviceRegistration credentials bind) and its parameter overrides become version n+1
 * of the project's ProjectRegistration credential, signed by the registry principal's own DID (never
 * the organization's), in force from `effectiveFrom` — which the registry may set before today for
 * readings a plant produced before it was registered. Periods are computed from the version in
 * force at their start, and the auditor recomputes from the same one.
 */
export async function registerProjectPlant(
  deps: { db: Db; keyStore: KeyStore; now: () => Date },
  scope: TenantScope,
  input: { projectId: string; registry: { id: string }; effectiveFrom: string },
): Promise<CredentialRecord> {
  const project = await projectStore(deps.db).get(scope, input.projectId);
  if (!project) throw new ApiError('NOT_FOUND', `no project ${input.projectId}`);
  const credentials = credentialStore(deps.db);
  const versions = await credentials.list(scope, { type: 'ProjectRegistration', projectId: project._id });
  const version = versions.length + 1;
  const { devices: _devices, ...plant } = project.plant;
  const party = await actorParty(
    { keyStore: deps.keyStore, now: deps.now },
    { orgId: scope.orgId, actorId: input.registry.id },
  );
  const key = `project-registration/${project._id}/v${version}`;
  const id = credentialIdFor(scope.orgId, key);
  const issuedAt = deps.now();
  let credential: Awaited<ReturnType<typeof issueCredential>>;
  try {
    credential = await issueCredential({
      type: 'ProjectRegistration',
      subject: {
        id: `urn:mrv:project-registration:${project._id}:v${version}`,
        projectId: project._id,
        version,
        effectiveFrom: new Date(input.effectiveFrom).toISOString(),
        plant,
        parameters: (project as { parameters?: Record<string, number> }).parameters ?? {},
      },
      subjectSchema: evidenceSubjectSchemas.ProjectRegistration,
      issuer: party.did,
      signer: party.signer,
      issuedAt: issuedAt.toISOString(),
      id,
      documentLoader,
    });
  } catch (error) {
    // A plant stored before its schema refused JSON-LD keywords as member names cannot be signed.
    if (!(error instanceof IdentityError)) throw error;
    throw new ApiError('CONFLICT', `the project's plant cannot be attested as it is: ${error.message}`);
  }
  const stored = await credentials.insertOnce(scope, {
    _id: id,
    key,
    type: 'ProjectRegistration',
    projectId: project._id,
    subjectId: project._id,
    credential,
    issuedAt,
  });
  // Two registrations at once both took version n: the one stored first stands.
  if (JSON.stringify(stored.credential) !== JSON.stringify(credential)) {
    throw new ApiError(
      'CONFLICT',
      `version ${version} of ${project._id} was registered at the same moment; retry`,
    );
  }
  return stored;
}
