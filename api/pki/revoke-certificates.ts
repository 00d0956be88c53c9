import { revokeCertificates } from '../../pki/issuing-ca.ts';
import { pkiStore } from '../../store/pki-store.ts';
import type { TenantScope } from '../../store/tenant-scope.ts';
import type { ApiContext } from '../api-context.ts';
import { ApiError } from '../errors.ts';

/**
 * Revokes the organization's unrevoked certificates that `match` selects, re-issues its CRL, and
 * refreshes this instance's PKI cache at once (other instances see it within their refresh period).
 */
export async function revokeMatching(
  ctx: ApiContext,
  tenant: TenantScope,
  match: (cert: { gatewayId: string; deviceDids: string[]; _id: string }) => boolean,
  reason: string,
): Promise<number> {
  if (!ctx.pki.ca)
    throw new ApiError('PKI_UNAVAILABLE', 'this API instance has no key store (MRV_MASTER_KEY)');
  const certs = await pkiStore(ctx.db).certificates(tenant);
  const targets = certs.filter((c) => !c.revokedAt && match(c)).map((c) => c._id);
  if (targets.length === 0) return 0;
  const revoked = await revokeCertificates(ctx.pki.ca, tenant, targets, reason);
  await ctx.pki.cache.refreshNow();
  return revoked;
}
