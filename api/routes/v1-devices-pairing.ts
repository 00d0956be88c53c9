import type { Hono } from 'hono';
import QRCode from 'qrcode';
import { deviceStore } from '../../store/device-store.ts';
import type { ApiContext } from '../api-context.ts';
import { idSchema } from '../api-schemas.ts';
import { pairingPayload, pairingPayloadSchema } from '../device-view.ts';
import type { ApiEnv } from '../env.ts';
import { ApiError } from '../errors.ts';
import { mountRoute } from '../route.ts';

/** `GET /v1/devices/{deviceId}/pairing`: the pairing payload as JSON, or as a QR code PNG (`?format=png`). */
export function registerDevicesPairing(app: Hono<ApiEnv>, ctx: ApiContext): void {
  const devices = deviceStore(ctx.db);
  mountRoute(
    app,
    ctx,
    {
      method: 'get',
      path: '/v1/devices/{deviceId}/pairing',
      operationId: 'getDevicePairing',
      summary: 'Pairing payload (JSON) or its QR code (PNG)',
      tag: 'Devices',
      auth: 'admin',
      params: { deviceId: idSchema('dev') },
      query: {
        type: 'object',
        properties: { format: { enum: ['json', 'png'], default: 'json' } },
        additionalProperties: false,
      },
      responses: {
        200: {
          description: 'The payload (format=json), or a PNG with the payload as QR code (format=png)',
          schema: pairingPayloadSchema,
          also: [{ contentType: 'image/png' }],
        },
      },
    },
    async (c, { params, query, principal }) => {
      const device = await devices.get(principal.tenant, params.deviceId!);
      if (!device) throw new ApiError('NOT_FOUND', `no device ${params.deviceId}`);
      const payload = pairingPayload(device, ctx.publicUrl);
      if (query.format !== 'png') return c.json(payload);
      const png = await QRCode.toBuffer(JSON.stringify(payload), { type: 'png', errorCorrectionLevel: 'M' });
      return c.body(new Uint8Array(png), 200, { 'content-type': 'image/png' });
    },
  );
}
