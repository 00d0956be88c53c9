import { createHash } from 'node:crypto';
import type { CredentialSigner } from './credential-signer.ts';
import { IdentityError } from './identity-error.ts';
import type { KeyStore } from './key-store.ts';

export interface ActorParty {
  did: string;
  signer: CredentialSigner;
}

/**
 * The DID of one authenticated principal acting in a policy role (a verifier's API key or OAuth
 * client): its own Ed25519 key, distinct from the organization's issuer key, so what a verifier
 * decides is signed by that verifier and checkable against its RoleAccreditation. Created on first
 * use; the key never leaves the key store.
 */
export async function actorParty(
  deps: { keyStore: KeyStore; now: () => Date },
  input: { orgId: string; actorId: string },
): Promise<ActorParty> {
  return await signingParty(deps, { orgId: input.orgId, keyId: actorKeyId(input.actorId) });
}

/** Principal ids are free-form; the key id is a fixed-alphabet digest of it. */
export function actorKeyId(actorId: string): string {
  return `actor.${createHash('sha256').update(actorId).digest('hex').slice(0, 40)}`;
}

/** An Ed25519 signing key of the key store as a DID and its signer, created on first use. */
export async function signingParty(
  deps: { keyStore: KeyStore; now: () => Date },
  ref: { orgId: string; keyId: string },
): Promise<ActorParty> {
  let key = await deps.keyStore.getKey(ref);
  if (!key) {
    try {
      key = await deps.keyStore.createIssuerKey({ ...ref, createdAt: deps.now().toISOString() });
    } catch (error) {
      // Another activity created it first.
      if (!(error instanceof IdentityError && error.code === 'KEY_EXISTS')) throw error;
      key = await deps.keyStore.getKey(ref);
    }
  }
  if (!key) throw new Error(`key ${ref.keyId} of ${ref.orgId} vanished`);
  return { did: key.did, signer: await deps.keyStore.signer(ref) };
}
