import { type ServerType, serve } from '@hono/node-server';
import type { Hono } from 'hono';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ApiEnv } from '../../api/env.ts';
import { issuanceStore } from '../../store/issuance-store.ts';
import { publicDocumentStore } from '../../store/public-document-store.ts';
import { issueTenantScope } from '../../store/tenant-scope.ts';
import { type ApiHarness, call, registerOrganization, startApiHarness } from './support/api-harness.ts';

/**
 * The public, content-addressed document route: a bundle by the hash its mint's memo leads to on
 * the ledger, for an auditor without any credential of ours.
 */
describe('GET /v1/public/documents/{hash}', () => {
  let h: ApiHarness;
  let app: Hono<ApiEnv>;
  const root = 'a1'.repeat(32);
  const unpublishedRoot = 'b2'.repeat(32);
  const bundle = JSON.stringify({ presentation: { type: ['VerifiablePresentation'] }, marker: 'ünïcode ✓' });
  let orgId: string;

  beforeAll(async () => {
    h = await startApiHarness('public_documents');
    app = h.app();
    orgId = (await registerOrganization(app, 'Public Hydro')).orgId;
    const scope = issueTenantScope(orgId);
    const issuance = (id: string, trustChainJson?: string) =>
      issuanceStore(h.mongo.db).upsertIssuance(scope, {
        _id: id,
        projectId: id.split('/')[0]!,
        period: '2026-02',
        status: 'issued',
        ...(trustChainJson ? { trustChainJson } : {}),
        updatedAt: new Date(),
      });
    await issuance(`prj_${'p'.repeat(22)}/2026-02`, bundle);
    // Published, but its bundle is not stored (yet): absent, not an error.
    await issuance(`prj_${'q'.repeat(22)}/2026-02`);
    const store = publicDocumentStore(h.mongo.db);
    expect(await store.publish(scope, root, `prj_${'p'.repeat(22)}/2026-02`, new Date())).toBe(true);
    expect(await store.publish(scope, unpublishedRoot, `prj_${'q'.repeat(22)}/2026-02`, new Date())).toBe(
      true,
    );
  }, 120_000);
  afterAll(async () => await h?.close());

  it('serves the stored bundle byte for byte, without a credential, cacheable by its hash', async () => {
    const res = await call(app, 'GET', `/v1/public/documents/${root}`);
    expect(res.status).toBe(200);
    expect(res.text).toBe(bundle);
    expect(res.headers.get('content-type')).toMatch(/^application\/json/);
    expect(res.headers.get('etag')).toBe(`"${root}"`);
    expect(res.headers.get('cache-control')).toContain('public');
  });

  it('answers 404 problem+json for a hash nobody published, or whose bundle is not stored', async () => {
    for (const hash of ['c3'.repeat(32), unpublishedRoot]) {
      const res = await call(app, 'GET', `/v1/public/documents/${hash}`);
      expect(res.status).toBe(404);
      expect(res.headers.get('content-type')).toMatch(/problem\+json/);
      expect(res.json.detail).toContain(hash);
    }
  });

  it('answers what is not a lower-case SHA-256 hex as a hash nobody published (404), other methods 405', async () => {
    const bad = [
      root.toUpperCase(),
      root.slice(1),
      `${root}0`,
      'z'.repeat(64),
      encodeURIComponent('{"$ne":null}'),
      '..%2F..%2Fetc%2Fpasswd',
      'f'.repeat(20_000),
    ];
    for (const hash of bad) {
      const res = await call(app, 'GET', `/v1/public/documents/${hash}`);
      // As everywhere in the API, an id that cannot name anything reads as a missing resource.
      expect(res.status, hash.slice(0, 40)).toBe(404);
      expect(res.headers.get('content-type')).toMatch(/problem\+json/);
    }
    const post = await call(app, 'POST', `/v1/public/documents/${root}`, { body: {} });
    expect(post.status).toBe(405);
  });

  it('keeps a published hash pointing where it was first published', async () => {
    const other = issueTenantScope((await registerOrganization(app, 'Squatter Hydro')).orgId);
    const store = publicDocumentStore(h.mongo.db);
    expect(await store.publish(other, root, `prj_${'s'.repeat(22)}/2026-02`, new Date())).toBe(false);
    // Publishing the same issuance again (a retried activity) is harmless.
    expect(
      await store.publish(issueTenantScope(orgId), root, `prj_${'p'.repeat(22)}/2026-02`, new Date()),
    ).toBe(true);
    expect(await store.locate(root)).toEqual({ orgId, issuanceId: `prj_${'p'.repeat(22)}/2026-02` });
    expect((await call(app, 'GET', `/v1/public/documents/${root}`)).text).toBe(bundle);
    await expect(store.publish(other, 'not-a-hash', 'x', new Date())).rejects.toThrow(TypeError);
  });

  it('limits reads per client address and minute (429 with Retry-After), other addresses unaffected', async () => {
    let nowMs = Date.parse('2026-12-03T10:00:30Z');
    const limited = h.app({ limits: { publicReadsPerMinute: 3 }, clock: () => new Date(nowMs) });
    const server = await new Promise<ServerType>((resolve) => {
      const s = serve({ fetch: limited.fetch, hostname: '127.0.0.1', port: 0 }, () => resolve(s));
    });
    try {
      const address = server.address();
      const url = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
      const overTcp = async (hash: string) => await fetch(`${url}/v1/public/documents/${hash}`);
      // Unknown hashes count too: a scan for hashes is what the limit is for.
      expect((await overTcp(root)).status).toBe(200);
      expect((await overTcp('c3'.repeat(32))).status).toBe(404);
      expect((await overTcp(root)).status).toBe(200);
      const refused = await overTcp(root);
      expect(refused.status).toBe(429);
      expect(refused.headers.get('retry-after')).toBe('30');
      expect(refused.headers.get('content-type')).toMatch(/problem\+json/);
      expect(((await refused.json()) as { detail: string }).detail).toMatch(/3 public documents per minute/);
      // Another address (here: in-process requests) keeps its own budget.
      expect((await call(limited, 'GET', `/v1/public/documents/${root}`)).status).toBe(200);
      // The next minute opens a new window.
      nowMs += 30_000;
      expect((await overTcp(root)).status).toBe(200);
    } finally {
      await new Promise<void>((resolve) => server.close(() => resolve()));
    }
  });
});
