import { organizationStore } from '../store/organization-store.ts';
import type { ApiContext } from './api-context.ts';
import { idSchema, roleSchema, scopeSchema } from './api-schemas.ts';
import type { Principal } from './env.ts';
import { namedSchema } from './openapi/named-schema.ts';
import type { JsonSchema } from './schema-validator.ts';

export const consoleSignInSchema: JsonSchema = namedSchema('ConsoleSignIn', {
  description:
    'An API key, or OAuth client credentials (client_id = the key prefix, client_secret = the key).',
  oneOf: [
    namedSchema('ConsoleSignInWithApiKey', {
      type: 'object',
      properties: { api_key: { type: 'string', minLength: 1, maxLength: 512 } },
      required: ['api_key'],
      additionalProperties: false,
    }),
    namedSchema('ConsoleSignInWithClientCredentials', {
      type: 'object',
      properties: {
        client_id: { type: 'string', minLength: 1, maxLength: 512 },
        client_secret: { type: 'string', minLength: 1, maxLength: 512 },
      },
      required: ['client_id', 'client_secret'],
      additionalProperties: false,
    }),
  ],
  examples: [{ api_key: 'mrv_live_org_4fQ8GZc1Xk3mRr0pLs9TbW_key_…' }],
});

export const consoleSessionSchema: JsonSchema = namedSchema('ConsoleSession', {
  type: 'object',
  properties: {
    organization: namedSchema('ConsoleOrganization', {
      type: 'object',
      properties: { id: idSchema('org'), name: { type: 'string' } },
      required: ['id', 'name'],
    }),
    key_id: idSchema('key'),
    scopes: { type: 'array', items: scopeSchema },
    roles: { type: 'array', items: roleSchema },
    csrf_token: {
      type: ['string', 'null'],
      description: 'Send as X-CSRF-Token on every state change made with the session cookie.',
    },
    mirror_url: {
      type: ['string', 'null'],
      description: 'The mirror node the API reads, for links to anchors and mints',
    },
  },
  required: ['organization', 'key_id', 'scopes', 'roles', 'csrf_token', 'mirror_url'],
  examples: [
    {
      organization: { id: 'org_4fQ8GZc1Xk3mRr0pLs9TbW', name: 'Rio Claro Hydro' },
      key_id: 'key_4fQ8GZc1Xk3mRr0pLs9TbW',
      scopes: ['readings:read', 'review:write'],
      roles: ['verifier'],
      csrf_token: 'n3yq0c6mVb2Jt1qPzL8hXWc5sQeR7uYk4aDfGhJkLmN',
      mirror_url: 'https://testnet.mirrornode.hedera.com',
    },
  ],
});

export async function consoleSessionJson(ctx: ApiContext, principal: Principal, csrfToken: string | null) {
  const org = await organizationStore(ctx.db).get(principal.tenant);
  return {
    organization: { id: principal.tenant.orgId, name: org?.name ?? principal.tenant.orgId },
    key_id: principal.keyId,
    scopes: principal.scopes,
    roles: principal.roles,
    csrf_token: csrfToken,
    mirror_url: ctx.mirrorUrl ?? null,
  };
}
