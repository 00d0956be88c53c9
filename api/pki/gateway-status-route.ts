import type { Hono } from 'hono';
import { type GatewayStatus, gatewayStore } from '../../store/gateway-store.ts';
import type { ApiContext } from '../api-context.ts';
import { idSchema } from '../api-schemas.ts';
import type { ApiEnv } from '../env.ts';
import { ApiError } from '../errors.ts';
import { mountRoute } from '../route.ts';
import { gatewayStatusRequestSchema, gatewayStatusResultSchema } from './gateway-schemas.ts';
import { gatewayJson } from './gateway-view.ts';
import { revokeMatching } from './revoke-certificates.ts';

/**
 * Shared body of `suspend` and `decommission`: the gateway stops being active and every certificate
 * it holds is revoked at once (CRL re-issued), so it is locked out at its next handshake. Neither
 * gets a new enrollment or certificate (409): there is no reactivation route yet (issue 15 asks for
 * none); a suspended plant gateway is re-created as a new gateway.
 */
export function mountGatewayStatusRoute(
  app: Hono<ApiEnv>,
  ctx: ApiContext,
  options: { command: 'suspend' | 'decommission'; status: Exclude<GatewayStatus, 'active'>; summary: string },
): void {
  const gateways = gatewayStore(ctx.db);
  mountRoute<{ reason: string }>(
    app,
    ctx,
    {
      method: 'post',
      path: `/v1/gateways/{gatewayId}/${options.command}`,
      operationId: `${options.command}Gateway`,
      summary: options.summary,
      tag: 'Gateways',
      auth: 'admin',
      params: { gatewayId: idSchema('gw') },
      body: { kind: 'json', schema: gatewayStatusRequestSchema },
      responses: {
        200: {
          description: 'The gateway and how many certificates were revoked',
          schema: gatewayStatusResultSchema,
        },
      },
    },
    async (c, { params, body, principal }) => {
      const gateway = await gateways.get(principal.tenant, params.gatewayId!);
      if (!gateway) throw new ApiError('NOT_FOUND', `no gateway ${params.gatewayId}`);
      if (gateway.status === 'decommissioned')
        throw new ApiError('INVALID_STATE', 'the gateway is decommissioned');
      const at = ctx.clock();
      await gateways.setStatus(principal.tenant, gateway._id, options.status, at);
      const revoked = await revokeMatching(
        ctx,
        principal.tenant,
        (cert) => cert.gatewayId === gateway._id,
        `gateway ${options.command}: ${body.reason}`,
      );
      const after = { ...gateway, status: options.status, statusChangedAt: at };
      return c.json({ gateway: gatewayJson(after), revoked_certificates: revoked });
    },
  );
}
