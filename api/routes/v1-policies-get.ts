import type { Hono } from 'hono';
import { policyStore } from '../../store/policy-store.ts';
import type { ApiContext } from '../api-context.ts';
import { idSchema } from '../api-schemas.ts';
import type { ApiEnv } from '../env.ts';
import { ApiError } from '../errors.ts';
import { policyVersionJson } from '../policy-version-view.ts';
import { policyVersionSchema } from '../resource-schemas.ts';
import { mountRoute } from '../route.ts';

/** `GET /v1/policies/{policyVersionId}`: one published version with its source. */
export function registerPoliciesGet(app: Hono<ApiEnv>, ctx: ApiContext): void {
  const policies = policyStore(ctx.db);
  mountRoute(
    app,
    ctx,
    {
      method: 'get',
      path: '/v1/policies/{policyVersionId}',
      operationId: 'getPolicy',
      summary: 'Get a published policy version',
      tag: 'Policies',
      auth: 'any',
      params: { policyVersionId: idSchema('pol') },
      responses: { 200: { description: 'The version and its YAML source', schema: policyVersionSchema } },
    },
    async (c, { params, principal }) => {
      const version = await policies.getVersion(principal.tenant, params.policyVersionId!);
      if (!version) throw new ApiError('NOT_FOUND', `no policy version ${params.policyVersionId}`);
      return c.json({ ...policyVersionJson(version), source: version.source });
    },
  );
}
