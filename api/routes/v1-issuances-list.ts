import type { Hono } from 'hono';
import { issuanceStore } from '../../store/issuance-store.ts';
import type { ApiContext } from '../api-context.ts';
import { idSchema, listSchema } from '../api-schemas.ts';
import type { ApiEnv } from '../env.ts';
import { issuanceJson } from '../issuance-view.ts';
import { issuanceSchema } from '../resource-schemas.ts';
import { mountRoute } from '../route.ts';

/** `GET /v1/issuances`. */
export function registerIssuancesList(app: Hono<ApiEnv>, ctx: ApiContext): void {
  const issuances = issuanceStore(ctx.db);
  mountRoute(
    app,
    ctx,
    {
      method: 'get',
      path: '/v1/issuances',
      operationId: 'listIssuances',
      summary: 'List issuances',
      tag: 'Periods and issuance',
      auth: 'readings:read',
      query: { type: 'object', properties: { project_id: idSchema('prj') }, additionalProperties: false },
      responses: { 200: { description: 'Issuances', schema: listSchema('IssuanceList', issuanceSchema) } },
    },
    async (c, { query, principal }) => {
      const filter = query.project_id ? { projectId: query.project_id as string } : {};
      return c.json({ data: (await issuances.listIssuances(principal.tenant, filter)).map(issuanceJson) });
    },
  );
}
