import { generateKeyPairSync } from 'node:crypto';
import type { Hono } from 'hono';
import QRCode from 'qrcode';
import type { DeviceMeter } from '../../engine/plant/plant.ts';
import { didKeyFromEd25519Key } from '../../engine/telemetry/index.ts';
import { deviceStore } from '../../store/device-store.ts';
import { newId } from '../../store/ids.ts';
import type { ApiContext } from '../api-context.ts';
import { checkDeviceMeters, checkDeviceTarget, deviceCommonProperties } from '../device-input.ts';
import { deviceJson, deviceSchema, pairingPayload, pairingPayloadSchema } from '../device-view.ts';
import { edgeTemplateCatalog } from '../edge-template-catalog.ts';
import type { ApiEnv } from '../env.ts';
import { ApiError } from '../errors.ts';
import { namedSchema } from '../openapi/named-schema.ts';
import { mountRoute } from '../route.ts';
import { startDeviceWorkflow } from '../start-device-workflow.ts';

/**
 * `POST /v1/devices/provision`: we generate the device's Ed25519 key and did:key and hand the private
 * key out in this answer only (also as a QR code PNG for pairing); we keep just the DID.
 */
export function registerDevicesProvision(app: Hono<ApiEnv>, ctx: ApiContext): void {
  const devices = deviceStore(ctx.db);
  mountRoute<{
    project_id: string;
    scope?: string;
    name?: string;
    meters?: DeviceMeter[];
    template?: string;
  }>(
    app,
    ctx,
    {
      method: 'post',
      path: '/v1/devices/provision',
      operationId: 'provisionDevice',
      summary: 'Provision a device: a new did:key whose private key is shown once',
      tag: 'Devices',
      auth: 'admin',
      body: {
        kind: 'json',
        schema: namedSchema('ProvisionDeviceRequest', {
          type: 'object',
          properties: {
            ...deviceCommonProperties,
            template: {
              type: 'string',
              pattern: '^[a-z0-9][a-z0-9-]{1,63}$',
              description:
                'A shipped edge template (GET /v1/edge-templates) the gateway reads this meter with',
              examples: ['abb-a44'],
            },
          },
          required: ['project_id'],
          additionalProperties: false,
        }),
      },
      responses: {
        201: {
          description: 'The device, its private key (once) and a pairing QR code',
          schema: namedSchema('ProvisionedDevice', {
            type: 'object',
            properties: {
              device: deviceSchema,
              pairing: namedSchema('DevicePairing', {
                type: 'object',
                description: 'The pairing payload with the private key (Ed25519 JWK), shown once',
                properties: {
                  ...(pairingPayloadSchema.properties as object),
                  private_key_jwk: namedSchema('Ed25519PrivateJwk', {
                    type: 'object',
                    properties: {
                      kty: { const: 'OKP' },
                      crv: { const: 'Ed25519' },
                      x: { type: 'string' },
                      d: { type: 'string' },
                    },
                    required: ['kty', 'crv', 'x', 'd'],
                  }),
                },
                required: [...(pairingPayloadSchema.required as string[]), 'private_key_jwk'],
              }),
              pairing_qr_png: { type: 'string', description: 'data: URL of the pairing QR code (PNG)' },
            },
            required: ['device', 'pairing', 'pairing_qr_png'],
          }),
        },
      },
      secretResponse: true,
    },
    async (c, { body, principal }) => {
      const { scope } = await checkDeviceTarget(ctx.db, principal.tenant, body);
      // Which templates exist is release content, not shape: an unknown name is "not found", like a project.
      if (body.template && !edgeTemplateCatalog(ctx.validator).some((t) => t.name === body.template))
        throw new ApiError(
          'NOT_FOUND',
          `no edge template '${body.template}' (GET /v1/edge-templates lists them)`,
        );
      const { privateKey, publicKey } = generateKeyPairSync('ed25519');
      const jwk = privateKey.export({ format: 'jwk' }) as { crv: string; kty: string; x: string; d: string };
      const did = didKeyFromEd25519Key(Buffer.from(jwk.x, 'base64url'));
      // The DID is new: a certificate cannot name it yet.
      const meters = checkDeviceMeters(body.meters, did);
      const now = ctx.clock();
      const device = await devices.insert(principal.tenant, {
        _id: newId('dev'),
        projectId: body.project_id,
        did,
        scope,
        ...(body.name ? { name: body.name } : {}),
        ...(meters.length > 0 ? { meters } : {}),
        ...(body.template ? { template: body.template } : {}),
        origin: 'provisioned',
        status: 'active',
        createdAt: now,
        statusChangedAt: now,
      });
      if (!device) throw new ApiError('CONFLICT', 'key collision; retry');
      // The registration request reaches the registry through the device workflow.
      await startDeviceWorkflow(ctx, principal.tenant, device);
      const pairing = {
        ...pairingPayload(device, ctx.publicUrl),
        private_key_jwk: { kty: jwk.kty, crv: jwk.crv, x: jwk.x, d: jwk.d },
      };
      const qr = await QRCode.toDataURL(JSON.stringify(pairing), { errorCorrectionLevel: 'M' });
      void publicKey;
      c.header('cache-control', 'no-store');
      return c.json({ device: deviceJson(device), pairing, pairing_qr_png: qr }, 201);
    },
  );
}
