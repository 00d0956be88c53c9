/**
 * Something that signs for one verification method without revealing its key: the key store hands these
 * out, so credential code never sees private key bytes.
 */
export interface CredentialSigner {
  /** Verification method id, e.g. `did:key:z6Mk…#z6Mk…` or `did:hedera:…#key-1`. */
  readonly id: string;
  readonly algorithm: 'Ed25519';
  sign(input: { data: Uint8Array }): Promise<Uint8Array>;
}
