import type { Hono } from 'hono';
import { gatewayStore } from '../../store/gateway-store.ts';
import type { ApiContext } from '../api-context.ts';
import { idSchema } from '../api-schemas.ts';
import type { ApiEnv } from '../env.ts';
import { ApiError } from '../errors.ts';
import { gatewaySchema } from '../pki/gateway-schemas.ts';
import { gatewayJson } from '../pki/gateway-view.ts';
import { mountRoute } from '../route.ts';

/** `GET /v1/gateways/{gatewayId}`: the gateway, its devices, status and agent plan (secrets redacted). */
export function registerGatewaysGet(app: Hono<ApiEnv>, ctx: ApiContext): void {
  const gateways = gatewayStore(ctx.db);
  mountRoute(
    app,
    ctx,
    {
      method: 'get',
      path: '/v1/gateways/{gatewayId}',
      operationId: 'getGateway',
      summary: 'Get a gateway',
      tag: 'Gateways',
      auth: 'admin',
      params: { gatewayId: idSchema('gw') },
      responses: { 200: { description: 'The gateway', schema: gatewaySchema } },
    },
    async (c, { params, principal }) => {
      const gateway = await gateways.get(principal.tenant, params.gatewayId!);
      if (!gateway) throw new ApiError('NOT_FOUND', `no gateway ${params.gatewayId}`);
      return c.json(gatewayJson(gateway));
    },
  );
}
