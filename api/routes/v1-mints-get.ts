import type { Hono } from 'hono';
import { issuanceStore } from '../../store/issuance-store.ts';
import type { ApiContext } from '../api-context.ts';
import { idSchema } from '../api-schemas.ts';
import type { ApiEnv } from '../env.ts';
import { ApiError } from '../errors.ts';
import { mintJson } from '../issuance-view.ts';
import { mintSchema } from '../resource-schemas.ts';
import { mountRoute } from '../route.ts';

/** `GET /v1/mints/{mintId}`. */
export function registerMintsGet(app: Hono<ApiEnv>, ctx: ApiContext): void {
  const issuances = issuanceStore(ctx.db);
  mountRoute(
    app,
    ctx,
    {
      method: 'get',
      path: '/v1/mints/{mintId}',
      operationId: 'getMint',
      summary: 'Get a token mint',
      tag: 'Periods and issuance',
      auth: 'readings:read',
      params: { mintId: idSchema('mnt') },
      responses: { 200: { description: 'The mint', schema: mintSchema } },
    },
    async (c, { params, principal }) => {
      const mint = await issuances.getMint(principal.tenant, params.mintId!);
      if (!mint) throw new ApiError('NOT_FOUND', `no mint ${params.mintId}`);
      return c.json(mintJson(mint));
    },
  );
}
