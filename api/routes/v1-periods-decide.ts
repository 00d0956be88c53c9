import type { Hono } from 'hono';
import { projectStore } from '../../store/project-store.ts';
import type { ApiContext } from '../api-context.ts';
import { decisionBodySchema, idSchema } from '../api-schemas.ts';
import { callWorkflow } from '../call-workflow.ts';
import type { ApiEnv } from '../env.ts';
import { ApiError } from '../errors.ts';
import { namedSchema } from '../openapi/named-schema.ts';
import { periodSchema } from '../period-schema.ts';
import { actorFor } from '../policy-actor.ts';
import { policyOfProject } from '../policy-of-project.ts';
import { mountRoute } from '../route.ts';

const periodDecisionSchema = namedSchema('PeriodDecisionResult', {
  type: 'object',
  properties: {
    project_id: idSchema('prj'),
    period: periodSchema,
    decision: { enum: ['approve', 'reject'] },
    acted_as: { type: 'string' },
    workflow_status: { type: ['string', 'null'] },
  },
  required: ['project_id', 'period', 'decision', 'acted_as', 'workflow_status'],
});

/** Approval starts the mint: the answer does not wait for the ledger beyond this. */
const WORKFLOW_WAIT_MS = 5_000;

/**
 * `POST /v1/projects/{projectId}/periods/{period}/decision`: the verifier approves or rejects the
 * period's monitoring report (Update `reportDecision` on the period workflow, sent as the role the
 * policy lists for the event). Approval leads to the mint and the Issuance credential.
 */
export function registerPeriodsDecide(app: Hono<ApiEnv>, ctx: ApiContext): void {
  const projects = projectStore(ctx.db);
  mountRoute<{ decision: 'approve' | 'reject'; reason: string }>(
    app,
    ctx,
    {
      method: 'post',
      path: '/v1/projects/{projectId}/periods/{period}/decision',
      operationId: 'decideMonitoringReport',
      summary: "Approve or reject a period's monitoring report",
      description:
        '200 when the workflow recorded the decision and settled; 202 when it accepted it and is ' +
        'still minting (follow the period). 403 when the policy does not let the credential decide; ' +
        '409 when no report is awaiting a decision.',
      tag: 'Periods and issuance',
      auth: 'review:write',
      params: { projectId: idSchema('prj'), period: periodSchema },
      body: {
        kind: 'json',
        schema: decisionBodySchema,
      },
      responses: {
        200: { description: 'The period workflow recorded the decision', schema: periodDecisionSchema },
        202: {
          description: 'The workflow accepted the decision and is still acting on it',
          schema: periodDecisionSchema,
        },
      },
    },
    async (c, { params, body, principal }) => {
      const project = await projects.get(principal.tenant, params.projectId!);
      if (!project) throw new ApiError('NOT_FOUND', `no project ${params.projectId}`);
      const policy = await policyOfProject(ctx, principal.tenant, project);
      const reviewer = actorFor(principal, { policy, workflow: 'period_issuance', event: body.decision });
      const answer = await callWorkflow(
        ctx.workflows.reportDecision({
          orgId: principal.tenant.orgId,
          projectId: project._id,
          period: params.period!,
          decision: body.decision,
          reason: body.reason,
          reviewer,
        }),
        WORKFLOW_WAIT_MS,
      );
      if (answer.answered && !answer.value) {
        throw new ApiError('INVALID_STATE', `period ${params.period} has no issuance under way`);
      }
      const json = {
        project_id: project._id,
        period: params.period,
        decision: body.decision,
        acted_as: reviewer.role,
        workflow_status: answer.answered ? answer.value!.status : null,
      };
      return c.json(json, answer.answered ? 200 : 202);
    },
  );
}
