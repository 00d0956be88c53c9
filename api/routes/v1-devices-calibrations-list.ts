import type { Hono } from 'hono';
import { calibrationStore } from '../../store/calibration-store.ts';
import { deviceStore } from '../../store/device-store.ts';
import type { ApiContext } from '../api-context.ts';
import { idSchema, listSchema } from '../api-schemas.ts';
import { calibrationJson, calibrationSchema } from '../calibration-schemas.ts';
import type { ApiEnv } from '../env.ts';
import { ApiError } from '../errors.ts';
import { mountRoute } from '../route.ts';

/** `GET /v1/devices/{deviceId}/calibrations`: the device's certificates, oldest first, with their decisions. */
export function registerDevicesCalibrationsList(app: Hono<ApiEnv>, ctx: ApiContext): void {
  const devices = deviceStore(ctx.db);
  const calibrations = calibrationStore(ctx.db);
  mountRoute(
    app,
    ctx,
    {
      method: 'get',
      path: '/v1/devices/{deviceId}/calibrations',
      operationId: 'listCalibrations',
      summary: "List a device's calibration certificates",
      tag: 'Calibrations',
      auth: 'any',
      params: { deviceId: idSchema('dev') },
      responses: {
        200: { description: 'The certificates', schema: listSchema('CalibrationList', calibrationSchema) },
      },
    },
    async (c, { params, principal }) => {
      const device = await devices.get(principal.tenant, params.deviceId!);
      if (!device) throw new ApiError('NOT_FOUND', `no device ${params.deviceId}`);
      const all = await calibrations.listForDevice(principal.tenant, device._id);
      return c.json({ data: all.map(calibrationJson) });
    },
  );
}
