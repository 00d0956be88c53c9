import type { Hono } from 'hono';
import { gatewayStore } from '../../store/gateway-store.ts';
import type { ApiContext } from '../api-context.ts';
import { idSchema } from '../api-schemas.ts';
import type { ApiEnv } from '../env.ts';
import { ApiError } from '../errors.ts';
import { newEnrollment } from '../pki/enrollment-token.ts';
import { gatewayEnrollmentSchema } from '../pki/gateway-schemas.ts';
import { mountRoute } from '../route.ts';

/** `POST /v1/gateways/{gatewayId}/enrollment`: a fresh one-time enrollment token (pairing again). */
export function registerGatewaysEnrollment(app: Hono<ApiEnv>, ctx: ApiContext): void {
  const gateways = gatewayStore(ctx.db);
  mountRoute(
    app,
    ctx,
    {
      method: 'post',
      path: '/v1/gateways/{gatewayId}/enrollment',
      operationId: 'createGatewayEnrollment',
      summary: 'A fresh one-time enrollment token and pairing payload for a gateway',
      tag: 'Gateways',
      auth: 'admin',
      params: { gatewayId: idSchema('gw') },
      responses: {
        201: {
          description: 'The enrollment token (once) and pairing payload',
          schema: gatewayEnrollmentSchema,
        },
      },
      secretResponse: true,
    },
    async (c, { params, principal }) => {
      const gateway = await gateways.get(principal.tenant, params.gatewayId!);
      if (!gateway) throw new ApiError('NOT_FOUND', `no gateway ${params.gatewayId}`);
      if (gateway.status !== 'active')
        throw new ApiError('INVALID_STATE', `the gateway is ${gateway.status}`);
      c.header('cache-control', 'no-store');
      return c.json(await newEnrollment(ctx, principal.tenant, gateway), 201);
    },
  );
}
