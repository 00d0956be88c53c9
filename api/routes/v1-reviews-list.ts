import type { Hono } from 'hono';
import { readingStore } from '../../store/reading-store.ts';
import type { ApiContext } from '../api-context.ts';
import { idSchema, pageQuerySchema, pageSchema } from '../api-schemas.ts';
import type { ApiEnv } from '../env.ts';
import { readingJson, readingSchema } from '../reading-view.ts';
import { mountRoute } from '../route.ts';

/** `GET /v1/reviews`: the queue of FLAGGED readings waiting for a verifier, oldest first. */
export function registerReviewsList(app: Hono<ApiEnv>, ctx: ApiContext): void {
  const readings = readingStore(ctx.db);
  mountRoute(
    app,
    ctx,
    {
      method: 'get',
      path: '/v1/reviews',
      operationId: 'listReviews',
      summary: 'The review queue: FLAGGED readings',
      tag: 'Reviews',
      auth: 'readings:read',
      query: pageQuerySchema({ project_id: idSchema('prj'), cursor: idSchema('rdg') }),
      responses: {
        200: { description: 'A page of flagged readings', schema: pageSchema('ReviewPage', readingSchema) },
      },
    },
    async (c, { query, principal }) => {
      const limit = query.limit as number;
      const page = await readings.list(principal.tenant, {
        status: 'FLAGGED',
        limit,
        ...(query.project_id ? { projectId: query.project_id as string } : {}),
        ...(query.cursor ? { after: query.cursor as string } : {}),
      });
      const next = page.length === limit ? page.at(-1)?._id : undefined;
      return c.json({ data: page.map((r) => readingJson(r)), next_cursor: next ?? null });
    },
  );
}
