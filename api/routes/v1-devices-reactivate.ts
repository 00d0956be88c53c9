import type { Hono } from 'hono';
import type { ApiContext } from '../api-context.ts';
import { mountDeviceStatusRoute } from '../device-status-route.ts';
import type { ApiEnv } from '../env.ts';

/** `POST /v1/devices/{deviceId}/reactivate`. */
export function registerDevicesReactivate(app: Hono<ApiEnv>, ctx: ApiContext): void {
  mountDeviceStatusRoute(app, ctx, {
    command: 'reactivate',
    status: 'active',
    summary: 'Reactivate a suspended device',
  });
}
