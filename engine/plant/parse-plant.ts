import type { ValidateFunction } from 'ajv/dist/2020.js';
import { Ajv2020 } from 'ajv/dist/2020.js';
import schema from '../../schemas/plant.schema.json' with { type: 'json' };
import { formatSchemaErrors } from '../telemetry/format-schema-errors.ts';
import type { Plant } from './plant.ts';

const ajv = new Ajv2020({ allErrors: true, strict: false });
const validate = ajv.compile(schema) as ValidateFunction<Plant>;

export type ParsedPlant = { plant: Plant; problems: [] } | { plant?: undefined; problems: string[] };

/**
 * Validates a plant file (already parsed JSON) against the schema (which also reserves the unit id
 * `plant`), then checks what a schema cannot: unique unit and device ids, and device scopes that
 * name a unit.
 *
 * @example
 * const { plant, problems } = parsePlant(JSON.parse(text));
 */
export function parsePlant(value: unknown): ParsedPlant {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    return { problems: ['/: must be a JSON object'] };
  }
  if (!validate(value)) return { problems: formatSchemaErrors(validate.errors) };
  const plant = value;
  const problems: string[] = [];
  const unitIds = new Set<string>();
  for (const [i, unit] of plant.units.entries()) {
    if (unitIds.has(unit.unit_id)) problems.push(`/units/${i}/unit_id: duplicate unit '${unit.unit_id}'`);
    unitIds.add(unit.unit_id);
  }
  const deviceIds = new Set<string>();
  for (const [i, device] of (plant.devices ?? []).entries()) {
    if (deviceIds.has(device.device_id)) problems.push(`/devices/${i}/device_id: duplicate device`);
    deviceIds.add(device.device_id);
    if (device.scope !== 'plant' && !unitIds.has(device.scope)) {
      problems.push(`/devices/${i}/scope: '${device.scope}' is neither 'plant' nor a unit_id`);
    }
  }
  return problems.length > 0 ? { problems } : { plant, problems: [] };
}
