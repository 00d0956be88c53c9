import type { Db } from 'mongodb';
import { createDidResolver } from '../../identity/create-did-resolver.ts';
import type { CredentialSigner } from '../../identity/credential-signer.ts';
import { createDocumentLoader, type DocumentLoader } from '../../identity/document-loader.ts';
import { IdentityError } from '../../identity/identity-error.ts';
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

/** Deterministic credential ids: a retried activity re-creates the same id for the same step. */
export { credentialIdFor } from '../../identity/credential-id.ts';

export const statusListIdOf = (orgId: string) => `urn:mrv:status-list:${orgId}`;

/**
 * The organization's credential issuer: an Ed25519 did:key held in the KeyStore (created on first
 * use; its private key never leaves the store) and its revocation status list.
 */
export async function orgIssuer(
  deps: { db: Db; keyStore: KeyStore; now: () => Date },
  scope: TenantScope,
): Promise<OrgIssuer> {
  const orgId = scope.orgId;
  let key = await deps.keyStore.getKey({ orgId, keyId: 'issuer' });
  if (!key) {
    try {
      key = await deps.keyStore.createIssuerKey({
        orgId,
        keyId: 'issuer',
        createdAt: deps.now().toISOString(),
      });
    } catch (error) {
      if (!(error instanceof IdentityError && error.code === 'KEY_EXISTS')) throw error;
      key = await deps.keyStore.getKey({ orgId, keyId: 'issuer' });
    }
  }
  if (!key) throw new Error(`issuer key of ${orgId} vanished`);
  const signer = await deps.keyStore.signer({ orgId, keyId: 'issuer' });
  const statusListId = statusListIdOf(orgId);
  const credentials = credentialStore(deps.db);
  let list = await credentials.getStatusList(scope, statusListId);
  const plainLoader = createDocumentLoader({ resolver: createDidResolver() });
  if (!list?.credential) {
    const state = list?.state ?? createStatusList({ id: statusListId, issuer: key.did });
    const credential = await issueStatusListCredential({
      list: state,
      signer,
      issuedAt: deps.now().toISOString(),
      documentLoader: plainLoader,
    });
    await credentials.createStatusList(scope, { _id: statusListId, state, credential });
    if (list) await credentials.updateStatusList(scope, statusListId, list.version, { state, credential });
    list = await credentials.getStatusList(scope, statusListId);
  }
  const documents = new Map<string, unknown>([[statusListId, list!.credential]]);
  return {
    did: key.did,
    signer,
    statusListId,
    documentLoader: createDocumentLoader({ resolver: createDidResolver(), documents }),
  };
}

/** Applies `change` to the status list with compare-and-set retries, and re-signs the list credential. */
export async function updateStatusList(
  deps: { db: Db; keyStore: KeyStore; now: () => Date },
  scope: TenantScope,
  change: (state: StatusListState) => StatusListState,
): Promise<{ state: StatusListState; credential: VerifiableCredential }> {
  const credentials = credentialStore(deps.db);
  const issuer = await orgIssuer(deps, scope);
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
  throw new Error(`status list of ${scope.orgId} is contended; retrying the activity`);
}
