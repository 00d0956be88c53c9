import * as vc from '@digitalbazaar/vc';
import { createStatusChecker } from './check-credential-status.ts';
import { type CredentialType, credentialTypeOf, type SubjectSchemas } from './credential-types.ts';
import type { DocumentLoader } from './document-loader.ts';
import { createVerificationSuites } from './proof-suites.ts';
import { validateSubject } from './validate-subject.ts';
import { verificationErrors } from './verification-errors.ts';

export interface VerifyCredentialOptions {
  credential: unknown;
  documentLoader: DocumentLoader;
  /** The verifier's clock: `validFrom` / `validUntil` are judged against it. */
  now: string | Date;
  /** When given, the subject must match the schema for its credential type. */
  subjectSchemas?: SubjectSchemas;
  /** Default true. False checks only proof, validity and schema (the trust chain reports status apart). */
  checkStatus?: boolean;
}

export interface CredentialVerification {
  verified: boolean;
  type?: CredentialType;
  /** True when the proof is fine but the issuer has revoked the credential. */
  revoked: boolean;
  errors: string[];
}

/** Verifies a credential's proof, issuer, validity period, revocation status and (optionally) schema. */
export async function verifyCredential(options: VerifyCredentialOptions): Promise<CredentialVerification> {
  const { credential, documentLoader, now } = options;
  if (!credential || typeof credential !== 'object' || Array.isArray(credential)) {
    return { verified: false, revoked: false, errors: ['credential is not a JSON object'] };
  }
  const doc = credential as Record<string, unknown>;
  const type = credentialTypeOf(doc);
  const errors: string[] = [];
  if (options.subjectSchemas) {
    const schema = type ? options.subjectSchemas[type] : undefined;
    if (!schema) errors.push(`no subject schema for credential type ${String(type ?? doc.type)}`);
    else {
      try {
        validateSubject(doc.credentialSubject, schema);
      } catch (error) {
        errors.push((error as Error).message);
      }
    }
  }
  let revoked = false;
  try {
    const result = await vc.verifyCredential({
      credential: doc,
      suite: createVerificationSuites(),
      documentLoader,
      checkStatus: options.checkStatus === false ? skipStatus : createStatusChecker({ documentLoader }),
      now,
    });
    revoked = Boolean((result.statusResult as { revoked?: boolean } | undefined)?.revoked);
    if (!result.verified) {
      const found = verificationErrors(result);
      errors.push(...(found.length > 0 ? found : ['proof did not verify']));
    }
  } catch (error) {
    errors.push((error as Error).message);
  }
  return { verified: errors.length === 0, ...(type ? { type } : {}), revoked, errors };
}

async function skipStatus(): Promise<{ verified: true }> {
  return { verified: true };
}
