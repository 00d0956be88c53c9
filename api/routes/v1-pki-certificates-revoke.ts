import type { Hono } from 'hono';
import { pkiStore } from '../../store/pki-store.ts';
import type { ApiContext } from '../api-context.ts';
import type { ApiEnv } from '../env.ts';
import { ApiError } from '../errors.ts';
import { revokedCountSchema, revokeRequestSchema } from '../pki/gateway-schemas.ts';
import { revokeMatching } from '../pki/revoke-certificates.ts';
import { mountRoute } from '../route.ts';

/** `POST /v1/pki/certificates/{sha256}/revoke`: revokes one certificate at once (CRL re-issued). */
export function registerPkiCertificatesRevoke(app: Hono<ApiEnv>, ctx: ApiContext): void {
  mountRoute<{ reason: string }>(
    app,
    ctx,
    {
      method: 'post',
      path: '/v1/pki/certificates/{sha256}/revoke',
      operationId: 'revokeGatewayCertificate',
      summary: 'Revoke a gateway certificate',
      tag: 'PKI',
      auth: 'admin',
      params: { sha256: { type: 'string', pattern: '^[0-9a-f]{64}$' } },
      body: { kind: 'json', schema: revokeRequestSchema },
      responses: { 200: { description: 'Revoked (0 when it already was)', schema: revokedCountSchema } },
    },
    async (c, { params, body, principal }) => {
      const store = pkiStore(ctx.db);
      const cert = await store.certificateByFingerprint(params.sha256!);
      if (!cert || cert.orgId !== principal.tenant.orgId)
        throw new ApiError('NOT_FOUND', 'no such certificate');
      const revoked = await revokeMatching(ctx, principal.tenant, (c2) => c2._id === cert._id, body.reason);
      const crl = await store.latestCrl(principal.tenant);
      return c.json({ revoked, crl_number: crl?.number ?? null });
    },
  );
}
