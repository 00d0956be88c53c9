import type { Db } from 'mongodb';
import { actorParty, signingParty } from '../../identity/actor-party.ts';
import { createDidResolver } from '../../identity/create-did-resolver.ts';
import type { CredentialSigner } from '../../identity/credential-signer.ts';
import { createDocumentLoader } from '../../identity/document-loader.ts';
import { evidenceSubjectSchemas } from '../../identity/evidence-subject-schemas.ts';
import { issueCredential } from '../../identity/issue-credential.ts';
import type { KeyStore } from '../../identity/key-store.ts';
import { credentialStore } from '../../store/credential-store.ts';
import type { TenantScope } from '../../store/tenant-scope.ts';
import { credentialIdFor } from './org-issuer.ts';

/**
 * The deployment's accreditation authority keeps its key outside every organization's key space
 * (organization ids are `org_…`), so no organization can sign as it; auditors name its DID with
 * `mrv chain verify --authority`.
 */
const AUTHORITY = { orgId: 'platform', keyId: 'accreditation-authority' };

export type AccreditedRole = 'registry' | 'verifier';

export async function platformAuthority(deps: {
  keyStore: KeyStore;
  now: () => Date;
}): Promise<{ did: string; signer: CredentialSigner }> {
  return await signingParty(deps, AUTHORITY);
}

/**
 * The authority accredits one principal of an organization (an API key or OAuth client) in a
 * policy role: a RoleAccreditation credential naming the principal's own DID. This is the
 * deployment operator's act (`mrv accredit`), not the organization's: an organization that gives
 * one of its keys the verifier role does not thereby make that key's signatures count.
 */
export async function accreditActor(
  deps: { db: Db; keyStore: KeyStore; now: () => Date },
  scope: TenantScope,
  input: { actorId: string; role: AccreditedRole },
): Promise<{ did: string; authority: string; credentialId: string }> {
  const actor = await actorParty(deps, { orgId: scope.orgId, actorId: input.actorId });
  const authority = await platformAuthority(deps);
  const credentials = credentialStore(deps.db);
  const key = `accreditation/${input.role}/${actor.did}`;
  const existing = await credentials.byKey(scope, key);
  if (existing) return { did: actor.did, authority: authority.did, credentialId: existing._id };
  const id = credentialIdFor(scope.orgId, key);
  const issuedAt = deps.now();
  const credential = await issueCredential({
    type: 'RoleAccreditation',
    subject: { id: actor.did, role: input.role },
    subjectSchema: evidenceSubjectSchemas.RoleAccreditation,
    issuer: authority.did,
    signer: authority.signer,
    issuedAt: issuedAt.toISOString(),
    id,
    documentLoader: createDocumentLoader({ resolver: createDidResolver() }),
  });
  const stored = await credentials.insertOnce(scope, {
    _id: id,
    key,
    type: 'RoleAccreditation',
    projectId: '',
    subjectId: actor.did,
    credential,
    issuedAt,
  });
  return { did: actor.did, authority: authority.did, credentialId: stored._id };
}
