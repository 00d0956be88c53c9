import { DataIntegrityProof } from '@digitalbazaar/data-integrity';
import { Ed25519Signature2020 } from '@digitalbazaar/ed25519-signature-2020';
import { cryptosuite as eddsaRdfc2022 } from '@digitalbazaar/eddsa-rdfc-2022-cryptosuite';
import type { CredentialSigner } from './credential-signer.ts';

/** The suite we sign with: Data Integrity `eddsa-rdfc-2022`, `created` fixed by the caller's clock. */
export function createSigningSuite(options: { signer: CredentialSigner; createdAt: string | Date }): unknown {
  return new DataIntegrityProof({
    signer: options.signer,
    date: options.createdAt,
    cryptosuite: eddsaRdfc2022,
  });
}

/** Suites we accept: our own, plus Ed25519Signature2020 from older issuers. */
export function createVerificationSuites(): unknown[] {
  return [new DataIntegrityProof({ cryptosuite: eddsaRdfc2022 }), new Ed25519Signature2020()];
}
