import type { Hono } from 'hono';
import { projectStore } from '../../store/project-store.ts';
import { type Reading, type ReadingSortField, readingStore } from '../../store/reading-store.ts';
import type { ApiContext } from '../api-context.ts';
import { idSchema, pageQuerySchema } from '../api-schemas.ts';
import type { ApiEnv, Principal } from '../env.ts';
import { ApiError } from '../errors.ts';
import { namedSchema } from '../openapi/named-schema.ts';
import { policyOfProject } from '../policy-of-project.ts';
import { readingJson, readingSchema } from '../reading-view.ts';
import { reviewEscalationOf } from '../review-escalation.ts';
import { mountRoute } from '../route.ts';

/** A flagged reading (as `GET /v1/readings/{readingId}`) with its escalation deadline. */
const reviewSchema = namedSchema('Review', {
  ...readingSchema,
  description: 'A flagged reading (as GET /v1/readings/{readingId}) with its escalation deadline',
  properties: {
    ...(readingSchema.properties as Record<string, unknown>),
    escalates_at: {
      type: ['string', 'null'],
      format: 'date-time',
      description: "When the policy's review timer escalates the review (null: the policy has none)",
    },
    escalation_after: { type: ['string', 'null'], description: 'The timer, an ISO 8601 duration' },
  },
});

const reviewPageSchema = namedSchema('ReviewPage', {
  type: 'object',
  properties: {
    data: { type: 'array', items: reviewSchema },
    total: { type: 'integer', description: 'Flagged readings matching the filters (all pages)' },
    next_cursor: { type: ['string', 'null'], description: 'The `cursor` of the next page; null on the last' },
  },
  required: ['data', 'total', 'next_cursor'],
});

/**
 * The queue's sortable columns → stored fields. `verified_at` is when the review opened, so within a
 * project (one timer) it is the escalation order.
 */
const sortFields: Record<string, ReadingSortField> = {
  received_at: '_id',
  timestamp: 'timestamp',
  device_id: 'deviceId',
  verified_at: 'verifiedAt',
};

/** Each project's review timer, looked up once per page. */
async function escalations(ctx: ApiContext, principal: Principal, page: Reading[]) {
  const projects = projectStore(ctx.db);
  const byProject = new Map<string, { after: string; ms: number } | null>();
  for (const projectId of new Set(page.map((r) => r.projectId))) {
    const project = await projects.get(principal.tenant, projectId);
    byProject.set(
      projectId,
      project ? reviewEscalationOf(await policyOfProject(ctx, principal.tenant, project)) : null,
    );
  }
  return byProject;
}

/**
 * `GET /v1/reviews`: the queue of FLAGGED readings waiting for a verifier, sorted by a column
 * (arrival by default, `order=desc` reverses), filtered by project, device, rule and age, each with
 * its escalation deadline. The cursor is the last reading of a page; paging is keyset (value, id).
 */
export function registerReviewsList(app: Hono<ApiEnv>, ctx: ApiContext): void {
  const readings = readingStore(ctx.db);
  mountRoute(
    app,
    ctx,
    {
      method: 'get',
      path: '/v1/reviews',
      operationId: 'listReviews',
      summary: 'The review queue: FLAGGED readings (filters, escalation deadlines)',
      tag: 'Reviews',
      auth: 'readings:read',
      query: pageQuerySchema({
        project_id: idSchema('prj'),
        device_id: idSchema('dev'),
        rule: { type: 'string', pattern: '^[\\w.:-]{1,100}$', description: 'A finding rule id' },
        older_than_hours: {
          type: 'number',
          minimum: 0,
          maximum: 87_600,
          description: 'Only readings received at least this many hours ago',
        },
        sort: {
          enum: Object.keys(sortFields),
          default: 'received_at',
          description:
            'The column to sort by (ties by reading id); verified_at orders by escalation within a project',
        },
        order: { enum: ['asc', 'desc'], default: 'asc', description: 'Ascending or descending' },
        cursor: idSchema('rdg'),
      }),
      responses: { 200: { description: 'A page of flagged readings', schema: reviewPageSchema } },
    },
    async (c, { query, principal }) => {
      const limit = query.limit as number;
      const hours = query.older_than_hours as number | undefined;
      const sortBy = sortFields[query.sort as string] ?? '_id';
      const filter = {
        status: 'FLAGGED' as const,
        order: query.order as 'asc' | 'desc',
        sortBy,
        ...(query.project_id ? { projectId: query.project_id as string } : {}),
        ...(query.device_id ? { deviceId: query.device_id as string } : {}),
        ...(query.rule ? { rule: query.rule as string } : {}),
        ...(hours !== undefined
          ? { receivedBefore: new Date(ctx.clock().getTime() - hours * 3_600_000) }
          : {}),
      };
      const cursor = query.cursor as string | undefined;
      // Keyset paging on another column needs the cursor reading's value of it (tenant-scoped lookup).
      const at = cursor && sortBy !== '_id' ? await readings.get(principal.tenant, cursor) : null;
      if (cursor && sortBy !== '_id' && !at) throw new ApiError('NOT_FOUND', `no reading ${cursor}`);
      const afterValue = at ? (at[sortBy as keyof Reading] as string | Date | undefined) : undefined;
      const [page, total] = await Promise.all([
        readings.list(principal.tenant, {
          ...filter,
          limit,
          ...(cursor ? { after: cursor, ...(afterValue !== undefined ? { afterValue } : {}) } : {}),
        }),
        readings.count(principal.tenant, filter),
      ]);
      const timers = await escalations(ctx, principal, page);
      const next = page.length === limit ? page.at(-1)?._id : undefined;
      const data = page.map((r) => {
        const timer = timers.get(r.projectId) ?? null;
        const since = (r.verifiedAt ?? r.receivedAt).getTime();
        return {
          ...readingJson(r),
          escalates_at: timer ? new Date(since + timer.ms).toISOString() : null,
          escalation_after: timer?.after ?? null,
        };
      });
      return c.json({ data, total, next_cursor: next ?? null });
    },
  );
}
