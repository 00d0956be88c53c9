import type { Hono } from 'hono';
import { pkiStore } from '../../store/pki-store.ts';
import type { ApiContext } from '../api-context.ts';
import { idSchema } from '../api-schemas.ts';
import type { ApiEnv } from '../env.ts';
import { certificateListSchema } from '../pki/gateway-schemas.ts';
import { certificateJson } from '../pki/gateway-view.ts';
import { mountRoute } from '../route.ts';

/** `GET /v1/pki/certificates`: the organization's gateway certificates, newest first (optionally one gateway's). */
export function registerPkiCertificatesList(app: Hono<ApiEnv>, ctx: ApiContext): void {
  mountRoute(
    app,
    ctx,
    {
      method: 'get',
      path: '/v1/pki/certificates',
      operationId: 'listGatewayCertificates',
      summary: "List the organization's gateway certificates",
      tag: 'PKI',
      auth: 'admin',
      query: { type: 'object', properties: { gateway_id: idSchema('gw') }, additionalProperties: false },
      responses: { 200: { description: 'The certificates, newest first', schema: certificateListSchema } },
    },
    async (c, { query, principal }) => {
      const filter = typeof query.gateway_id === 'string' ? { gatewayId: query.gateway_id } : {};
      const certs = await pkiStore(ctx.db).certificates(principal.tenant, filter);
      return c.json({ certificates: certs.map(certificateJson) });
    },
  );
}
