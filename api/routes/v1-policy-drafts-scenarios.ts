import type { Hono } from 'hono';
import { policyStore } from '../../store/policy-store.ts';
import type { ApiContext } from '../api-context.ts';
import { idSchema } from '../api-schemas.ts';
import type { ApiEnv } from '../env.ts';
import { ApiError } from '../errors.ts';
import { checkPolicySource } from '../policy-check.ts';
import { runShippedFixtures } from '../policy-fixtures.ts';
import { scenarioRunsSchema } from '../policy-workspace-schemas.ts';
import { mountRoute } from '../route.ts';

/**
 * `POST /v1/policy-drafts/{draftId}/scenario-runs`: runs the fixture scenarios shipped for the draft's
 * policy id (policies/fixtures/<id>/) against the draft, offline, through the service's own engine.
 */
export function registerPolicyDraftsScenarios(app: Hono<ApiEnv>, ctx: ApiContext): void {
  const policies = policyStore(ctx.db);
  mountRoute(
    app,
    ctx,
    {
      method: 'post',
      path: '/v1/policy-drafts/{draftId}/scenario-runs',
      operationId: 'runPolicyDraftScenarios',
      summary: "Run the policy's fixture scenarios against a draft (pass/fail per expectation)",
      tag: 'Policies',
      auth: 'policy:write',
      params: { draftId: idSchema('pdr') },
      responses: { 200: { description: 'One result per scenario', schema: scenarioRunsSchema } },
    },
    async (c, { params, principal }) => {
      const draft = await policies.getDraft(principal.tenant, params.draftId!);
      if (!draft) throw new ApiError('NOT_FOUND', `no policy draft ${params.draftId}`);
      const { policy } = checkPolicySource(draft.source, draft.fileName);
      if (!policy)
        throw new ApiError('POLICY_INVALID', 'the draft has problems: fix them before running scenarios');
      const scenarios = runShippedFixtures(policy, policy.document.id);
      if (!scenarios) {
        throw new ApiError('NOT_FOUND', `no fixture scenarios ship for policy id '${policy.document.id}'`);
      }
      return c.json({
        draft_id: draft._id,
        policy_id: policy.document.id,
        passed: scenarios.every((s) => s.passed),
        scenarios,
      });
    },
  );
}
