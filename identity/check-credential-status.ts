import type { DocumentLoader } from '@digitalbazaar/vc';
import { checkStatus } from '@digitalbazaar/vc-bitstring-status-list';
import { createVerificationSuites } from './proof-suites.ts';

type RevokedAt = (listId: string, index: number) => Promise<{ ms: number; timestamp: string } | undefined>;

/**
 * The status check handed to `@digitalbazaar/vc`: loads the issuer's status list credential through the
 * offline loader, verifies its proof and issuer, and fails the credential when its revocation bit is set.
 * With `revokedAt` (the ledger's dating of each revocation, check-status-lists.ts), a revoked result
 * says since when.
 */
export function createStatusChecker(options: { documentLoader: DocumentLoader; revokedAt?: RevokedAt }) {
  return async ({ credential }: { credential: Record<string, unknown> }) => {
    const result = (await checkStatus({
      credential,
      documentLoader: options.documentLoader,
      suite: createVerificationSuites(),
    })) as { verified: boolean; error?: Error; results?: Array<{ status: boolean }> };
    if (!result.verified) return result;
    if ((result.results ?? []).some((r) => r.status)) {
      const entry = credential.credentialStatus as
        | { statusListCredential?: unknown; statusListIndex?: unknown }
        | undefined;
      const at = await options.revokedAt?.(
        String(entry?.statusListCredential),
        Number(entry?.statusListIndex),
      );
      return {
        verified: false,
        revoked: true,
        ...(at ? { revokedAt: at } : {}),
        error: new Error('credential has been revoked'),
      };
    }
    return result;
  };
}
