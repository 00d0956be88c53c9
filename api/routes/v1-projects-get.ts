import type { Hono } from 'hono';
import { projectStore } from '../../store/project-store.ts';
import type { ApiContext } from '../api-context.ts';
import { idSchema } from '../api-schemas.ts';
import type { ApiEnv } from '../env.ts';
import { ApiError } from '../errors.ts';
import { projectJson, projectSchema } from '../project-view.ts';
import { mountRoute } from '../route.ts';

/** `GET /v1/projects/{projectId}`. */
export function registerProjectsGet(app: Hono<ApiEnv>, ctx: ApiContext): void {
  const projects = projectStore(ctx.db);
  mountRoute(
    app,
    ctx,
    {
      method: 'get',
      path: '/v1/projects/{projectId}',
      operationId: 'getProject',
      summary: 'Get a project',
      tag: 'Projects',
      auth: 'any',
      params: { projectId: idSchema('prj') },
      responses: { 200: { description: 'The project', schema: projectSchema } },
    },
    async (c, { params, principal }) => {
      const project = await projects.get(principal.tenant, params.projectId!);
      if (!project) throw new ApiError('NOT_FOUND', `no project ${params.projectId}`);
      return c.json(projectJson(project));
    },
  );
}
