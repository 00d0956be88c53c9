import type { Hono } from 'hono';
import { issuanceStore } from '../../store/issuance-store.ts';
import type { ApiContext } from '../api-context.ts';
import type { ApiEnv } from '../env.ts';
import { ApiError } from '../errors.ts';
import { issuanceIdSchema } from '../period-schema.ts';
import { trustChainSchema } from '../resource-schemas.ts';
import { mountRoute } from '../route.ts';

/** `GET /v1/issuances/{issuanceId}/trust-chain`: the bundle an auditor verifies offline (`mrv chain verify`). */
export function registerIssuancesTrustChain(app: Hono<ApiEnv>, ctx: ApiContext): void {
  const issuances = issuanceStore(ctx.db);
  mountRoute(
    app,
    ctx,
    {
      method: 'get',
      path: '/v1/issuances/{issuanceId}/trust-chain',
      operationId: 'getTrustChain',
      summary: 'The trust-chain bundle of an issuance',
      tag: 'Periods and issuance',
      auth: 'readings:read',
      params: { issuanceId: issuanceIdSchema },
      responses: { 200: { description: 'The bundle', schema: trustChainSchema } },
    },
    async (c, { params, principal }) => {
      const issuance = await issuances.getIssuance(principal.tenant, params.issuanceId!);
      if (!issuance) throw new ApiError('NOT_FOUND', `no issuance ${params.issuanceId}`);
      if (!issuance.trustChainJson)
        throw new ApiError('INVALID_STATE', 'the trust chain is not complete yet');
      return c.body(issuance.trustChainJson, 200, { 'content-type': 'application/json' });
    },
  );
}
