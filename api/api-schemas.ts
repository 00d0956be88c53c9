import { scopes } from '../store/api-key-store.ts';
import { roleNamePattern } from './auth/policy-roles.ts';
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
  description: 'A policy role (registry, project_developer, verifier or one a published policy declares)',
};

export const nameSchema: JsonSchema = { type: 'string', minLength: 1, maxLength: 200, pattern: '\\S' };

export const apiKeyViewSchema: JsonSchema = {
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
};

export const newApiKeySchema: JsonSchema = {
  ...apiKeyViewSchema,
  properties: {
    ...(apiKeyViewSchema.properties as object),
    key: { type: 'string', description: 'The secret API key. Shown once; store it now.' },
  },
  required: [...(apiKeyViewSchema.required as string[]), 'key'],
};

export const problemSchema: JsonSchema = {
  type: 'object',
  description: 'RFC 9457 problem details',
  properties: {
    type: { type: 'string' },
    title: { type: 'string' },
    status: { type: 'integer' },
    detail: { type: 'string' },
    code: { type: 'string' },
    errors: {
      type: 'array',
      items: {
        type: 'object',
        properties: { in: { type: 'string' }, pointer: { type: 'string' }, message: { type: 'string' } },
      },
    },
  },
  required: ['type', 'title', 'status'],
};

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
export const decisionBodySchema: JsonSchema = {
  type: 'object',
  properties: {
    decision: { enum: ['approve', 'reject'] },
    reason: { type: 'string', minLength: 1, maxLength: 2000, pattern: '\\S' },
  },
  required: ['decision', 'reason'],
  additionalProperties: false,
};
