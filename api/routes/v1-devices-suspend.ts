import type { Hono } from 'hono';
import type { ApiContext } from '../api-context.ts';
import { mountDeviceCommandRoute } from '../device-command-route.ts';
import type { ApiEnv } from '../env.ts';

/** `POST /v1/devices/{deviceId}/suspend`. */
export function registerDevicesSuspend(app: Hono<ApiEnv>, ctx: ApiContext): void {
  mountDeviceCommandRoute(app, ctx, {
    command: 'suspend',
    summary: 'Suspend a device (its telemetry is refused until reactivated)',
    reasonRequired: true,
  });
}
