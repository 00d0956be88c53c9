import type { Hono } from 'hono';
import type { ApiContext } from '../api-context.ts';
import type { ApiEnv } from '../env.ts';
import { ApiError } from '../errors.ts';
import { orgQuerySchema } from '../pki/gateway-schemas.ts';
import { pemOfOrganization } from '../pki/pem-of-organization.ts';
import { mountRoute } from '../route.ts';

/** `GET /v1/pki/crl.pem?org=…`: an organization's current CRL (public, for proxies and gateways). */
export function registerPkiCrl(app: Hono<ApiEnv>, ctx: ApiContext): void {
  mountRoute(
    app,
    ctx,
    {
      method: 'get',
      path: '/v1/pki/crl.pem',
      operationId: 'getPkiCrl',
      summary: "An organization's certificate revocation list (PEM)",
      description:
        'Re-issued on every revocation and whenever half of its validity (7 days, `nextUpdate`) has passed.',
      tag: 'PKI',
      auth: 'public',
      query: orgQuerySchema,
      responses: {
        200: {
          description: 'The CRL',
          contentType: 'application/pkix-crl',
          schema: { type: 'string', examples: ['-----BEGIN X509 CRL-----\nMIH…\n-----END X509 CRL-----\n'] },
        },
      },
    },
    async (c, { query }) => {
      const found = await pemOfOrganization(ctx, String(query.org), 'crl');
      if (!found) throw new ApiError('NOT_FOUND', 'this organization has no CA yet');
      return c.body(found.pem, 200, { 'content-type': 'application/pkix-crl', 'cache-control': 'no-cache' });
    },
  );
}
