import type { Db } from 'mongodb';
import { actorKeyId, signingParty } from '../../identity/actor-party.ts';
import { createDidResolver } from '../../identity/create-did-resolver.ts';
import type { CredentialSigner } from '../../identity/credential-signer.ts';
import { createDocumentLoader, type DocumentLoader } from '../../identity/document-loader.ts';
import type { VerifiableCredential } from '../../identity/issue-credential.ts';
import type { KeyStore } from '../../identity/key-store.ts';
import {
  createStatusList,
  issueStatusListCredential,
  type StatusListState,
} from '../../identity/status-list.ts';
import { credentialStore } from '../../store/credential-store.ts';
import type { TenantScope } from '../../store/tenant-scope.ts';

export interface OrgIssuer {
  did: string;
  signer: CredentialSigner;
  statusListId: string;
  documentLoader: DocumentLoader;
}

type Deps = { db: Db; keyStore: KeyStore; now: () => Date };

/** Deterministic credential ids: a retried activity re-creates the same id for the same step. */
export { credentialIdFor } from '../../identity/credential-id.ts';

/** The organization's issuer key; every other signing key of the org is a principal's (actor-party.ts). */
const ORG_KEY = 'issuer';

/**
 * Each signing key has its own revocation list, because a status list must be signed by the issuer
 * of the credentials it covers: the organization's list, or `…:<key id>` for a principal's key (the
 * registry principal who registers devices). Key ids never contain ':'.
 */
export const statusListIdOf = (orgId: string, keyId: string = ORG_KEY) =>
  keyId === ORG_KEY ? `urn:mrv:status-list:${orgId}` : `urn:mrv:status-list:${orgId}:${keyId}`;

/** The signing key whose list `listId` is, or undefined when the list is not one of this org's. */
export function keyIdOfStatusList(orgId: string, listId: string): string | undefined {
  const org = statusListIdOf(orgId);
  if (listId === org) return ORG_KEY;
  const keyId = listId.startsWith(`${org}:`) ? listId.slice(org.length + 1) : '';
  return /^[A-Za-z0-9._-]+$/.test(keyId) ? keyId : undefined;
}

/**
 * The organization's credential issuer: an Ed25519 did:key held in the KeyStore (created on first
 * use; its private key never leaves the store) and its revocation status list.
 */
export async function orgIssuer(deps: Deps, scope: TenantScope): Promise<OrgIssuer> {
  return await keyIssuer(deps, scope, ORG_KEY);
}

/** A principal acting in a policy role (e.g. the registry) as a credential issuer, with its own list. */
export async function actorIssuer(deps: Deps, scope: TenantScope, actorId: string): Promise<OrgIssuer> {
  return await keyIssuer(deps, scope, actorKeyId(actorId));
}

/** One signing key of the organization as an issuer: its DID, signer and status list (created once). */
async function keyIssuer(deps: Deps, scope: TenantScope, keyId: string): Promise<OrgIssuer> {
  const party = await signingParty(deps, { orgId: scope.orgId, keyId });
  const statusListId = statusListIdOf(scope.orgId, keyId);
  const credentials = credentialStore(deps.db);
  let list = await credentials.getStatusList(scope, statusListId);
  const plainLoader = createDocumentLoader({ resolver: createDidResolver() });
  if (!list?.credential) {
    const state = list?.state ?? createStatusList({ id: statusListId, issuer: party.did });
    const credential = await issueStatusListCredential({
      list: state,
      signer: party.signer,
      issuedAt: deps.now().toISOString(),
      documentLoader: plainLoader,
    });
    await credentials.createStatusList(scope, { _id: statusListId, state, credential });
    if (list) await credentials.updateStatusList(scope, statusListId, list.version, { state, credential });
    list = await credentials.getStatusList(scope, statusListId);
  }
  const documents = new Map<string, unknown>([[statusListId, list!.credential]]);
  return {
    did: party.did,
    signer: party.signer,
    statusListId,
    documentLoader: createDocumentLoader({ resolver: createDidResolver(), documents }),
  };
}

/**
 * Applies `change` to a status list with compare-and-set retries, and re-signs the list credential
 * with the key that owns it (the organization's by default).
 */
export async function updateStatusList(
  deps: Deps,
  scope: TenantScope,
  change: (state: StatusListState) => StatusListState,
  listId: string = statusListIdOf(scope.orgId),
): Promise<{ state: StatusListState; credential: VerifiableCredential }> {
  const keyId = keyIdOfStatusList(scope.orgId, listId);
  if (!keyId) throw new Error(`status list ${listId} is not one of ${scope.orgId}'s`);
  const credentials = credentialStore(deps.db);
  const issuer = await keyIssuer(deps, scope, keyId);
  for (let attempt = 0; attempt < 20; attempt += 1) {
    const record = (await credentials.getStatusList(scope, issuer.statusListId))!;
    const state = change(record.state);
    const credential = await issueStatusListCredential({
      list: state,
      signer: issuer.signer,
      issuedAt: deps.now().toISOString(),
      documentLoader: issuer.documentLoader,
    });
    if (
      await credentials.updateStatusList(scope, issuer.statusListId, record.version, { state, credential })
    ) {
      return { state, credential };
    }
  }
  throw new Error(`status list ${listId} is contended; retrying the activity`);
}
