import { scopes } from '../store/api-key-store.ts';
import { roleNamePattern } from './auth/policy-roles.ts';
import { namedSchema } from './openapi/named-schema.ts';
import type { JsonSchema } from './schema-validator.ts';

/** Shapes shared by several route definitions (the API's own; wire formats live in schemas/). */
export const idSchema = (prefix: string): JsonSchema => ({
  type: 'string',
  pattern: `^${prefix}_[0-9A-Za-z]{22}$`,
  examples: [`${prefix}_4fQ8GZc1Xk3mRr0pLs9TbW`],
});

export const scopeSchema: JsonSchema = { type: 'string', enum: [...scopes] };

export const roleSchema: JsonSchema = {
  type: 'string',
  pattern: roleNamePattern,
  not: { const: 'system' },
  description:
    'A policy role (registry, project_developer, verifier or one a published policy declares; 409 otherwise). `system` is reserved.',
};

export const nameSchema: JsonSchema = { type: 'string', minLength: 1, maxLength: 200, pattern: '\\S' };

export const apiKeyViewSchema: JsonSchema = namedSchema('ApiKey', {
  type: 'object',
  properties: {
    id: idSchema('key'),
    name: { type: 'string' },
    scopes: { type: 'array', items: scopeSchema },
    roles: { type: 'array', items: roleSchema, description: 'Policy roles the key acts as' },
    prefix: { type: 'string', description: 'The non-secret start of the key.' },
    created_at: { type: 'string', format: 'date-time' },
    revoked_at: { type: 'string', format: 'date-time' },
    rotated_to: idSchema('key'),
  },
  required: ['id', 'name', 'scopes', 'roles', 'prefix', 'created_at'],
});

export const newApiKeySchema: JsonSchema = namedSchema('NewApiKey', {
  ...apiKeyViewSchema,
  properties: {
    ...(apiKeyViewSchema.properties as object),
    key: { type: 'string', description: 'The secret API key. Shown once; store it now.' },
  },
  required: [...(apiKeyViewSchema.required as string[]), 'key'],
});

export const fieldErrorSchema: JsonSchema = namedSchema('FieldError', {
  type: 'object',
  description: 'One failing field: `pointer` is a JSON Pointer into the request part named by `in`',
  properties: {
    in: { enum: ['body', 'query', 'path', 'header'] },
    pointer: { type: 'string' },
    message: { type: 'string' },
  },
  required: ['in', 'pointer', 'message'],
});

export const problemSchema: JsonSchema = namedSchema('Problem', {
  type: 'object',
  description:
    'RFC 9457 problem details. `type` is `urn:mrv:problem:<code>`; `code` is the stable error code; extensions (e.g. `required_scope`, `reason`) depend on the code.',
  properties: {
    type: { type: 'string', examples: ['urn:mrv:problem:validation-failed'] },
    title: { type: 'string' },
    status: { type: 'integer', minimum: 400, maximum: 599 },
    detail: { type: 'string' },
    code: { type: 'string', examples: ['VALIDATION_FAILED'] },
    request_id: { type: 'string' },
    errors: { type: 'array', items: fieldErrorSchema },
  },
  required: ['type', 'title', 'status'],
});

export const pageQuerySchema = (extra: Record<string, JsonSchema> = {}): JsonSchema => ({
  type: 'object',
  properties: {
    limit: { type: 'integer', minimum: 1, maximum: 500, default: 50 },
    cursor: { type: 'string', maxLength: 200 },
    ...extra,
  },
  additionalProperties: false,
});

/** A verifier's decision (reviews, monitoring reports): sent to the workflow with the reason. */
export const decisionBodySchema: JsonSchema = namedSchema('Decision', {
  type: 'object',
  properties: {
    decision: { enum: ['approve', 'reject'] },
    reason: { type: 'string', minLength: 1, maxLength: 2000, pattern: '\\S' },
  },
  required: ['decision', 'reason'],
  additionalProperties: false,
});

/** `{ data: [...] }` of a listing without pagination. */
export const listSchema = (name: string, items: JsonSchema): JsonSchema =>
  namedSchema(name, {
    type: 'object',
    properties: { data: { type: 'array', items } },
    required: ['data'],
  });

/** `{ data: [...], next_cursor }`: pass `next_cursor` as `cursor` for the next page; null on the last. */
export const pageSchema = (name: string, items: JsonSchema): JsonSchema =>
  namedSchema(name, {
    type: 'object',
    properties: {
      data: { type: 'array', items },
      next_cursor: {
        type: ['string', 'null'],
        description: 'The `cursor` of the next page; null on the last',
      },
    },
    required: ['data', 'next_cursor'],
  });

export const dateTimeSchema: JsonSchema = { type: 'string', format: 'date-time' };
export const nullableString: JsonSchema = { type: ['string', 'null'] };
