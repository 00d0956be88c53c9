import type { Hono } from 'hono';
import { mermaidOf, parsePolicy, workflowNames } from '../../engine/policy/index.ts';
import { policyStore } from '../../store/policy-store.ts';
import type { ApiContext } from '../api-context.ts';
import { idSchema } from '../api-schemas.ts';
import type { ApiEnv } from '../env.ts';
import { ApiError } from '../errors.ts';
import { policyGraphSchema } from '../resource-schemas.ts';
import { mountRoute } from '../route.ts';

/** `GET /v1/policies/{policyVersionId}/graph`: each workflow of the policy as a Mermaid state diagram. */
export function registerPoliciesGraph(app: Hono<ApiEnv>, ctx: ApiContext): void {
  const policies = policyStore(ctx.db);
  mountRoute(
    app,
    ctx,
    {
      method: 'get',
      path: '/v1/policies/{policyVersionId}/graph',
      operationId: 'getPolicyGraph',
      summary: "The policy's workflows as Mermaid diagrams",
      tag: 'Policies',
      auth: 'any',
      params: { policyVersionId: idSchema('pol') },
      responses: { 200: { description: 'Mermaid source per workflow', schema: policyGraphSchema } },
    },
    async (c, { params, principal }) => {
      const version = await policies.getVersion(principal.tenant, params.policyVersionId!);
      if (!version) throw new ApiError('NOT_FOUND', `no policy version ${params.policyVersionId}`);
      const { policy } = parsePolicy(version.source, version.fileName);
      if (!policy) throw new ApiError('INVALID_STATE', 'the published source no longer passes the checker');
      const workflows = Object.fromEntries(workflowNames.map((name) => [name, mermaidOf(policy, name)]));
      return c.json({ policy_id: version.policyId, version: version.version, workflows });
    },
  );
}
