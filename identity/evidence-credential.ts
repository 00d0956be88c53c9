/** A credential as the trust-chain checks read it (fields may be anything until checked). */
export interface EvidenceCredential {
  id?: unknown;
  type?: unknown;
  issuer?: unknown;
  validFrom?: unknown;
  credentialSubject?: Record<string, unknown>;
  credentialStatus?: unknown;
}
