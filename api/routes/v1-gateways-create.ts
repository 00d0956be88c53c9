import type { Hono } from 'hono';
import { deviceStore } from '../../store/device-store.ts';
import { type GatewayAgent, gatewayStore } from '../../store/gateway-store.ts';
import { newId } from '../../store/ids.ts';
import type { ApiContext } from '../api-context.ts';
import type { ApiEnv } from '../env.ts';
import { ApiError } from '../errors.ts';
import { checkGatewayAgent } from '../pki/check-gateway-agent.ts';
import { newEnrollment } from '../pki/enrollment-token.ts';
import { gatewayCreateSchema, gatewayEnrollmentSchema } from '../pki/gateway-schemas.ts';
import { mountRoute } from '../route.ts';

/** `POST /v1/gateways`: a gateway for some of the organization's devices, with its first enrollment token. */
export function registerGatewaysCreate(app: Hono<ApiEnv>, ctx: ApiContext): void {
  const gateways = gatewayStore(ctx.db);
  const devices = deviceStore(ctx.db);
  mountRoute<{ name: string; device_ids: string[]; agent?: GatewayAgent }>(
    app,
    ctx,
    {
      method: 'post',
      path: '/v1/gateways',
      operationId: 'createGateway',
      summary: 'Create an edge gateway and its one-time enrollment token (pairing payload and QR code)',
      tag: 'Gateways',
      auth: 'admin',
      body: { kind: 'json', schema: gatewayCreateSchema },
      responses: {
        201: {
          description: 'The gateway, its enrollment token (once) and pairing payload',
          schema: gatewayEnrollmentSchema,
        },
      },
      secretResponse: true,
    },
    async (c, { body, principal }) => {
      for (const [i, id] of body.device_ids.entries()) {
        if (!(await devices.get(principal.tenant, id))) {
          // 404 like any body naming a missing resource: what exists, not the request's shape.
          throw new ApiError('NOT_FOUND', `no device ${id} in this organization`, {
            errors: [
              { in: 'body', pointer: `/device_ids/${i}`, message: 'not a device of this organization' },
            ],
          });
        }
      }
      if (body.agent) await checkGatewayAgent(ctx, principal.tenant, body.device_ids, body.agent);
      const now = ctx.clock();
      const gateway = await gateways.insert(principal.tenant, {
        _id: newId('gw'),
        name: body.name,
        deviceIds: body.device_ids,
        ...(body.agent ? { agent: body.agent } : {}),
        status: 'active',
        createdAt: now,
        statusChangedAt: now,
      });
      c.header('cache-control', 'no-store');
      return c.json(await newEnrollment(ctx, principal.tenant, gateway), 201);
    },
  );
}
