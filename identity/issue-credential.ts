import * as vc from '@digitalbazaar/vc';
import { MRV_CONTEXT, VC_V2_CONTEXT } from './bundled-contexts.ts';
import type { CredentialSigner } from './credential-signer.ts';
import { type CredentialType, isCredentialType, type SubjectSchema } from './credential-types.ts';
import type { DocumentLoader } from './document-loader.ts';
import { IdentityError } from './identity-error.ts';
import { createSigningSuite } from './proof-suites.ts';
import { validateSubject } from './validate-subject.ts';

/** A `credentialStatus` entry pointing into an issuer's Bitstring Status List. */
export interface StatusListEntry {
  id: string;
  type: 'BitstringStatusListEntry';
  statusPurpose: 'revocation';
  statusListIndex: string;
  statusListCredential: string;
}

export interface IssueCredentialOptions {
  type: CredentialType;
  /** The `credentialSubject`; validated against `subjectSchema` before anything is signed. */
  subject: Record<string, unknown>;
  subjectSchema: SubjectSchema;
  /** Issuer DID; `signer.id` must be one of its verification methods. */
  issuer: string;
  signer: CredentialSigner;
  /** Becomes `validFrom` and the proof's `created`. */
  issuedAt: string;
  /** Credential id, e.g. `urn:uuid:…` (ids are arguments, not generated here). */
  id: string;
  validUntil?: string;
  credentialStatus?: StatusListEntry;
  documentLoader: DocumentLoader;
}

export type VerifiableCredential = Record<string, unknown> & {
  '@context': unknown[];
  id: string;
  type: string[];
  issuer: string;
  credentialSubject: Record<string, unknown>;
  proof: Record<string, unknown>;
};

/**
 * Issues a W3C VC 2.0 credential with a Data Integrity `eddsa-rdfc-2022` proof.
 *
 * @example
 * const vc = await issueCredential({ type: 'DeviceRegistration', subject, subjectSchema, issuer: org.did,
 *   signer, issuedAt: '2025-01-01T00:00:00Z', id: 'urn:uuid:…', documentLoader });
 */
export async function issueCredential(options: IssueCredentialOptions): Promise<VerifiableCredential> {
  const { type, subject, issuer, signer, issuedAt, id } = options;
  if (!isCredentialType(type))
    throw new IdentityError('CREDENTIAL_INVALID', `unknown credential type '${type}'`);
  if (!signer.id.startsWith(`${issuer}#`)) {
    throw new IdentityError(
      'CREDENTIAL_INVALID',
      `signer ${signer.id} is not a verification method of ${issuer}`,
    );
  }
  if (Number.isNaN(Date.parse(issuedAt)))
    throw new IdentityError('CREDENTIAL_INVALID', 'issuedAt is not a date');
  validateSubject(subject, options.subjectSchema);
  const credential: Record<string, unknown> = {
    '@context': [VC_V2_CONTEXT, { ...MRV_CONTEXT }],
    id,
    type: ['VerifiableCredential', type],
    issuer,
    validFrom: issuedAt,
    credentialSubject: structuredClone(subject),
  };
  if (options.validUntil) credential.validUntil = options.validUntil;
  if (options.credentialStatus) credential.credentialStatus = { ...options.credentialStatus };
  try {
    return (await vc.issue({
      credential,
      suite: createSigningSuite({ signer, createdAt: issuedAt }),
      documentLoader: options.documentLoader,
      now: issuedAt,
    })) as VerifiableCredential;
  } catch (cause) {
    if (cause instanceof IdentityError) throw cause;
    throw new IdentityError('CREDENTIAL_INVALID', `cannot issue ${type}: ${(cause as Error).message}`, {
      cause,
    });
  }
}
