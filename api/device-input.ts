import type { Db } from 'mongodb';
import type { DeviceMeter } from '../engine/plant/plant.ts';
import plantSchema from '../schemas/plant.schema.json' with { type: 'json' };
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
  // The plant file's meter (schemas/plant.schema.json is the one definition): accuracy class,
  // full scale and calibration record, which verification uses for allowances and calibration rules.
  meters: {
    type: 'array',
    maxItems: 32,
    items: { $ref: `${plantSchema.$id}#/$defs/meter` },
    description: "The device's meters: accuracy class, full scale, calibration record (as in the plant file)",
  },
};

/**
 * A device's meters as given at registration. A calibration record naming another device cannot
 * vouch for this one's meters: refused here rather than flagging every reading later.
 */
export function checkDeviceMeters(meters: DeviceMeter[] | undefined, did: string | undefined): DeviceMeter[] {
  const list = meters ?? [];
  list.forEach((m, i) => {
    const named = m.calibration?.device_id;
    if (named !== undefined && named !== did) {
      throw new ApiError(
        'CALIBRATION_REFUSED',
        `meter ${i}'s calibration certificate is for ${named}, not this device`,
        {
          errors: [{ in: 'body', pointer: `/meters/${i}/calibration/device_id`, message: 'another device' }],
        },
      );
    }
  });
  return list;
}

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
