import type { Hono } from 'hono';
import type { DeviceMeter } from '../../engine/plant/plant.ts';
import { ed25519DidKeyPattern, ed25519KeyFromDidKey } from '../../engine/telemetry/index.ts';
import { deviceStore } from '../../store/device-store.ts';
import { newId } from '../../store/ids.ts';
import type { ApiContext } from '../api-context.ts';
import { checkDeviceMeters, checkDeviceTarget, deviceCommonProperties } from '../device-input.ts';
import { deviceJson, deviceSchema } from '../device-view.ts';
import type { ApiEnv } from '../env.ts';
import { ApiError } from '../errors.ts';
import { mountRoute } from '../route.ts';
import { startDeviceWorkflow } from '../start-device-workflow.ts';

/** `POST /v1/devices`: register a did:key the device generated itself (its key never leaves it). */
export function registerDevicesRegister(app: Hono<ApiEnv>, ctx: ApiContext): void {
  const devices = deviceStore(ctx.db);
  mountRoute<{ project_id: string; did: string; scope?: string; name?: string; meters?: DeviceMeter[] }>(
    app,
    ctx,
    {
      method: 'post',
      path: '/v1/devices',
      operationId: 'registerDevice',
      summary: 'Register a device-generated did:key',
      tag: 'Devices',
      auth: 'admin',
      body: {
        kind: 'json',
        schema: {
          type: 'object',
          properties: {
            ...deviceCommonProperties,
            did: {
              type: 'string',
              // Exactly the Ed25519 did:keys, so a schema-valid DID always decodes to a key.
              pattern: ed25519DidKeyPattern(),
              description: 'An Ed25519 did:key (multicodec 0xed01, base58btc)',
              examples: ['did:key:z6MkhaXgBZDvotDkL5257faiztiGiC2QtKLGpbnnEGta2doK'],
            },
          },
          required: ['project_id', 'did'],
          additionalProperties: false,
        },
      },
      responses: { 201: { description: 'The device', schema: deviceSchema } },
    },
    async (c, { body, principal }) => {
      if (!ed25519KeyFromDidKey(body.did)) {
        throw new ApiError('VALIDATION_FAILED', 'not an Ed25519 did:key', {
          errors: [{ in: 'body', pointer: '/did', message: 'not an Ed25519 did:key' }],
        });
      }
      const { scope } = await checkDeviceTarget(ctx.db, principal.tenant, body);
      const meters = checkDeviceMeters(body.meters, body.did);
      const now = ctx.clock();
      const device = await devices.insert(principal.tenant, {
        _id: newId('dev'),
        projectId: body.project_id,
        did: body.did,
        scope,
        ...(body.name ? { name: body.name } : {}),
        ...(meters.length > 0 ? { meters } : {}),
        origin: 'registered',
        status: 'active',
        createdAt: now,
        statusChangedAt: now,
      });
      if (!device) throw new ApiError('CONFLICT', 'this DID is already registered in the organization');
      // The registration request reaches the registry through the device workflow.
      await startDeviceWorkflow(ctx, principal.tenant, device);
      return c.json(deviceJson(device), 201);
    },
  );
}
