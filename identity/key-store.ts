import type { webcrypto } from 'node:crypto';
import type { CredentialSigner } from './credential-signer.ts';
import type { SealedSecret } from './envelope.ts';

/** Public facts about a custodied key. Never contains secret material, so it is safe to log or return. */
export interface KeyInfo {
  orgId: string;
  keyId: string;
  kind: 'issuer' | 'device' | 'ca';
  /** Ed25519 keys: the multikey; `ca` keys: `u` + base64url of the SPKI DER (multibase base64url). */
  publicKeyMultibase: string;
  /** The key's did:key and its verification method (empty for `ca` keys, which back no DID). */
  did: string;
  verificationMethod: string;
  state: 'active' | 'awaiting-claim' | 'claimed';
  createdAt: string;
}

/** What a KeyRecordRepository persists: the public facts plus the sealed secret (absent once claimed). */
export interface KeyRecord extends KeyInfo {
  sealed?: SealedSecret;
}

/**
 * Where sealed key records live (a directory, MongoDB, …). Every call is scoped by organization.
 * Implementations never see plaintext keys.
 */
export interface KeyRecordRepository {
  /** Inserts a new record; throws IdentityError KEY_EXISTS when (orgId, keyId) is taken. */
  insert(record: KeyRecord): Promise<void>;
  find(orgId: string, keyId: string): Promise<KeyRecord | undefined>;
  /**
   * Atomically moves an `awaiting-claim` record to `claimed`, dropping its sealed secret, and returns the
   * record as it was before. Returns undefined when there is nothing to claim (unknown or already claimed).
   */
  claim(orgId: string, keyId: string): Promise<KeyRecord | undefined>;
}

/**
 * Key custody. Issuer keys sign inside the store (callers get a signer, never the key); provisioned
 * device keys are handed out exactly once, then forgotten.
 */
export interface KeyStore {
  createIssuerKey(input: { orgId: string; keyId: string; createdAt: string }): Promise<KeyInfo>;
  provisionDeviceKey(input: { orgId: string; keyId: string; createdAt: string }): Promise<KeyInfo>;
  /** Returns the device's secret key once; a second claim throws KEY_ALREADY_CLAIMED. */
  claimDeviceKey(input: { orgId: string; keyId: string }): Promise<KeyInfo & { secretKeyMultibase: string }>;
  getKey(input: { orgId: string; keyId: string }): Promise<KeyInfo | undefined>;
  /** An ECDSA P-256 key for an organization's X.509 issuing CA (api/pki), sealed like every key. */
  createCaKey(input: { orgId: string; keyId: string; createdAt: string }): Promise<KeyInfo>;
  /**
   * Runs `use` with the CA key as a non-extractable WebCrypto key (what @peculiar/x509 signs with);
   * the unsealed PKCS#8 exists only inside this call.
   */
  withCaKey<T>(
    input: { orgId: string; keyId: string },
    use: (key: webcrypto.CryptoKey) => Promise<T>,
  ): Promise<T>;
  /**
   * A signer for an issuer key. `verificationMethod` overrides the did:key method id when the same key
   * backs another DID (e.g. `did:hedera:…#did-root-key`).
   */
  signer(input: { orgId: string; keyId: string; verificationMethod?: string }): Promise<CredentialSigner>;
}
