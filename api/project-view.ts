import type { Project } from '../store/project-store.ts';
import { dateTimeSchema, idSchema } from './api-schemas.ts';
import { namedSchema } from './openapi/named-schema.ts';
import { policyRefSchema } from './resource-schemas.ts';

export const projectSchema = namedSchema('Project', {
  type: 'object',
  properties: {
    id: idSchema('prj'),
    plant_id: { type: 'string' },
    name: { type: 'string' },
    policy: policyRefSchema,
    plant: {
      type: 'object',
      additionalProperties: true,
      description: 'The plant file (schemas/plant.schema.json)',
    },
    created_at: dateTimeSchema,
  },
  required: ['id', 'plant_id', 'name', 'policy', 'plant', 'created_at'],
});

export function projectJson(p: Project) {
  return {
    id: p._id,
    plant_id: p.plantId,
    name: p.name,
    policy: {
      id: p.policy.versionId,
      policy_id: p.policy.policyId,
      version: p.policy.version,
      hash: p.policy.hash,
    },
    plant: p.plant,
    created_at: p.createdAt.toISOString(),
  };
}
