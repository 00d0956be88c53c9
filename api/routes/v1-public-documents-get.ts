import type { Hono } from 'hono';
import { issuanceStore } from '../../store/issuance-store.ts';
import { publicDocumentStore } from '../../store/public-document-store.ts';
import type { ApiContext } from '../api-context.ts';
import type { ApiEnv } from '../env.ts';
import { ApiError } from '../errors.ts';
import { createPublicReadLimiter } from '../middleware/public-read-limit.ts';
import { trustChainSchema } from '../resource-schemas.ts';
import { mountRoute } from '../route.ts';

const documentHashSchema = {
  type: 'string',
  pattern: '^[0-9a-f]{64}$',
  description:
    "the Merkle root (lower-case hex SHA-256) of an issuance's report anchor, as the mint's memo names it on the ledger",
  examples: ['9f2c4e1b7a0d3c5e8f6a2b4d1c3e5f7a9b0c2d4e6f8a1b3c5d7e9f0a2b4c6d8e'],
};

/**
 * `GET /v1/public/documents/{hash}`: an issuance's trust-chain bundle by the hash anchored on the
 * ledger, for anyone. An auditor starting from a token id (`mrv chain verify --token … --documents
 * <API>/v1/public/documents`) reads the hash on the mirror node and trusts the bytes served here
 * only because the bundle's report must hash to it — so no credential is asked for.
 */
export function registerPublicDocumentsGet(app: Hono<ApiEnv>, ctx: ApiContext): void {
  const published = publicDocumentStore(ctx.db);
  const issuances = issuanceStore(ctx.db);
  // Unauthenticated, and a bundle can be megabytes: limited per address before any database read.
  const limitReads = createPublicReadLimiter({
    perMinute: ctx.limits.publicReadsPerMinute,
    clock: ctx.clock,
  });
  mountRoute(
    app,
    ctx,
    {
      method: 'get',
      path: '/v1/public/documents/{hash}',
      operationId: 'getPublicDocument',
      summary: 'A trust-chain bundle by its anchored hash (public)',
      description:
        "Content-addressed: `hash` is the Merkle root of the issuance's report anchor on HCS. Verify the bundle against the ledger (`mrv chain verify --token`); nothing in it is to be trusted otherwise.",
      tag: 'Periods and issuance',
      auth: 'public',
      params: { hash: documentHashSchema },
      responses: { 200: { description: 'The bundle', schema: trustChainSchema } },
      limitedPerAddress: true,
    },
    async (c, { params }) => {
      limitReads(c);
      const hash = params.hash!;
      const located = await published.locate(hash);
      const issuance =
        located && (await issuances.getIssuance(ctx.auth.operatorScope(located.orgId), located.issuanceId));
      if (!issuance?.trustChainJson)
        throw new ApiError('NOT_FOUND', `no document published with hash ${hash}`);
      return c.body(issuance.trustChainJson, 200, {
        'content-type': 'application/json',
        etag: `"${hash}"`,
        'cache-control': 'public, max-age=300',
      });
    },
  );
}
