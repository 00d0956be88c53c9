import type { Hono } from 'hono';
import type { ApiContext } from '../api-context.ts';
import { mountDeviceCommandRoute } from '../device-command-route.ts';
import type { ApiEnv } from '../env.ts';

/** `POST /v1/devices/{deviceId}/reactivate`. */
export function registerDevicesReactivate(app: Hono<ApiEnv>, ctx: ApiContext): void {
  mountDeviceCommandRoute(app, ctx, {
    command: 'reactivate',
    summary: 'Reactivate a suspended device',
  });
}
