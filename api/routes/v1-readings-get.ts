import type { Hono } from 'hono';
import { readingStore } from '../../store/reading-store.ts';
import type { ApiContext } from '../api-context.ts';
import { idSchema } from '../api-schemas.ts';
import type { ApiEnv } from '../env.ts';
import { ApiError } from '../errors.ts';
import { readingJson, readingSchema } from '../reading-view.ts';
import { mountRoute } from '../route.ts';

/** `GET /v1/readings/{readingId}`: the reading, its signed document and the findings behind its status. */
export function registerReadingsGet(app: Hono<ApiEnv>, ctx: ApiContext): void {
  const readings = readingStore(ctx.db);
  mountRoute(
    app,
    ctx,
    {
      method: 'get',
      path: '/v1/readings/{readingId}',
      operationId: 'getReading',
      summary: 'Get a reading with its findings',
      tag: 'Readings',
      auth: 'readings:read',
      params: { readingId: idSchema('rdg') },
      responses: { 200: { description: 'The reading', schema: readingSchema } },
    },
    async (c, { params, principal }) => {
      const reading = await readings.get(principal.tenant, params.readingId!);
      if (!reading) throw new ApiError('NOT_FOUND', `no reading ${params.readingId}`);
      return c.json(readingJson(reading, { withDocument: true }));
    },
  );
}
