import type { Hono } from 'hono';
import { deviceStore } from '../../store/device-store.ts';
import type { ApiContext } from '../api-context.ts';
import { idSchema, listSchema } from '../api-schemas.ts';
import { deviceJson, deviceSchema } from '../device-view.ts';
import type { ApiEnv } from '../env.ts';
import { mountRoute } from '../route.ts';

/** `GET /v1/devices`. */
export function registerDevicesList(app: Hono<ApiEnv>, ctx: ApiContext): void {
  const devices = deviceStore(ctx.db);
  mountRoute(
    app,
    ctx,
    {
      method: 'get',
      path: '/v1/devices',
      operationId: 'listDevices',
      summary: 'List devices',
      tag: 'Devices',
      auth: 'any',
      query: { type: 'object', properties: { project_id: idSchema('prj') }, additionalProperties: false },
      responses: { 200: { description: 'Devices', schema: listSchema('DeviceList', deviceSchema) } },
    },
    async (c, { query, principal }) => {
      const filter = query.project_id ? { projectId: query.project_id as string } : {};
      return c.json({ data: (await devices.list(principal.tenant, filter)).map(deviceJson) });
    },
  );
}
