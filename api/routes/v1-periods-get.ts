import type { Hono } from 'hono';
import { issuanceStore } from '../../store/issuance-store.ts';
import type { ApiContext } from '../api-context.ts';
import { idSchema } from '../api-schemas.ts';
import type { ApiEnv } from '../env.ts';
import { ApiError } from '../errors.ts';
import { periodSchema } from '../period-schema.ts';
import { periodJson } from '../period-view.ts';
import { periodStatusSchema } from '../resource-schemas.ts';
import { mountRoute } from '../route.ts';

/** `GET /v1/projects/{projectId}/periods/{period}`. */
export function registerPeriodsGet(app: Hono<ApiEnv>, ctx: ApiContext): void {
  const issuances = issuanceStore(ctx.db);
  mountRoute(
    app,
    ctx,
    {
      method: 'get',
      path: '/v1/projects/{projectId}/periods/{period}',
      operationId: 'getPeriod',
      summary: 'Get a monitoring period',
      tag: 'Periods and issuance',
      auth: 'readings:read',
      params: { projectId: idSchema('prj'), period: periodSchema },
      responses: { 200: { description: 'The period', schema: periodStatusSchema } },
    },
    async (c, { params, principal }) => {
      const record = await issuances.getPeriod(principal.tenant, params.projectId!, params.period!);
      if (!record)
        throw new ApiError('NOT_FOUND', `no period ${params.period} for project ${params.projectId}`);
      return c.json(periodJson(record));
    },
  );
}
