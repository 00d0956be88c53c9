import { idSchema } from '../api-schemas.ts';
import { namedSchema } from '../openapi/named-schema.ts';
import type { JsonSchema } from '../schema-validator.ts';

/**
 * Named schemas of a gateway's edge-agent configuration (what `mrv-edge pair` fetches after it
 * enrolled: docs/edge.md). Each device of the gateway that the agent reads gets its meters here:
 * a template of `edge/templates/` read over one connection.
 */
const text = (max: number): JsonSchema => ({ type: 'string', minLength: 1, maxLength: max });

export const gatewayConnectionSchema: JsonSchema = namedSchema('GatewayConnection', {
  description: 'How the gateway reaches one meter (edge/collectors). Fields apply per protocol.',
  type: 'object',
  required: ['protocol'],
  additionalProperties: false,
  properties: {
    protocol: { enum: ['modbus-tcp', 'modbus-rtu', 'opcua', 'mqtt', 'http', 'file'] },
    host: text(255),
    port: { type: 'integer', minimum: 1, maximum: 65535 },
    unit_id: { type: 'integer', minimum: 0, maximum: 255 },
    path: text(255),
    baud_rate: { enum: [1200, 2400, 4800, 9600, 19200, 38400, 57600, 115200] },
    parity: { enum: ['none', 'even', 'odd'] },
    stop_bits: { enum: [1, 2] },
    endpoint: text(512),
    security_mode: { enum: ['None', 'Sign', 'SignAndEncrypt'] },
    security_policy: { enum: ['None', 'Basic256Sha256', 'Aes128_Sha256_RsaOaep'] },
    url: text(512),
    base_url: text(512),
    username: text(128),
    password: text(256),
    authorization: text(1024),
    directory: text(512),
    time_column: text(128),
    stale_s: { type: 'integer', minimum: 1, maximum: 86400 },
  },
});

export const gatewaySourceSchema: JsonSchema = namedSchema('GatewaySource', {
  type: 'object',
  required: ['template', 'connection'],
  additionalProperties: false,
  properties: {
    template: { type: 'string', pattern: '^[a-z0-9][a-z0-9-]{1,63}$', description: 'edge/templates name' },
    connection: gatewayConnectionSchema,
  },
});

export const gatewayAgentDeviceSchema: JsonSchema = namedSchema('GatewayAgentDevice', {
  type: 'object',
  required: ['device_id', 'sources'],
  additionalProperties: false,
  properties: {
    device_id: idSchema('dev'),
    ref: {
      type: 'string',
      pattern: '^[A-Za-z0-9_.-]{1,64}$',
      description: "The device's name on the gateway",
    },
    sources: { type: 'array', minItems: 1, maxItems: 8, items: gatewaySourceSchema },
    poll_s: { type: 'integer', minimum: 1, maximum: 3600 },
    interval_s: { type: 'integer', minimum: 60, maximum: 86400 },
    read_timeout_ms: { type: 'integer', minimum: 100, maximum: 60000 },
  },
});

export const gatewayAgentSchema: JsonSchema = namedSchema('GatewayAgent', {
  description: "The edge agent's reading plan: which meters feed which of the gateway's devices.",
  type: 'object',
  required: ['devices'],
  additionalProperties: false,
  properties: {
    interval_s: { type: 'integer', minimum: 60, maximum: 86400, default: 60 },
    devices: { type: 'array', minItems: 1, maxItems: 32, items: gatewayAgentDeviceSchema },
  },
  examples: [
    {
      interval_s: 60,
      devices: [
        {
          device_id: 'dev_4fQ8GZc1Xk3mRr0pLs9TbW',
          ref: 'u1',
          sources: [
            { template: 'abb-a44', connection: { protocol: 'modbus-tcp', host: '10.0.0.21', unit_id: 1 } },
          ],
        },
      ],
    },
  ],
});

export const gatewayEdgeDeviceSchema: JsonSchema = namedSchema('GatewayEdgeDevice', {
  type: 'object',
  required: ['ref', 'device_id', 'did', 'scope', 'sources'],
  properties: {
    ...(gatewayAgentDeviceSchema.properties as Record<string, JsonSchema>),
    ref: { type: 'string' },
    did: { type: 'string' },
    scope: { type: 'string' },
  },
});

export const gatewayEdgeConfigSchema: JsonSchema = namedSchema('GatewayEdgeConfig', {
  description:
    'What `mrv-edge run` runs (edge/agent/gateway-config.ts); the device keys stay on the gateway.',
  type: 'object',
  required: ['version', 'gateway_id', 'org_id', 'project_id', 'plant', 'interval_s', 'devices'],
  properties: {
    version: { const: 1 },
    gateway_id: idSchema('gw'),
    org_id: idSchema('org'),
    project_id: idSchema('prj'),
    plant: namedSchema('GatewayEdgePlant', {
      type: 'object',
      description: "The project's plant file without its device list (schemas/plant)",
    }),
    interval_s: { type: 'integer' },
    devices: { type: 'array', items: gatewayEdgeDeviceSchema },
  },
});
