import type { Hono } from 'hono';
import type { ApiContext } from '../api-context.ts';
import type { ApiEnv } from '../env.ts';
import { mountGatewayStatusRoute } from '../pki/gateway-status-route.ts';

/** `POST /v1/gateways/{gatewayId}/suspend`. */
export function registerGatewaysSuspend(app: Hono<ApiEnv>, ctx: ApiContext): void {
  mountGatewayStatusRoute(app, ctx, {
    command: 'suspend',
    status: 'suspended',
    summary: 'Suspend a gateway: its certificates are revoked at once',
  });
}
