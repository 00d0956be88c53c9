import type { Hono } from 'hono';
import { policyStore } from '../../store/policy-store.ts';
import type { ApiContext } from '../api-context.ts';
import { idSchema } from '../api-schemas.ts';
import type { ApiEnv } from '../env.ts';
import { ApiError } from '../errors.ts';
import { policyDraftJson } from '../policy-check.ts';
import { policyDraftSchema } from '../resource-schemas.ts';
import { mountRoute } from '../route.ts';

/** `GET /v1/policy-drafts/{draftId}`: a draft, its source and its last check. */
export function registerPolicyDraftsGet(app: Hono<ApiEnv>, ctx: ApiContext): void {
  const policies = policyStore(ctx.db);
  mountRoute(
    app,
    ctx,
    {
      method: 'get',
      path: '/v1/policy-drafts/{draftId}',
      operationId: 'getPolicyDraft',
      summary: 'Get a policy draft',
      tag: 'Policies',
      auth: 'any',
      params: { draftId: idSchema('pdr') },
      responses: { 200: { description: 'The draft', schema: policyDraftSchema } },
    },
    async (c, { params, principal }) => {
      const draft = await policies.getDraft(principal.tenant, params.draftId!);
      if (!draft) throw new ApiError('NOT_FOUND', `no policy draft ${params.draftId}`);
      return c.json({ ...policyDraftJson(draft), source: draft.source });
    },
  );
}
