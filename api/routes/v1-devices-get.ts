import type { Hono } from 'hono';
import { deviceStore } from '../../store/device-store.ts';
import type { ApiContext } from '../api-context.ts';
import { idSchema } from '../api-schemas.ts';
import { deviceJson, deviceSchema } from '../device-view.ts';
import type { ApiEnv } from '../env.ts';
import { ApiError } from '../errors.ts';
import { mountRoute } from '../route.ts';

/** `GET /v1/devices/{deviceId}`. */
export function registerDevicesGet(app: Hono<ApiEnv>, ctx: ApiContext): void {
  const devices = deviceStore(ctx.db);
  mountRoute(
    app,
    ctx,
    {
      method: 'get',
      path: '/v1/devices/{deviceId}',
      operationId: 'getDevice',
      summary: 'Get a device',
      tag: 'Devices',
      auth: 'any',
      params: { deviceId: idSchema('dev') },
      responses: { 200: { description: 'The device', schema: deviceSchema } },
    },
    async (c, { params, principal }) => {
      const device = await devices.get(principal.tenant, params.deviceId!);
      if (!device) throw new ApiError('NOT_FOUND', `no device ${params.deviceId}`);
      return c.json(deviceJson(device));
    },
  );
}
