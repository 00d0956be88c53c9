import { driver as didKeyDriver } from '@digitalbazaar/did-method-key';
import type { Ed25519KeyPair } from '@digitalbazaar/ed25519-multikey';
import * as Ed25519Multikey from '@digitalbazaar/ed25519-multikey';
import type { DIDDocument, DIDResolutionResult, DIDResolver } from 'did-resolver';
import { ed25519KeyFromDidKey } from '../engine/telemetry/did-key.ts';
import { IdentityError } from './identity-error.ts';

/** Ed25519 public keys as multibase start with this header (multicodec 0xed01, base58btc). */
const ED25519_HEADER = 'z6Mk';

const driver = didKeyDriver();
driver.use({ multibaseMultikeyHeader: ED25519_HEADER, fromMultibase: Ed25519Multikey.from });

export interface DidKey {
  did: string;
  /** The verification method id (`did:key:z…#z…`) that signs credentials. */
  verificationMethod: string;
  keyPair: Ed25519KeyPair;
}

/**
 * Creates a did:key (Ed25519, Multikey verification method). The seed is the key's only randomness;
 * pass 32 random bytes (a device or the key store does), or a fixed seed in tests.
 */
export async function createDidKey(options: { seed: Uint8Array }): Promise<DidKey> {
  if (!(options.seed instanceof Uint8Array) || options.seed.length !== 32) {
    throw new IdentityError('DID_INVALID', 'a did:key seed must be exactly 32 bytes');
  }
  const bare = await Ed25519Multikey.generate({ seed: options.seed });
  const did = `did:key:${bare.publicKeyMultibase}`;
  const verificationMethod = `${did}#${bare.publicKeyMultibase}`;
  const keyPair = await Ed25519Multikey.from({
    ...(await bare.export({ publicKey: true, secretKey: true, includeContext: true })),
    id: verificationMethod,
    controller: did,
  });
  return { did, verificationMethod, keyPair };
}

/** The did:key for a public key a device generated itself (`publicKeyMultibase` = `z6Mk…`). */
export function didKeyFromPublicKeyMultibase(publicKeyMultibase: string): string {
  if (!/^z6Mk[1-9A-HJ-NP-Za-km-z]{40,50}$/.test(publicKeyMultibase)) {
    throw new IdentityError('DID_INVALID', 'not an Ed25519 multibase public key (expected z6Mk…)');
  }
  return `did:key:${publicKeyMultibase}`;
}

/** did:key documents are derived from the identifier itself: resolution is pure, offline computation. */
export async function resolveDidKeyDocument(did: string): Promise<DIDDocument> {
  // The driver ignores the multicodec header, so `z6Mk…` strings with another header would resolve to
  // the same key as the canonical DID: one key, several identifiers. Only the exact Ed25519 form passes.
  if (!/^did:key:z6Mk[1-9A-HJ-NP-Za-km-z]{40,50}$/.test(did) || !ed25519KeyFromDidKey(did)) {
    throw new IdentityError('DID_INVALID', `unsupported did:key '${did.slice(0, 80)}' (only Ed25519)`);
  }
  return (await driver.get({ did })) as unknown as DIDDocument;
}

/** The did:key method for `did-resolver`: `new Resolver({ ...getDidKeyResolver() })`. */
export function getDidKeyResolver(): Record<string, DIDResolver> {
  return {
    key: async (did): Promise<DIDResolutionResult> => {
      try {
        const didDocument = await resolveDidKeyDocument(did);
        return {
          didDocument,
          didDocumentMetadata: {},
          didResolutionMetadata: { contentType: 'application/did+ld+json' },
        };
      } catch (error) {
        return {
          didDocument: null,
          didDocumentMetadata: {},
          didResolutionMetadata: { error: 'invalidDid', message: (error as Error).message },
        };
      }
    },
  };
}
