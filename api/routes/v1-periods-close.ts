import type { Hono } from 'hono';
import { projectStore } from '../../store/project-store.ts';
import type { ApiContext } from '../api-context.ts';
import { idSchema } from '../api-schemas.ts';
import type { ApiEnv } from '../env.ts';
import { ApiError } from '../errors.ts';
import { namedSchema } from '../openapi/named-schema.ts';
import { periodSchema } from '../period-schema.ts';
import { actorFor } from '../policy-actor.ts';
import { policyOfProject } from '../policy-of-project.ts';
import { mountRoute } from '../route.ts';

/**
 * `POST /v1/projects/{projectId}/periods/{period}/close`: close the period now (signal `closeNow`,
 * starting its issuance workflow if needed). 202: issuance proceeds in the workflow.
 */
export function registerPeriodsClose(app: Hono<ApiEnv>, ctx: ApiContext): void {
  const projects = projectStore(ctx.db);
  mountRoute(
    app,
    ctx,
    {
      method: 'post',
      path: '/v1/projects/{projectId}/periods/{period}/close',
      operationId: 'closePeriod',
      summary: 'Close a monitoring period now and start issuance',
      tag: 'Periods and issuance',
      auth: 'token:mint',
      params: { projectId: idSchema('prj'), period: periodSchema },
      responses: {
        202: {
          description: 'The issuance workflow was told to close the period',
          schema: namedSchema('PeriodCloseStarted', {
            type: 'object',
            properties: {
              project_id: idSchema('prj'),
              period: periodSchema,
              workflow_id: { type: 'string' },
              acted_as: { type: 'string' },
            },
            required: ['project_id', 'period', 'workflow_id', 'acted_as'],
          }),
        },
      },
    },
    async (c, { params, principal }) => {
      const project = await projects.get(principal.tenant, params.projectId!);
      if (!project) throw new ApiError('NOT_FOUND', `no project ${params.projectId}`);
      // `closeNow` is a signal, which cannot answer a refusal: the role is checked here, before it.
      const policy = await policyOfProject(ctx, principal.tenant, project);
      const actor = actorFor(principal, { policy, workflow: 'period_issuance', event: 'close' });
      try {
        const { workflowId } = await ctx.workflows.closePeriod({
          orgId: principal.tenant.orgId,
          projectId: project._id,
          period: params.period!,
          actor,
        });
        return c.json(
          { project_id: project._id, period: params.period, workflow_id: workflowId, acted_as: actor.role },
          202,
        );
      } catch (cause) {
        throw new ApiError('WORKFLOW_UNAVAILABLE', 'the issuance workflow could not be reached; retry', {
          cause,
        });
      }
    },
  );
}
