import type { Hono } from 'hono';
import { anchorBatchStore, policyPublicationBatchId } from '../../store/anchor-batch-store.ts';
import { policyStore } from '../../store/policy-store.ts';
import type { ApiContext } from '../api-context.ts';
import { idSchema } from '../api-schemas.ts';
import type { ApiEnv } from '../env.ts';
import { ApiError } from '../errors.ts';
import { policyVersionJson } from '../policy-version-view.ts';
import { policyVersionSchema } from '../resource-schemas.ts';
import { mountRoute } from '../route.ts';

/** `GET /v1/policies/{policyVersionId}`: one published version with its source and ledger anchor. */
export function registerPoliciesGet(app: Hono<ApiEnv>, ctx: ApiContext): void {
  const policies = policyStore(ctx.db);
  const batches = anchorBatchStore(ctx.db);
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
      // Absent until the publication workflow has anchored it (POST …/publish starts that).
      const anchor = await batches.get(principal.tenant, policyPublicationBatchId(version._id));
      return c.json({
        ...policyVersionJson(version),
        source: version.source,
        ...(anchor
          ? {
              ledger_anchor: {
                topic_id: anchor.topicId,
                sequence_number: anchor.sequenceNumber,
                consensus_timestamp: anchor.consensusTimestamp,
                root: anchor.root,
              },
            }
          : {}),
      });
    },
  );
}
