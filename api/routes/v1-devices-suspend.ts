import type { Hono } from 'hono';
import type { ApiContext } from '../api-context.ts';
import { mountDeviceStatusRoute } from '../device-status-route.ts';
import type { ApiEnv } from '../env.ts';

/** `POST /v1/devices/{deviceId}/suspend`. */
export function registerDevicesSuspend(app: Hono<ApiEnv>, ctx: ApiContext): void {
  mountDeviceStatusRoute(app, ctx, {
    command: 'suspend',
    status: 'suspended',
    summary: 'Suspend a device (its telemetry is refused until reactivated)',
  });
}
