import type { Hono } from 'hono';
import { apiKeyStore } from '../../store/api-key-store.ts';
import type { ApiContext } from '../api-context.ts';
import { apiKeyJson } from '../api-key-view.ts';
import { apiKeyViewSchema, listSchema } from '../api-schemas.ts';
import type { ApiEnv } from '../env.ts';
import { mountRoute } from '../route.ts';

/** `GET /v1/api-keys`: the organization's keys, revoked ones included, never their secrets. */
export function registerApiKeysList(app: Hono<ApiEnv>, ctx: ApiContext): void {
  const keys = apiKeyStore(ctx.db);
  mountRoute(
    app,
    ctx,
    {
      method: 'get',
      path: '/v1/api-keys',
      operationId: 'listApiKeys',
      summary: 'List API keys',
      tag: 'API keys',
      auth: 'admin',
      responses: {
        200: {
          description: 'The keys',
          schema: listSchema('ApiKeyList', apiKeyViewSchema),
        },
      },
    },
    async (c, { principal }) => c.json({ data: (await keys.list(principal.tenant)).map(apiKeyJson) }),
  );
}
