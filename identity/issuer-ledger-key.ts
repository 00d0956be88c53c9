import { ed25519KeyFromDidKey } from '../engine/telemetry/did-key.ts';
import { IdentityError } from './identity-error.ts';
import type { KeyStore } from './key-store.ts';

/** The key-store id of an organization's issuer key (its did:key signs credentials). */
export const ISSUER_KEY_ID = 'issuer';

/** Hex of the raw Ed25519 public key behind an issuer did:key: what the ledger sets as control key. */
export function ledgerKeyOfDid(did: string): string {
  const raw = ed25519KeyFromDidKey(did);
  if (!raw) throw new IdentityError('DID_INVALID', `no Ed25519 key can be read from ${did}`);
  return Buffer.from(raw).toString('hex');
}

/**
 * Signs Hedera transaction bytes with an organization's issuer key, inside the key store. The same
 * key is the issuer DID's, so the topics and tokens it controls are checkably the issuer's
 * (identity/check-ledger-control.ts); a request naming any other key is refused.
 */
export function createIssuerCosigner(keyStore: KeyStore) {
  return async (input: { orgId: string; publicKeyHex: string; bytes: Uint8Array }): Promise<Uint8Array> => {
    const key = await keyStore.getKey({ orgId: input.orgId, keyId: ISSUER_KEY_ID });
    if (!key || ledgerKeyOfDid(key.did) !== input.publicKeyHex.toLowerCase()) {
      throw new IdentityError('KEY_NOT_FOUND', `${input.orgId} holds no issuer key ${input.publicKeyHex}`);
    }
    const signer = await keyStore.signer({ orgId: input.orgId, keyId: ISSUER_KEY_ID });
    return await signer.sign({ data: input.bytes });
  };
}
