import type { Hono } from 'hono';
import { diffPolicies, parsePolicy } from '../../engine/policy/index.ts';
import { policyStore } from '../../store/policy-store.ts';
import type { ApiContext } from '../api-context.ts';
import { idSchema } from '../api-schemas.ts';
import type { ApiEnv } from '../env.ts';
import { ApiError } from '../errors.ts';
import { policyDiffSchema } from '../policy-workspace-schemas.ts';
import { mountRoute } from '../route.ts';

/** `GET /v1/policy-drafts/{draftId}/diff?against=`: semantic differences from a published version. */
export function registerPolicyDraftsDiff(app: Hono<ApiEnv>, ctx: ApiContext): void {
  const policies = policyStore(ctx.db);
  mountRoute(
    app,
    ctx,
    {
      method: 'get',
      path: '/v1/policy-drafts/{draftId}/diff',
      operationId: 'diffPolicyDraft',
      summary: 'Semantic differences between a published policy version and a draft',
      tag: 'Policies',
      auth: 'policy:write',
      params: { draftId: idSchema('pdr') },
      query: {
        type: 'object',
        properties: { against: idSchema('pol') },
        required: ['against'],
        additionalProperties: false,
      },
      responses: { 200: { description: 'The differences', schema: policyDiffSchema } },
    },
    async (c, { params, query, principal }) => {
      const draft = await policies.getDraft(principal.tenant, params.draftId!);
      if (!draft) throw new ApiError('NOT_FOUND', `no policy draft ${params.draftId}`);
      const version = await policies.getVersion(principal.tenant, query.against as string);
      if (!version) throw new ApiError('NOT_FOUND', `no policy version ${query.against}`);
      const before = parsePolicy(version.source, version.fileName).policy;
      const after = parsePolicy(draft.source, draft.fileName).policy;
      if (!before || !after) {
        throw new ApiError('POLICY_INVALID', 'both sides must pass the checker to be compared');
      }
      return c.json({
        from: { id: version._id, policy_id: version.policyId, version: version.version },
        to: { id: draft._id, policy_id: after.document.id, version: after.document.version },
        differences: diffPolicies(before.document, after.document),
      });
    },
  );
}
