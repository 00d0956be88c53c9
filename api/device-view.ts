import type { Device } from '../store/device-store.ts';
import { dateTimeSchema, idSchema, nullableString } from './api-schemas.ts';
import { namedSchema } from './openapi/named-schema.ts';

export const deviceSchema = namedSchema('Device', {
  type: 'object',
  properties: {
    id: idSchema('dev'),
    project_id: idSchema('prj'),
    did: { type: 'string', examples: ['did:key:z6MkhaXgBZDvotDkL5257faiztiGiC2QtKLGpbnnEGta2doK'] },
    scope: { type: 'string', description: '`plant` or a unit id' },
    name: nullableString,
    origin: { enum: ['provisioned', 'registered'] },
    status: { type: 'string', examples: ['active'] },
    policy_status: { ...nullableString, description: "The device's state in its policy workflow" },
    template: {
      ...nullableString,
      description: 'The edge template (GET /v1/edge-templates) its meter is read with',
    },
    created_at: dateTimeSchema,
    status_changed_at: dateTimeSchema,
  },
  required: ['id', 'project_id', 'did', 'scope', 'name', 'origin', 'status', 'policy_status', 'created_at'],
});

export const pairingPayloadSchema = namedSchema('PairingPayload', {
  type: 'object',
  description: 'What an edge agent needs to pair with this API (no secret)',
  properties: {
    v: { const: 1 },
    api_url: { type: 'string' },
    org_id: { type: 'string' },
    project_id: idSchema('prj'),
    device_id: idSchema('dev'),
    did: { type: 'string' },
    template: { type: 'string', description: 'The edge template chosen at provisioning' },
  },
  required: ['v', 'api_url', 'org_id', 'project_id', 'device_id', 'did'],
});

export function deviceJson(d: Device) {
  return {
    id: d._id,
    project_id: d.projectId,
    did: d.did,
    scope: d.scope,
    name: d.name ?? null,
    origin: d.origin,
    status: d.status,
    policy_status: d.policyStatus ?? null,
    template: d.template ?? null,
    meters: d.meters ?? [],
    created_at: d.createdAt.toISOString(),
    status_changed_at: d.statusChangedAt.toISOString(),
  };
}

/** What an edge agent needs to pair with this API (no secret: the key is handed out separately, once). */
export function pairingPayload(d: Device, apiUrl: string) {
  return {
    v: 1,
    api_url: apiUrl,
    org_id: d.orgId,
    project_id: d.projectId,
    device_id: d._id,
    did: d.did,
    ...(d.template ? { template: d.template } : {}),
  };
}
