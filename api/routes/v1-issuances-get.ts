import type { Hono } from 'hono';
import { issuanceStore } from '../../store/issuance-store.ts';
import type { ApiContext } from '../api-context.ts';
import type { ApiEnv } from '../env.ts';
import { ApiError } from '../errors.ts';
import { issuanceJson } from '../issuance-view.ts';
import { issuanceIdSchema } from '../period-schema.ts';
import { issuanceSchema } from '../resource-schemas.ts';
import { mountRoute } from '../route.ts';

/** `GET /v1/issuances/{issuanceId}`. */
export function registerIssuancesGet(app: Hono<ApiEnv>, ctx: ApiContext): void {
  const issuances = issuanceStore(ctx.db);
  mountRoute(
    app,
    ctx,
    {
      method: 'get',
      path: '/v1/issuances/{issuanceId}',
      operationId: 'getIssuance',
      summary: 'Get an issuance (monitoring report, credential, anchor, mint)',
      tag: 'Periods and issuance',
      auth: 'readings:read',
      params: { issuanceId: issuanceIdSchema },
      responses: { 200: { description: 'The issuance', schema: issuanceSchema } },
    },
    async (c, { params, principal }) => {
      const issuance = await issuances.getIssuance(principal.tenant, params.issuanceId!);
      if (!issuance) throw new ApiError('NOT_FOUND', `no issuance ${params.issuanceId}`);
      return c.json(issuanceJson(issuance));
    },
  );
}
