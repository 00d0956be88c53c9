import type { Hono } from 'hono';
import { issuanceStore } from '../../store/issuance-store.ts';
import { projectStore } from '../../store/project-store.ts';
import type { ApiContext } from '../api-context.ts';
import { idSchema, listSchema } from '../api-schemas.ts';
import type { ApiEnv } from '../env.ts';
import { ApiError } from '../errors.ts';
import { periodJson } from '../period-view.ts';
import { periodStatusSchema } from '../resource-schemas.ts';
import { mountRoute } from '../route.ts';

/** `GET /v1/projects/{projectId}/periods`: monitoring periods as the issuance workflows report them. */
export function registerPeriodsList(app: Hono<ApiEnv>, ctx: ApiContext): void {
  const issuances = issuanceStore(ctx.db);
  const projects = projectStore(ctx.db);
  mountRoute(
    app,
    ctx,
    {
      method: 'get',
      path: '/v1/projects/{projectId}/periods',
      operationId: 'listPeriods',
      summary: "List a project's monitoring periods",
      tag: 'Periods and issuance',
      auth: 'readings:read',
      params: { projectId: idSchema('prj') },
      responses: { 200: { description: 'Periods', schema: listSchema('PeriodList', periodStatusSchema) } },
    },
    async (c, { params, principal }) => {
      if (!(await projects.get(principal.tenant, params.projectId!))) {
        throw new ApiError('NOT_FOUND', `no project ${params.projectId}`);
      }
      const data = await issuances.listPeriods(principal.tenant, params.projectId!);
      return c.json({ data: data.map(periodJson) });
    },
  );
}
