import type { Hono } from 'hono';
import { newId } from '../../store/ids.ts';
import { policyStore } from '../../store/policy-store.ts';
import type { ApiContext } from '../api-context.ts';
import { idSchema } from '../api-schemas.ts';
import type { ApiEnv } from '../env.ts';
import { ApiError } from '../errors.ts';
import { checkPolicySource } from '../policy-check.ts';
import { policyVersionJson } from '../policy-version-view.ts';
import { policyVersionSchema } from '../resource-schemas.ts';
import { mountRoute } from '../route.ts';

/**
 * `POST /v1/policy-drafts/{draftId}/publish`: the draft becomes an immutable policy version. Publishing
 * the same content again answers with the existing version; other content under a published
 * (id, version) is refused — change the version instead. The version's hash is then anchored on the
 * organization's anchor topic (workflows/definitions/policy-publication.ts), which is what lets an
 * auditor see that the rules predate the readings judged by them.
 */
export function registerPolicyDraftsPublish(app: Hono<ApiEnv>, ctx: ApiContext): void {
  const policies = policyStore(ctx.db);
  mountRoute(
    app,
    ctx,
    {
      method: 'post',
      path: '/v1/policy-drafts/{draftId}/publish',
      operationId: 'publishPolicyDraft',
      summary: 'Publish a valid draft as an immutable policy version',
      tag: 'Policies',
      auth: 'policy:write',
      params: { draftId: idSchema('pdr') },
      responses: {
        201: { description: 'The new version', schema: policyVersionSchema },
        200: {
          description: 'This content was already published: the existing version',
          schema: policyVersionSchema,
        },
      },
    },
    async (c, { params, principal }) => {
      const draft = await policies.getDraft(principal.tenant, params.draftId!);
      if (!draft) throw new ApiError('NOT_FOUND', `no policy draft ${params.draftId}`);
      const { policy, fields } = checkPolicySource(draft.source, draft.fileName);
      if (!policy || !fields.hash) {
        throw new ApiError('POLICY_INVALID', `the draft has ${fields.problems.length} problem(s)`, {
          extensions: { problems: fields.problems },
        });
      }
      const result = await policies.publish(principal.tenant, {
        _id: newId('pol'),
        policyId: policy.document.id,
        version: policy.document.version,
        title: policy.document.title,
        hash: fields.hash,
        source: draft.source,
        fileName: draft.fileName,
        draftId: draft._id,
        publishedAt: ctx.clock(),
      });
      if ('conflict' in result) {
        throw new ApiError(
          'CONFLICT',
          `${result.conflict.policyId}@${result.conflict.version} is published with other content; bump the version`,
          { extensions: { existing: policyVersionJson(result.conflict) } },
        );
      }
      // Anchoring the version's hash on the ledger is the workflow's (exactly once, outages ridden
      // out). Should Temporal be unreachable the version is kept and a retry of this call answers
      // 200 with it and starts the anchoring then.
      try {
        await ctx.workflows.publishPolicy({
          orgId: principal.tenant.orgId,
          policyVersionId: result.version._id,
        });
      } catch (cause) {
        throw new ApiError(
          'WORKFLOW_UNAVAILABLE',
          `policy version ${result.version._id} is stored, but its ledger anchoring could not be started; retry`,
          { cause },
        );
      }
      return c.json(policyVersionJson(result.version), result.created ? 201 : 200);
    },
  );
}
