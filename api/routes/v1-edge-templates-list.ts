import type { Hono } from 'hono';
import type { ApiContext } from '../api-context.ts';
import { listSchema } from '../api-schemas.ts';
import { edgeTemplateCatalog } from '../edge-template-catalog.ts';
import type { ApiEnv } from '../env.ts';
import { namedSchema } from '../openapi/named-schema.ts';
import { mountRoute } from '../route.ts';

const nullableString = { type: ['string', 'null'] };

const templateSchema = namedSchema('EdgeTemplate', {
  type: 'object',
  description: 'A shipped integration template (edge/templates): the meter it reads and the manual it cites',
  properties: {
    name: { type: 'string', pattern: '^[a-z0-9][a-z0-9-]{1,63}$', examples: ['abb-a44'] },
    manufacturer: { type: 'string', examples: ['ABB'] },
    model: { type: 'string', examples: ['A44 / B24 energy meter (Modbus RTU)'] },
    equipment: { ...nullableString, examples: ['revenue_energy_meter'] },
    protocol: { enum: ['modbus', 'opcua', 'mqtt', 'http', 'file'] },
    source: namedSchema('EdgeTemplateSource', {
      type: 'object',
      description: '`verified: false`: the map could not be checked against the manual; confirm it on site',
      properties: {
        manual: {
          type: 'string',
          examples: ['ABB A series / B series electricity meters, technical manual'],
        },
        url: nullableString,
        verified: { type: 'boolean' },
        note: nullableString,
      },
      required: ['manual', 'url', 'verified', 'note'],
    }),
    sensors: {
      type: 'array',
      items: namedSchema('EdgeTemplateSensor', {
        type: 'object',
        properties: {
          sensor_id: { type: 'string', examples: ['a44_export'] },
          type: { type: 'string', examples: ['energy_export'] },
          unit: { type: 'string', examples: ['kWh'] },
        },
        required: ['sensor_id', 'type', 'unit'],
      }),
    },
  },
  required: ['name', 'manufacturer', 'model', 'equipment', 'protocol', 'source', 'sensors'],
});

/**
 * `GET /v1/edge-templates`: the integration templates the edge agent ships, for the provisioning
 * wizard. The same for every organization (release content), read-only, for any signed-in caller.
 */
export function registerEdgeTemplatesList(app: Hono<ApiEnv>, ctx: ApiContext): void {
  mountRoute(
    app,
    ctx,
    {
      method: 'get',
      path: '/v1/edge-templates',
      operationId: 'listEdgeTemplates',
      summary: 'List the integration templates the edge agent ships',
      tag: 'Gateways',
      auth: 'any',
      responses: {
        200: {
          description: 'The shipped templates, by name',
          schema: listSchema('EdgeTemplateList', templateSchema),
        },
      },
    },
    async (c) => {
      c.header('cache-control', 'private, max-age=300');
      return c.json({ data: edgeTemplateCatalog(ctx.validator) });
    },
  );
}
