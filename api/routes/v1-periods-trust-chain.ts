import type { Hono } from 'hono';
import { issuanceStore } from '../../store/issuance-store.ts';
import type { ApiContext } from '../api-context.ts';
import { idSchema } from '../api-schemas.ts';
import type { ApiEnv } from '../env.ts';
import { ApiError } from '../errors.ts';
import { periodSchema } from '../period-schema.ts';
import { trustChainSchema } from '../resource-schemas.ts';
import { mountRoute } from '../route.ts';

/**
 * `GET /v1/projects/{projectId}/periods/{period}/trust-chain`: the trust-chain bundle of the period's
 * issuance (a verifiable presentation with every credential, anchor and reading behind the mint),
 * for `mrv chain verify` or any auditor's own verifier.
 */
export function registerPeriodsTrustChain(app: Hono<ApiEnv>, ctx: ApiContext): void {
  const issuances = issuanceStore(ctx.db);
  mountRoute(
    app,
    ctx,
    {
      method: 'get',
      path: '/v1/projects/{projectId}/periods/{period}/trust-chain',
      operationId: 'getPeriodTrustChain',
      summary: "The trust-chain bundle of a period's issuance",
      tag: 'Periods and issuance',
      auth: 'readings:read',
      params: { projectId: idSchema('prj'), period: periodSchema },
      responses: { 200: { description: 'The bundle', schema: trustChainSchema } },
    },
    async (c, { params, principal }) => {
      const issuance = await issuances.getIssuance(principal.tenant, `${params.projectId}/${params.period}`);
      if (!issuance) {
        throw new ApiError(
          'NOT_FOUND',
          `no issuance for period ${params.period} of project ${params.projectId}`,
        );
      }
      if (!issuance.trustChainJson)
        throw new ApiError('INVALID_STATE', 'the trust chain is not complete yet');
      return c.body(issuance.trustChainJson, 200, { 'content-type': 'application/json' });
    },
  );
}
