import type { Hono } from 'hono';
import type { TrustChainBundle } from '../../identity/trust-chain-bundle.ts';
import { verifyTrustChain } from '../../identity/verify-trust-chain.ts';
import { issuanceStore } from '../../store/issuance-store.ts';
import type { ApiContext } from '../api-context.ts';
import type { ApiEnv } from '../env.ts';
import { ApiError } from '../errors.ts';
import { namedSchema } from '../openapi/named-schema.ts';
import { issuanceIdSchema } from '../period-schema.ts';
import { mountRoute } from '../route.ts';
import type { JsonSchema } from '../schema-validator.ts';
import { chainTree } from '../trust-chain-tree.ts';

const MIRROR_TIMEOUT_MS = 15_000;

/** The auditor's own choice of whom to trust to name registries and verifiers (never the issuer's). */
const authorities: JsonSchema = {
  type: 'array',
  items: { type: 'string', pattern: '^did:[a-z0-9]+:[A-Za-z0-9._:%-]{1,200}$' },
  maxItems: 10,
  uniqueItems: true,
  description: 'DIDs of accreditation authorities the auditor trusts (`mrv chain verify --authority`)',
};

const linkSchema: JsonSchema = namedSchema('ChainLink', {
  type: 'object',
  properties: {
    name: { type: 'string' },
    status: { enum: ['PASS', 'FAIL'] },
    reason: { type: 'string' },
    document_index: {
      type: 'integer',
      description: 'The bundle document (e.g. a reading) the link is about',
    },
    device_id: { type: 'string', description: 'The device (DID) whose readings the link is about' },
    children: { type: 'array', description: 'The checks this link is made of, as links' },
  },
  required: ['name', 'status', 'reason', 'children'],
});
// A tree: each link's children are links. The cycle is by identity, so the OpenAPI document shows
// it as a `$ref` to the one ChainLink component (api/openapi/schema-components.ts).
(linkSchema.properties as Record<string, JsonSchema>).children!.items = linkSchema;

const verificationSchema: JsonSchema = namedSchema('TrustChainVerification', {
  type: 'object',
  properties: {
    issuance_id: { type: 'string' },
    token_id: { type: ['string', 'null'] },
    valid: { type: 'boolean' },
    verified_at: { type: 'string', format: 'date-time' },
    mirror_url: { type: 'string' },
    links: { type: 'array', items: linkSchema },
  },
  required: ['issuance_id', 'token_id', 'valid', 'verified_at', 'mirror_url', 'links'],
  examples: [
    {
      issuance_id: 'prj_4fQ8GZc1Xk3mRr0pLs9TbW/2026-05',
      token_id: '0.0.1001',
      valid: true,
      verified_at: '2026-06-01T10:00:00.000Z',
      mirror_url: 'http://127.0.0.1:5551',
      links: [
        {
          name: 'presentation',
          status: 'PASS',
          reason: '2 checks passed',
          children: [{ name: 'signature', status: 'PASS', reason: 'verified', children: [] }],
        },
      ],
    },
  ],
});

/**
 * `POST /v1/trust-chain-verifications`: runs the auditor's chain verifier (the same code as
 * `mrv chain verify`) on an issuance's bundle against the mirror node, and answers the result as a
 * tree of links. It proves nothing an auditor could not recompute offline; it saves them the CLI.
 */
export function registerTrustChainVerifications(app: Hono<ApiEnv>, ctx: ApiContext): void {
  const issuances = issuanceStore(ctx.db);
  mountRoute<{ issuance_id?: string; token_id?: string; authorities?: string[] }>(
    app,
    ctx,
    {
      method: 'post',
      path: '/v1/trust-chain-verifications',
      operationId: 'verifyTrustChain',
      summary: "Verify an issuance's trust chain against the mirror node (tree of PASS/FAIL links)",
      tag: 'Periods and issuance',
      auth: 'readings:read',
      body: {
        kind: 'json',
        schema: {
          title: 'TrustChainVerificationRequest',
          oneOf: [
            namedSchema('TrustChainVerificationByIssuance', {
              type: 'object',
              properties: { issuance_id: issuanceIdSchema, authorities },
              required: ['issuance_id'],
              additionalProperties: false,
            }),
            namedSchema('TrustChainVerificationByToken', {
              type: 'object',
              properties: {
                token_id: { type: 'string', pattern: '^\\d{1,10}\\.\\d{1,10}\\.\\d{1,19}$' },
                authorities,
              },
              required: ['token_id'],
              additionalProperties: false,
            }),
          ],
          examples: [
            {
              token_id: '0.0.1001',
              authorities: ['did:key:z6MkhaXgBZDvotDkL5257faiztiGiC2QtKLGpbnnEGta2doK'],
            },
          ],
        },
      },
      responses: { 200: { description: 'The verification result', schema: verificationSchema } },
    },
    async (c, { body, principal }) => {
      if (!ctx.mirrorUrl)
        throw new ApiError('MIRROR_UNAVAILABLE', 'no mirror node is configured (HEDERA_MIRROR_URL)');
      // The list leaves the (large) bundles out: the token's issuance is then read whole by id.
      const id =
        body.issuance_id ??
        (await issuances.listIssuances(principal.tenant)).find((i) => i.tokenId === body.token_id)?._id;
      const issuance = id ? await issuances.getIssuance(principal.tenant, id) : null;
      if (!issuance)
        throw new ApiError('NOT_FOUND', `no issuance ${body.issuance_id ?? `of token ${body.token_id}`}`);
      if (!issuance.trustChainJson)
        throw new ApiError('INVALID_STATE', 'the trust chain is not complete yet');
      const bundle = JSON.parse(issuance.trustChainJson) as TrustChainBundle;
      const verdict = await verifyTrustChain({
        bundle,
        mirrorUrl: ctx.mirrorUrl,
        fetch: (url) => fetch(url, { signal: AbortSignal.timeout(MIRROR_TIMEOUT_MS) }),
        now: ctx.clock().toISOString(),
        ...(body.authorities ? { authorities: body.authorities } : {}),
      });
      return c.json({
        issuance_id: issuance._id,
        token_id: issuance.tokenId ?? null,
        valid: verdict.valid,
        verified_at: ctx.clock().toISOString(),
        mirror_url: ctx.mirrorUrl,
        links: chainTree(verdict.checks, Array.isArray(bundle.documents) ? bundle.documents : []),
      });
    },
  );
}
