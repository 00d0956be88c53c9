import { CRL_VALIDITY_MS, issueCrl } from '../../pki/issuing-ca.ts';
import { pkiStore } from '../../store/pki-store.ts';
import type { ApiContext } from '../api-context.ts';

/**
 * The public CA certificate or current CRL of an organization named in a query string. Both are
 * public documents, so the lookup needs no credential; the organization id comes from the caller and
 * is turned into a scope only by the authenticator. A CRL past half of its validity is re-issued here.
 */
export async function pemOfOrganization(
  ctx: ApiContext,
  orgId: string,
  which: 'ca' | 'crl',
): Promise<{ pem: string } | null> {
  const tenant = ctx.auth.operatorScope(orgId);
  const store = pkiStore(ctx.db);
  const ca = await store.ca(tenant);
  if (!ca) return null;
  if (which === 'ca') return { pem: ca.certPem };
  let crl = await store.latestCrl(tenant);
  const now = ctx.clock().getTime();
  if (ctx.pki.ca && (!crl || crl.nextUpdate.getTime() - now < CRL_VALIDITY_MS / 2)) {
    crl = await issueCrl(ctx.pki.ca, tenant);
  }
  return crl ? { pem: crl.pem } : null;
}
