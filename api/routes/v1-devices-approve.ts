import type { Hono } from 'hono';
import type { ApiContext } from '../api-context.ts';
import { mountDeviceCommandRoute } from '../device-command-route.ts';
import type { ApiEnv } from '../env.ts';

/** `POST /v1/devices/{deviceId}/approve`. */
export function registerDevicesApprove(app: Hono<ApiEnv>, ctx: ApiContext): void {
  mountDeviceCommandRoute(app, ctx, {
    command: 'approve',
    summary: "Approve a device registration (the registry's decision)",
    effectiveFrom: true,
  });
}
