import type { Hono } from 'hono';
import { readingStore } from '../../store/reading-store.ts';
import type { ApiContext } from '../api-context.ts';
import { idSchema } from '../api-schemas.ts';
import type { ApiEnv } from '../env.ts';
import { ApiError } from '../errors.ts';
import { mountRoute } from '../route.ts';

/**
 * `POST /v1/reviews/{readingId}/decision`: a verifier approves or rejects a FLAGGED reading. The
 * decision goes to the reading's review workflow as the `review` update; the workflow records it.
 */
export function registerReviewsDecide(app: Hono<ApiEnv>, ctx: ApiContext): void {
  const readings = readingStore(ctx.db);
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
        schema: {
          type: 'object',
          properties: {
            decision: { enum: ['approve', 'reject'] },
            reason: { type: 'string', minLength: 1, maxLength: 2000, pattern: '\\S' },
          },
          required: ['decision', 'reason'],
          additionalProperties: false,
        },
      },
      responses: { 200: { description: 'The workflow accepted the decision' } },
    },
    async (c, { params, body, principal }) => {
      const reading = await readings.get(principal.tenant, params.readingId!);
      if (!reading) throw new ApiError('NOT_FOUND', `no reading ${params.readingId}`);
      if (reading.status !== 'FLAGGED') {
        throw new ApiError('INVALID_STATE', `the reading is ${reading.status}, not FLAGGED`);
      }
      const result = await ctx.workflows.review({
        orgId: principal.tenant.orgId,
        readingId: reading._id,
        decision: body.decision,
        reason: body.reason,
        reviewer: { id: principal.keyId, role: 'verifier' },
      });
      if (!result) throw new ApiError('INVALID_STATE', 'no review is open for this reading');
      return c.json({ reading_id: reading._id, decision: body.decision, workflow_status: result.status });
    },
  );
}
