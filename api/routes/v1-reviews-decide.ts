import type { Hono } from 'hono';
import { projectStore } from '../../store/project-store.ts';
import { readingStore } from '../../store/reading-store.ts';
import type { ApiContext } from '../api-context.ts';
import { decisionBodySchema, idSchema } from '../api-schemas.ts';
import { callWorkflow } from '../call-workflow.ts';
import type { ApiEnv } from '../env.ts';
import { ApiError } from '../errors.ts';
import { namedSchema } from '../openapi/named-schema.ts';
import { actorFor } from '../policy-actor.ts';
import { policyOfProject } from '../policy-of-project.ts';
import { mountRoute } from '../route.ts';

const reviewDecisionSchema = namedSchema('ReviewDecisionResult', {
  type: 'object',
  properties: {
    reading_id: idSchema('rdg'),
    decision: { enum: ['approve', 'reject'] },
    acted_as: { type: 'string' },
    workflow_status: { type: 'string', description: '`PENDING` while the workflow is still recording it' },
  },
  required: ['reading_id', 'decision', 'acted_as', 'workflow_status'],
});

/** How long the decision waits for the review workflow to record it. */
const WORKFLOW_WAIT_MS = 10_000;

/**
 * `POST /v1/reviews/{readingId}/decision`: a reviewer approves or rejects a FLAGGED reading. The
 * decision goes to the reading's review workflow as the `review` update, sent as the role the policy
 * lists for the event (verifier, or registry after escalation, per the policy); the workflow records it.
 */
export function registerReviewsDecide(app: Hono<ApiEnv>, ctx: ApiContext): void {
  const readings = readingStore(ctx.db);
  const projects = projectStore(ctx.db);
  mountRoute<{ decision: 'approve' | 'reject'; reason: string }>(
    app,
    ctx,
    {
      method: 'post',
      path: '/v1/reviews/{readingId}/decision',
      operationId: 'decideReview',
      summary: 'Approve or reject a flagged reading',
      tag: 'Reviews',
      auth: 'review:write',
      params: { readingId: idSchema('rdg') },
      body: {
        kind: 'json',
        schema: decisionBodySchema,
      },
      responses: {
        200: { description: 'The review workflow recorded the decision', schema: reviewDecisionSchema },
        202: {
          description: 'The workflow accepted the decision and is still recording it',
          schema: reviewDecisionSchema,
        },
      },
    },
    async (c, { params, body, principal }) => {
      const reading = await readings.get(principal.tenant, params.readingId!);
      if (!reading) throw new ApiError('NOT_FOUND', `no reading ${params.readingId}`);
      if (reading.status !== 'FLAGGED') {
        throw new ApiError('INVALID_STATE', `the reading is ${reading.status}, not FLAGGED`);
      }
      const project = await projects.get(principal.tenant, reading.projectId);
      if (!project) throw new ApiError('NOT_FOUND', `no reading ${params.readingId}`);
      const policy = await policyOfProject(ctx, principal.tenant, project);
      const reviewer = actorFor(principal, { policy, workflow: 'reading_review', event: body.decision });
      const answer = await callWorkflow(
        ctx.workflows.review({
          orgId: principal.tenant.orgId,
          readingId: reading._id,
          decision: body.decision,
          reason: body.reason,
          reviewer,
        }),
        WORKFLOW_WAIT_MS,
      );
      if (answer.answered && !answer.value)
        throw new ApiError('INVALID_STATE', 'no review is open for this reading');
      const result = { status: answer.answered ? answer.value!.status : 'PENDING' };
      return c.json(
        {
          reading_id: reading._id,
          decision: body.decision,
          acted_as: reviewer.role,
          workflow_status: result.status,
        },
        answer.answered ? 200 : 202,
      );
    },
  );
}
