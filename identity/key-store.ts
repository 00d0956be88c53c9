import type { CredentialSigner } from './credential-signer.ts';
import type { SealedSecret } from './envelope.ts';

/** Public facts about a custodied key. Never contains secret material, so it is safe to log or return. */
export interface KeyInfo {
  orgId: string;
  keyId: string;
  kind: 'issuer' | 'device';
  publicKeyMultibase: string;
  /** The key's did:key and its verification method. */
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
  /**
   * A signer for an issuer key. `verificationMethod` overrides the did:key method id when the same key
   * backs another DID (e.g. `did:hedera:…#did-root-key`).
   */
  signer(input: { orgId: string; keyId: string; verificationMethod?: string }): Promise<CredentialSigner>;
}
