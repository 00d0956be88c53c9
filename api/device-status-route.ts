import type { Hono } from 'hono';
import { type DeviceStatus, deviceStore } from '../store/device-store.ts';
import type { ApiContext } from './api-context.ts';
import { idSchema } from './api-schemas.ts';
import { deviceJson } from './device-view.ts';
import type { ApiEnv } from './env.ts';
import { ApiError } from './errors.ts';
import { mountRoute } from './route.ts';

const WORKFLOW_WAIT_MS = 5000;

/**
 * Shared body of the suspend / reactivate / decommission routes. The device's status in MongoDB is
 * what telemetry acceptance checks, so it changes first; the device workflow is then told through
 * the `deviceCommand` update (a device that never sent telemetry has no workflow yet).
 */
export function mountDeviceStatusRoute(
  app: Hono<ApiEnv>,
  ctx: ApiContext,
  options: { command: 'suspend' | 'reactivate' | 'decommission'; status: DeviceStatus; summary: string },
): void {
  const devices = deviceStore(ctx.db);
  mountRoute<{ reason?: string }>(
    app,
    ctx,
    {
      method: 'post',
      path: `/v1/devices/{deviceId}/${options.command}`,
      operationId: `${options.command}Device`,
      summary: options.summary,
      tag: 'Devices',
      auth: 'admin',
      params: { deviceId: idSchema('dev') },
      body: {
        kind: 'json',
        schema: {
          type: 'object',
          properties: { reason: { type: 'string', maxLength: 1000 } },
          additionalProperties: false,
        },
      },
      responses: { 200: { description: 'The device after the change' } },
    },
    async (c, { params, body, principal }) => {
      const result = await devices.setStatus(principal.tenant, params.deviceId!, {
        status: options.status,
        now: ctx.clock(),
      });
      if (!result) throw new ApiError('NOT_FOUND', `no device ${params.deviceId}`);
      if ('refused' in result) {
        throw new ApiError('INVALID_STATE', `a ${result.refused} device cannot be ${options.status}`);
      }
      let workflowNotified = false;
      let timer: NodeJS.Timeout | undefined;
      try {
        await Promise.race([
          ctx.workflows.deviceCommand({
            orgId: principal.tenant.orgId,
            deviceId: result._id,
            command: options.command,
            reason: body.reason ?? '',
            actor: { id: principal.keyId, role: 'project_developer' },
          }),
          new Promise((_, reject) => {
            timer = setTimeout(() => reject(new Error('workflow did not answer')), WORKFLOW_WAIT_MS);
          }),
        ]);
        workflowNotified = true;
      } catch (error) {
        ctx.logger.warn({ err: error, deviceId: result._id }, 'device workflow not told of status change');
      } finally {
        clearTimeout(timer);
      }
      return c.json({ ...deviceJson(result), workflow_notified: workflowNotified });
    },
  );
}
