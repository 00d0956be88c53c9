import type { Hono } from 'hono';
import type { ApiContext } from '../api-context.ts';
import type { ApiEnv } from '../env.ts';
import { mountGatewayStatusRoute } from '../pki/gateway-status-route.ts';

/** `POST /v1/gateways/{gatewayId}/decommission`. */
export function registerGatewaysDecommission(app: Hono<ApiEnv>, ctx: ApiContext): void {
  mountGatewayStatusRoute(app, ctx, {
    command: 'decommission',
    status: 'decommissioned',
    summary: 'Decommission a gateway for good: its certificates are revoked at once',
  });
}
