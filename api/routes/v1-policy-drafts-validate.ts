import type { Hono } from 'hono';
import { policyStore } from '../../store/policy-store.ts';
import type { ApiContext } from '../api-context.ts';
import { idSchema } from '../api-schemas.ts';
import type { ApiEnv } from '../env.ts';
import { ApiError } from '../errors.ts';
import { checkPolicySource, policyDraftJson } from '../policy-check.ts';
import { policyDraftSchema } from '../resource-schemas.ts';
import { mountRoute } from '../route.ts';

/** `POST /v1/policy-drafts/{draftId}/validate`: checks the draft again (the checker may have grown). */
export function registerPolicyDraftsValidate(app: Hono<ApiEnv>, ctx: ApiContext): void {
  const policies = policyStore(ctx.db);
  mountRoute(
    app,
    ctx,
    {
      method: 'post',
      path: '/v1/policy-drafts/{draftId}/validate',
      operationId: 'validatePolicyDraft',
      summary: 'Validate a policy draft (every problem, with line and column)',
      tag: 'Policies',
      auth: 'policy:write',
      params: { draftId: idSchema('pdr') },
      responses: { 200: { description: 'The check result', schema: policyDraftSchema } },
    },
    async (c, { params, principal }) => {
      const draft = await policies.getDraft(principal.tenant, params.draftId!);
      if (!draft) throw new ApiError('NOT_FOUND', `no policy draft ${params.draftId}`);
      const { fields } = checkPolicySource(draft.source, draft.fileName);
      const updated = await policies.updateDraftCheck(principal.tenant, draft._id, {
        ...fields,
        checkedAt: ctx.clock(),
      });
      return c.json(policyDraftJson(updated ?? draft));
    },
  );
}
