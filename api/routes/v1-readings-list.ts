import type { Hono } from 'hono';
import { type ReadingStatus, readingStore } from '../../store/reading-store.ts';
import type { ApiContext } from '../api-context.ts';
import { idSchema, pageQuerySchema, pageSchema } from '../api-schemas.ts';
import type { ApiEnv } from '../env.ts';
import { readingJson, readingSchema, readingStatusSchema } from '../reading-view.ts';
import { mountRoute } from '../route.ts';

/** `GET /v1/readings`: filter by status, device or project; cursor pagination in arrival order. */
export function registerReadingsList(app: Hono<ApiEnv>, ctx: ApiContext): void {
  const readings = readingStore(ctx.db);
  mountRoute(
    app,
    ctx,
    {
      method: 'get',
      path: '/v1/readings',
      operationId: 'listReadings',
      summary: 'List readings (filters, cursor pagination)',
      tag: 'Readings',
      auth: 'readings:read',
      query: pageQuerySchema({
        status: readingStatusSchema,
        device_id: idSchema('dev'),
        project_id: idSchema('prj'),
        cursor: idSchema('rdg'),
      }),
      responses: {
        200: {
          description: 'A page of readings and the next cursor',
          schema: pageSchema('ReadingPage', readingSchema),
        },
      },
    },
    async (c, { query, principal }) => {
      const limit = query.limit as number;
      const page = await readings.list(principal.tenant, {
        limit,
        ...(query.status ? { status: query.status as ReadingStatus } : {}),
        ...(query.device_id ? { deviceId: query.device_id as string } : {}),
        ...(query.project_id ? { projectId: query.project_id as string } : {}),
        ...(query.cursor ? { after: query.cursor as string } : {}),
      });
      const next = page.length === limit ? page.at(-1)?._id : undefined;
      return c.json({ data: page.map((r) => readingJson(r)), next_cursor: next ?? null });
    },
  );
}
