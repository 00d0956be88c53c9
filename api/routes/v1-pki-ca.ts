import type { Hono } from 'hono';
import type { ApiContext } from '../api-context.ts';
import type { ApiEnv } from '../env.ts';
import { ApiError } from '../errors.ts';
import { orgQuerySchema } from '../pki/gateway-schemas.ts';
import { pemOfOrganization } from '../pki/pem-of-organization.ts';
import { mountRoute } from '../route.ts';

/** `GET /v1/pki/ca.pem?org=…`: an organization's issuing CA certificate (public, like every CA certificate). */
export function registerPkiCa(app: Hono<ApiEnv>, ctx: ApiContext): void {
  mountRoute(
    app,
    ctx,
    {
      method: 'get',
      path: '/v1/pki/ca.pem',
      operationId: 'getPkiCaCertificate',
      summary: "An organization's issuing CA certificate (PEM)",
      description:
        'Gateways and TLS-terminating proxies trust this CA for the organization (docs/api/mtls.md).',
      tag: 'PKI',
      auth: 'public',
      query: orgQuerySchema,
      responses: {
        200: {
          description: 'The CA certificate',
          contentType: 'application/x-pem-file',
          schema: {
            type: 'string',
            examples: ['-----BEGIN CERTIFICATE-----\nMIIB…\n-----END CERTIFICATE-----\n'],
          },
        },
      },
    },
    async (c, { query }) => {
      const found = await pemOfOrganization(ctx, String(query.org), 'ca');
      if (!found) throw new ApiError('NOT_FOUND', 'this organization has no CA yet');
      return c.body(found.pem, 200, {
        'content-type': 'application/x-pem-file',
        'cache-control': 'max-age=300',
      });
    },
  );
}
