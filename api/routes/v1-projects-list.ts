import type { Hono } from 'hono';
import { projectStore } from '../../store/project-store.ts';
import type { ApiContext } from '../api-context.ts';
import { listSchema } from '../api-schemas.ts';
import type { ApiEnv } from '../env.ts';
import { projectJson, projectSchema } from '../project-view.ts';
import { mountRoute } from '../route.ts';

/** `GET /v1/projects`. */
export function registerProjectsList(app: Hono<ApiEnv>, ctx: ApiContext): void {
  const projects = projectStore(ctx.db);
  mountRoute(
    app,
    ctx,
    {
      method: 'get',
      path: '/v1/projects',
      operationId: 'listProjects',
      summary: 'List projects',
      tag: 'Projects',
      auth: 'any',
      responses: { 200: { description: 'Projects', schema: listSchema('ProjectList', projectSchema) } },
    },
    async (c, { principal }) => c.json({ data: (await projects.list(principal.tenant)).map(projectJson) }),
  );
}
