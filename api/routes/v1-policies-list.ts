import type { Hono } from 'hono';
import { policyStore } from '../../store/policy-store.ts';
import type { ApiContext } from '../api-context.ts';
import { listSchema } from '../api-schemas.ts';
import type { ApiEnv } from '../env.ts';
import { policyVersionJson } from '../policy-version-view.ts';
import { policyVersionSchema } from '../resource-schemas.ts';
import { mountRoute } from '../route.ts';

/** `GET /v1/policies`: the organization's published policy versions. */
export function registerPoliciesList(app: Hono<ApiEnv>, ctx: ApiContext): void {
  const policies = policyStore(ctx.db);
  mountRoute(
    app,
    ctx,
    {
      method: 'get',
      path: '/v1/policies',
      operationId: 'listPolicies',
      summary: 'List published policy versions',
      tag: 'Policies',
      auth: 'any',
      responses: {
        200: {
          description: 'Published versions',
          schema: listSchema('PolicyVersionList', policyVersionSchema),
        },
      },
    },
    async (c, { principal }) =>
      c.json({ data: (await policies.listVersions(principal.tenant)).map(policyVersionJson) }),
  );
}
