import type { Hono } from 'hono';
import { issuanceStore } from '../../store/issuance-store.ts';
import type { ApiContext } from '../api-context.ts';
import { listSchema } from '../api-schemas.ts';
import type { ApiEnv } from '../env.ts';
import { mintJson } from '../issuance-view.ts';
import { mintSchema } from '../resource-schemas.ts';
import { mountRoute } from '../route.ts';

/** `GET /v1/mints`: token mints (filter by token id). */
export function registerMintsList(app: Hono<ApiEnv>, ctx: ApiContext): void {
  const issuances = issuanceStore(ctx.db);
  mountRoute(
    app,
    ctx,
    {
      method: 'get',
      path: '/v1/mints',
      operationId: 'listMints',
      summary: 'List token mints',
      tag: 'Periods and issuance',
      auth: 'readings:read',
      query: {
        type: 'object',
        properties: { token_id: { type: 'string', pattern: '^[0-9]+\\.[0-9]+\\.[0-9]+$' } },
        additionalProperties: false,
      },
      responses: { 200: { description: 'Mints', schema: listSchema('MintList', mintSchema) } },
    },
    async (c, { query, principal }) => {
      const filter = query.token_id ? { tokenId: query.token_id as string } : {};
      return c.json({ data: (await issuances.listMints(principal.tenant, filter)).map(mintJson) });
    },
  );
}
