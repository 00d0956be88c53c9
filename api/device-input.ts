import type { Db } from 'mongodb';
import { projectStore } from '../store/project-store.ts';
import type { TenantScope } from '../store/tenant-scope.ts';
import { idSchema, nameSchema } from './api-schemas.ts';
import { ApiError } from './errors.ts';
import type { JsonSchema } from './schema-validator.ts';

export const deviceCommonProperties: Record<string, JsonSchema> = {
  project_id: idSchema('prj'),
  scope: {
    type: 'string',
    minLength: 1,
    maxLength: 100,
    default: 'plant',
    description: '`plant` or a unit id',
  },
  name: nameSchema,
};

/** The project the device joins, and a scope that exists in its plant. */
export async function checkDeviceTarget(
  db: Db,
  tenant: TenantScope,
  input: { project_id: string; scope?: string },
) {
  const project = await projectStore(db).get(tenant, input.project_id);
  if (!project) {
    // 404, not 400: the body is well formed; what it names does not exist (the document says so).
    throw new ApiError('NOT_FOUND', 'no such project', {
      errors: [{ in: 'body', pointer: '/project_id', message: 'no such project' }],
    });
  }
  const scope = input.scope ?? 'plant';
  const units = ((project.plant.units as { unit_id: string }[] | undefined) ?? []).map((u) => u.unit_id);
  if (scope !== 'plant' && !units.includes(scope)) {
    // 409: which scopes exist depends on the project's plant, not on the request's shape.
    throw new ApiError('CONFLICT', `scope must be 'plant' or one of: ${units.join(', ')}`, {
      errors: [{ in: 'body', pointer: '/scope', message: 'not a unit of this plant' }],
    });
  }
  return { project, scope };
}
