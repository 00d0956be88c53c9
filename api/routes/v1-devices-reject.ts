import type { Hono } from 'hono';
import type { ApiContext } from '../api-context.ts';
import { mountDeviceCommandRoute } from '../device-command-route.ts';
import type { ApiEnv } from '../env.ts';

/** `POST /v1/devices/{deviceId}/reject`. */
export function registerDevicesReject(app: Hono<ApiEnv>, ctx: ApiContext): void {
  mountDeviceCommandRoute(app, ctx, {
    command: 'reject',
    summary: 'Reject a device registration (final)',
    reasonRequired: true,
  });
}
