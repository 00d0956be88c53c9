import type { Hono } from 'hono';
import { apiKeyStore } from '../../store/api-key-store.ts';
import type { ApiContext } from '../api-context.ts';
import { apiKeyJson } from '../api-key-view.ts';
import { idSchema, newApiKeySchema } from '../api-schemas.ts';
import { createApiKey } from '../auth/create-api-key.ts';
import { defaultRolesFor } from '../auth/policy-roles.ts';
import type { ApiEnv } from '../env.ts';
import { ApiError } from '../errors.ts';
import { mountRoute } from '../route.ts';

/**
 * `POST /v1/api-keys/{keyId}/rotate`: a new key with the same name and scopes; the old one is revoked
 * and points at its successor. The new secret is in this answer only.
 */
export function registerApiKeysRotate(app: Hono<ApiEnv>, ctx: ApiContext): void {
  const keys = apiKeyStore(ctx.db);
  mountRoute(
    app,
    ctx,
    {
      method: 'post',
      path: '/v1/api-keys/{keyId}/rotate',
      operationId: 'rotateApiKey',
      summary: 'Rotate an API key (revokes it, returns its successor once)',
      tag: 'API keys',
      auth: 'admin',
      params: { keyId: idSchema('key') },
      responses: { 201: { description: 'The successor key, with its secret', schema: newApiKeySchema } },
      secretResponse: true,
    },
    async (c, { params, principal }) => {
      const old = await keys.get(principal.tenant, params.keyId!);
      if (!old) throw new ApiError('NOT_FOUND', `no API key ${params.keyId}`);
      if (old.revokedAt) throw new ApiError('INVALID_STATE', 'a revoked key cannot be rotated');
      const now = ctx.clock();
      const { record, key } = await createApiKey(keys, principal.tenant, {
        name: old.name,
        scopes: old.scopes,
        roles: old.roles ?? defaultRolesFor(old.scopes),
        now,
      });
      await keys.revoke(principal.tenant, old._id, { now, rotatedTo: record._id });
      ctx.auth.forget(old._id);
      c.header('cache-control', 'no-store');
      return c.json({ ...apiKeyJson(record), key, replaces: old._id }, 201);
    },
  );
}
