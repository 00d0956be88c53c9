import * as vc from '@digitalbazaar/vc';
import { MRV_CONTEXT } from './bundled-contexts.ts';
import type { CredentialSigner } from './credential-signer.ts';
import type { SubjectSchemas } from './credential-types.ts';
import type { DocumentLoader } from './document-loader.ts';
import { IdentityError } from './identity-error.ts';
import type { VerifiableCredential } from './issue-credential.ts';
import { createSigningSuite } from './proof-suites.ts';

export interface IssuePresentationOptions {
  credentials: VerifiableCredential[];
  /** Holder DID; `signer.id` must be one of its verification methods. */
  holder: string;
  signer: CredentialSigner;
  id: string;
  createdAt: string;
  /** Binds the presentation to one purpose, e.g. `mint:<token>:<period>`; the verifier must expect it. */
  challenge: string;
  domain?: string;
  /** Extra statements the holder signs with the presentation (the trust chain's policy and schemas). */
  evidence?: { policyHash: string; credentialSchemas: SubjectSchemas };
  documentLoader: DocumentLoader;
}

export type VerifiablePresentation = Record<string, unknown> & {
  verifiableCredential: VerifiableCredential[];
  holder: string;
  proof: Record<string, unknown>;
};

/** Bundles credentials into a VP signed (authentication purpose) by the holder, e.g. evidence for a mint. */
export async function issuePresentation(options: IssuePresentationOptions): Promise<VerifiablePresentation> {
  const { holder, signer } = options;
  if (!signer.id.startsWith(`${holder}#`)) {
    throw new IdentityError(
      'CREDENTIAL_INVALID',
      `signer ${signer.id} is not a verification method of ${holder}`,
    );
  }
  const presentation = vc.createPresentation({
    verifiableCredential: structuredClone(options.credentials),
    id: options.id,
    holder,
    version: 2.0,
  });
  if (options.evidence) {
    (presentation['@context'] as unknown[]).push({
      ...MRV_CONTEXT,
      credentialSchemas: { '@id': 'urn:hydro-mrv:vocab#credentialSchemas', '@type': '@json' },
    });
    presentation.policyHash = options.evidence.policyHash;
    presentation.credentialSchemas = structuredClone(options.evidence.credentialSchemas);
  }
  try {
    return (await vc.signPresentation({
      presentation,
      suite: createSigningSuite({ signer, createdAt: options.createdAt }),
      challenge: options.challenge,
      ...(options.domain ? { domain: options.domain } : {}),
      documentLoader: options.documentLoader,
    })) as VerifiablePresentation;
  } catch (cause) {
    throw new IdentityError('CREDENTIAL_INVALID', `cannot sign presentation: ${(cause as Error).message}`, {
      cause,
    });
  }
}
