import type { Hono } from 'hono';
import { apiKeyStore, type Scope } from '../../store/api-key-store.ts';
import type { ApiContext } from '../api-context.ts';
import { apiKeyJson } from '../api-key-view.ts';
import { nameSchema, newApiKeySchema, scopeSchema } from '../api-schemas.ts';
import { createApiKey } from '../auth/create-api-key.ts';
import type { ApiEnv } from '../env.ts';
import { mountRoute } from '../route.ts';

/** `POST /v1/api-keys`: a new key with the given scopes; its secret is in this answer only. */
export function registerApiKeysCreate(app: Hono<ApiEnv>, ctx: ApiContext): void {
  const keys = apiKeyStore(ctx.db);
  mountRoute<{ name: string; scopes: Scope[] }>(
    app,
    ctx,
    {
      method: 'post',
      path: '/v1/api-keys',
      operationId: 'createApiKey',
      summary: 'Create an API key with scopes (the secret is shown once)',
      tag: 'API keys',
      auth: 'admin',
      body: {
        kind: 'json',
        schema: {
          type: 'object',
          properties: {
            name: nameSchema,
            scopes: { type: 'array', items: scopeSchema, minItems: 1, maxItems: 6, uniqueItems: true },
          },
          required: ['name', 'scopes'],
          additionalProperties: false,
        },
      },
      responses: { 201: { description: 'The new key, with its secret', schema: newApiKeySchema } },
      secretResponse: true,
    },
    async (c, { body, principal }) => {
      const { record, key } = await createApiKey(keys, principal.tenant, {
        name: body.name.trim(),
        scopes: body.scopes,
        now: ctx.clock(),
      });
      c.header('cache-control', 'no-store');
      return c.json({ ...apiKeyJson(record), key }, 201);
    },
  );
}
