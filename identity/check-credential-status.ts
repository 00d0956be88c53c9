import type { DocumentLoader } from '@digitalbazaar/vc';
import { checkStatus } from '@digitalbazaar/vc-bitstring-status-list';
import { createVerificationSuites } from './proof-suites.ts';

/**
 * The status check handed to `@digitalbazaar/vc`: loads the issuer's status list credential through the
 * offline loader, verifies its proof and issuer, and fails the credential when its revocation bit is set.
 */
export function createStatusChecker(options: { documentLoader: DocumentLoader }) {
  return async ({ credential }: { credential: Record<string, unknown> }) => {
    const result = (await checkStatus({
      credential,
      documentLoader: options.documentLoader,
      suite: createVerificationSuites(),
    })) as { verified: boolean; error?: Error; results?: Array<{ status: boolean }> };
    if (!result.verified) return result;
    if ((result.results ?? []).some((r) => r.status)) {
      return { verified: false, revoked: true, error: new Error('credential has been revoked') };
    }
    return result;
  };
}
