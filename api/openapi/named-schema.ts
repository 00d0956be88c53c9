import type { JsonSchema } from '../schema-validator.ts';

// By identity, not by a property: a spread copy (`{ ...apiKeySchema, … }`) is a new, unnamed shape.
const names = new WeakMap<object, string>();

/**
 * Names a schema: the OpenAPI document lists it once under `components.schemas.<name>` and points
 * every use at it, so generated SDKs get this type name instead of one they invent. Request and
 * response bodies of a route are named after its operationId when not named here; every object
 * nested inside them must be named (test/api/openapi-compliance.test.ts fails otherwise).
 *
 * @example
 * export const deviceSchema = namedSchema('Device', { type: 'object', properties: { … } });
 */
export function namedSchema<T extends JsonSchema>(name: string, schema: T): T {
  if (!/^[A-Z][A-Za-z0-9]*$/.test(name)) throw new Error(`schema name '${name}' is not PascalCase`);
  names.set(schema, name);
  return schema;
}

export function schemaNameOf(schema: unknown): string | undefined {
  return schema !== null && typeof schema === 'object' ? names.get(schema) : undefined;
}
