import type { Hono } from 'hono';
import { apiKeyStore } from '../../store/api-key-store.ts';
import type { ApiContext } from '../api-context.ts';
import { apiKeyJson } from '../api-key-view.ts';
import { apiKeyViewSchema, idSchema } from '../api-schemas.ts';
import type { ApiEnv } from '../env.ts';
import { ApiError } from '../errors.ts';
import { mountRoute } from '../route.ts';

/** `GET /v1/api-keys/{keyId}`. */
export function registerApiKeysGet(app: Hono<ApiEnv>, ctx: ApiContext): void {
  const keys = apiKeyStore(ctx.db);
  mountRoute(
    app,
    ctx,
    {
      method: 'get',
      path: '/v1/api-keys/{keyId}',
      operationId: 'getApiKey',
      summary: 'Get an API key (without its secret)',
      tag: 'API keys',
      auth: 'admin',
      params: { keyId: idSchema('key') },
      responses: { 200: { description: 'The key', schema: apiKeyViewSchema } },
    },
    async (c, { params, principal }) => {
      const record = await keys.get(principal.tenant, params.keyId!);
      if (!record) throw new ApiError('NOT_FOUND', `no API key ${params.keyId}`);
      return c.json(apiKeyJson(record));
    },
  );
}
