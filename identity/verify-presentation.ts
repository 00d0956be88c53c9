import * as vc from '@digitalbazaar/vc';
import { createStatusChecker } from './check-credential-status.ts';
import type { SubjectSchemas } from './credential-types.ts';
import type { DocumentLoader } from './document-loader.ts';
import { createVerificationSuites } from './proof-suites.ts';
import { verificationErrors } from './verification-errors.ts';
import { type CredentialVerification, verifyCredential } from './verify-credential.ts';

export interface VerifyPresentationOptions {
  presentation: unknown;
  challenge: string;
  domain?: string;
  documentLoader: DocumentLoader;
  now: string | Date;
  subjectSchemas?: SubjectSchemas;
  /** Default true; false leaves credential status to the caller (see verifyCredential). */
  checkStatus?: boolean;
}

export interface PresentationVerification {
  verified: boolean;
  errors: string[];
  /** Errors about the holder's own proof (challenge, domain, signature), apart from the credentials'. */
  proofErrors: string[];
  credentials: CredentialVerification[];
}

/** Verifies the holder's proof (challenge and domain included) and every credential inside. */
export async function verifyPresentation(
  options: VerifyPresentationOptions,
): Promise<PresentationVerification> {
  const { presentation, documentLoader, now } = options;
  if (!presentation || typeof presentation !== 'object' || Array.isArray(presentation)) {
    const errors = ['presentation is not a JSON object'];
    return { verified: false, errors, proofErrors: errors, credentials: [] };
  }
  const doc = presentation as Record<string, unknown>;
  const errors: string[] = [];
  try {
    const result = await vc.verify({
      presentation: doc,
      suite: createVerificationSuites(),
      challenge: options.challenge,
      ...(options.domain ? { domain: options.domain } : {}),
      documentLoader,
      checkStatus: options.checkStatus === false ? skipStatus : createStatusChecker({ documentLoader }),
      now,
    });
    if (!result.presentationResult?.verified) {
      const found = verificationErrors(result.presentationResult ?? result);
      errors.push(...(found.length > 0 ? found : ['presentation proof did not verify']));
    }
  } catch (error) {
    errors.push((error as Error).message);
  }
  const proofErrors = [...errors];
  const embedded = doc.verifiableCredential;
  const list = Array.isArray(embedded) ? embedded : embedded === undefined ? [] : [embedded];
  const credentials: CredentialVerification[] = [];
  for (const credential of list) {
    credentials.push(
      await verifyCredential({
        credential,
        documentLoader,
        now,
        ...(options.subjectSchemas ? { subjectSchemas: options.subjectSchemas } : {}),
        ...(options.checkStatus === false ? { checkStatus: false } : {}),
      }),
    );
  }
  credentials.forEach((c, i) => {
    for (const e of c.errors) errors.push(`credential ${i}: ${e}`);
  });
  return { verified: errors.length === 0, errors, proofErrors, credentials };
}

async function skipStatus(): Promise<{ verified: true }> {
  return { verified: true };
}
