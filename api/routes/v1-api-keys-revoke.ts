import type { Hono } from 'hono';
import { apiKeyStore } from '../../store/api-key-store.ts';
import type { ApiContext } from '../api-context.ts';
import { apiKeyJson } from '../api-key-view.ts';
import { apiKeyViewSchema, idSchema } from '../api-schemas.ts';
import type { ApiEnv } from '../env.ts';
import { ApiError } from '../errors.ts';
import { mountRoute } from '../route.ts';

/** `POST /v1/api-keys/{keyId}/revoke`: the key stops working at once (its access tokens too). */
export function registerApiKeysRevoke(app: Hono<ApiEnv>, ctx: ApiContext): void {
  const keys = apiKeyStore(ctx.db);
  mountRoute(
    app,
    ctx,
    {
      method: 'post',
      path: '/v1/api-keys/{keyId}/revoke',
      operationId: 'revokeApiKey',
      summary: 'Revoke an API key',
      tag: 'API keys',
      auth: 'admin',
      params: { keyId: idSchema('key') },
      responses: { 200: { description: 'The revoked key', schema: apiKeyViewSchema } },
    },
    async (c, { params, principal }) => {
      const record = await keys.revoke(principal.tenant, params.keyId!, { now: ctx.clock() });
      ctx.auth.forget(params.keyId!);
      if (!record) throw new ApiError('NOT_FOUND', `no API key ${params.keyId}`);
      return c.json(apiKeyJson(record));
    },
  );
}
