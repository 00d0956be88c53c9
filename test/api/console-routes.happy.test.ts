import { readdirSync } from 'node:fs';
import type { Hono } from 'hono';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ApiEnv } from '../../api/env.ts';
import { issuanceStore } from '../../store/issuance-store.ts';
import { readingStore } from '../../store/reading-store.ts';
import { issueTenantScope } from '../../store/tenant-scope.ts';
import {
  type ApiHarness,
  call,
  createKey,
  registerOrganization,
  startApiHarness,
} from './support/api-harness.ts';
import { policySource, setUpProject, telemetry } from './support/fixtures.ts';

const yaml = { 'content-type': 'application/yaml' };

/** The routes the console needed and the API gained: checks, scenario runs, diffs, evidence, filters. */
describe('routes added for the web console', () => {
  let h: ApiHarness;
  let app: Hono<ApiEnv>;
  let org: Awaited<ReturnType<typeof registerOrganization>>;
  let other: Awaited<ReturnType<typeof registerOrganization>>;
  let setup: Awaited<ReturnType<typeof setUpProject>>;

  beforeAll(async () => {
    h = await startApiHarness('console_routes');
    app = h.app();
    org = await registerOrganization(app, 'Workspace Hydro');
    other = await registerOrganization(app, 'Other Hydro');
    setup = await setUpProject(app, org.key);
  }, 120_000);
  afterAll(async () => await h?.close());

  it('checks a policy source without storing it: problems at line:col, diagrams when valid', async () => {
    const valid = await call(app, 'POST', '/v1/policy-checks', {
      key: org.key,
      body: policySource,
      headers: yaml,
    });
    expect(valid.status).toBe(200);
    expect(valid.json).toMatchObject({ valid: true, policy_id: 'hydro-ams-i-d', problems: [] });
    expect(valid.json.workflows.reading_review).toContain('stateDiagram');
    const typo = policySource.replace('    initial: verifying', '    initail: verifying');
    const line = typo.split('\n').findIndex((l) => l.includes('initail')) + 1;
    const bad = await call(app, 'POST', '/v1/policy-checks', { key: org.key, body: typo, headers: yaml });
    expect(bad.json.valid).toBe(false);
    expect(bad.json.workflows).toEqual({});
    expect(bad.json.problems).toContainEqual(expect.objectContaining({ line, col: 5 }));
    for (const body of ['', ':\n  - [', '\u0000', 'a: &x [*x]', 'x'.repeat(300_000)]) {
      const res = await call(app, 'POST', '/v1/policy-checks', { key: org.key, body, headers: yaml });
      expect(res.status).toBe(200);
      expect(res.json.valid).toBe(false);
    }
    const json = await call(app, 'POST', '/v1/policy-checks', { key: org.key, body: { a: 1 } });
    expect(json.status).toBe(415);
    const reader = await createKey(app, org.key, ['readings:read'], 'reader');
    expect(
      (await call(app, 'POST', '/v1/policy-checks', { key: reader.key, body: policySource, headers: yaml }))
        .status,
    ).toBe(403);
  });

  it('runs the shipped fixture scenarios against a draft, pass/fail per expectation', async () => {
    const runs = await call(app, 'POST', `/v1/policy-drafts/${setup.draftId}/scenario-runs`, {
      key: org.key,
    });
    expect(runs.status).toBe(200);
    expect(runs.json.passed).toBe(true);
    expect(runs.json.scenarios.length).toBeGreaterThanOrEqual(10);
    for (const s of runs.json.scenarios) {
      expect(s.expectations.length).toBeGreaterThan(0);
      expect(s.expectations.every((e: { passed: boolean }) => e.passed)).toBe(true);
    }
    // A draft that changes an outcome fails the expectations it breaks, and says which.
    const stricter = policySource
      .replace(/^version: .*$/m, 'version: 9.0.0')
      .replace('P7D: escalated', 'P1D: escalated');
    const draft = await call(app, 'POST', '/v1/policy-drafts', {
      key: org.key,
      body: stricter,
      headers: yaml,
    });
    const changed = await call(app, 'POST', `/v1/policy-drafts/${draft.json.id}/scenario-runs`, {
      key: org.key,
    });
    expect(changed.status).toBe(200);
    expect(typeof changed.json.passed).toBe('boolean');
    const invalid = await call(app, 'POST', '/v1/policy-drafts', {
      key: org.key,
      body: 'id: x\n',
      headers: yaml,
    });
    expect(
      (await call(app, 'POST', `/v1/policy-drafts/${invalid.json.id}/scenario-runs`, { key: org.key }))
        .status,
    ).toBe(409); // POLICY_INVALID: the draft's state forbids it (docs/api: status by cause)
    const unknown = policySource.replace(/^id: .*$/m, 'id: no-such-policy');
    const stray = await call(app, 'POST', '/v1/policy-drafts', {
      key: org.key,
      body: unknown,
      headers: yaml,
    });
    expect(
      (await call(app, 'POST', `/v1/policy-drafts/${stray.json.id}/scenario-runs`, { key: org.key })).status,
    ).toBe(404);
    // Tenants never meet: another organization cannot run this organization's draft.
    expect(
      (await call(app, 'POST', `/v1/policy-drafts/${setup.draftId}/scenario-runs`, { key: other.key }))
        .status,
    ).toBe(404);
  });

  it('diffs a draft against a published version, semantically', async () => {
    const next = policySource.replace(/^version: .*$/m, 'version: 1.1.0  # bumped');
    // Comments and layout are not differences: only the version is.
    const next2 = `# reviewed 2026-06\n\n${next}`;
    const draft = await call(app, 'POST', '/v1/policy-drafts', { key: org.key, body: next2, headers: yaml });
    const diff = await call(
      app,
      'GET',
      `/v1/policy-drafts/${draft.json.id}/diff?against=${setup.policyVersionId}`,
      {
        key: org.key,
      },
    );
    expect(diff.status).toBe(200);
    expect(diff.json.differences).toEqual([
      { path: 'version', kind: 'changed', before: '1.0.0', after: '1.1.0' },
    ]);
    expect((await call(app, 'GET', `/v1/policy-drafts/${draft.json.id}/diff`, { key: org.key })).status).toBe(
      400,
    );
    expect(
      (
        await call(app, 'GET', `/v1/policy-drafts/${draft.json.id}/diff?against=pol_0000000000000000000000`, {
          key: org.key,
        })
      ).status,
    ).toBe(404);
    expect(
      (
        await call(app, 'GET', `/v1/policy-drafts/${draft.json.id}/diff?against=${setup.policyVersionId}`, {
          key: other.key,
        })
      ).status,
    ).toBe(404);
  });

  it('answers a reading with its evidence: the series around it, in canonical units', async () => {
    const ids: string[] = [];
    for (let seq = 1; seq <= 5; seq++) {
      const res = await call(app, 'POST', '/v1/telemetry', {
        key: org.key,
        body: telemetry(setup.device, seq),
      });
      ids.push(res.json.reading_id);
    }
    const ev = await call(app, 'GET', `/v1/readings/${ids[2]}/evidence?window=1`, { key: org.key });
    expect(ev.status).toBe(200);
    expect(ev.json.series.map((p: { id: string }) => p.id)).toEqual(ids.slice(1, 4));
    expect(ev.json.series[1]).toMatchObject({
      energy_kwh: 120.5,
      power_kw: 482,
      flow_m3s: null,
      efficiency: null,
    });
    expect(ev.json.device).toMatchObject({ id: setup.device.id });
    // A gateway replaying its buffer delivers seq 7 before 6: the neighbours are still by seq.
    const late: string[] = [];
    for (const seq of [7, 6]) {
      late.push(
        (await call(app, 'POST', '/v1/telemetry', { key: org.key, body: telemetry(setup.device, seq) })).json
          .reading_id,
      );
    }
    const replayed = await call(app, 'GET', `/v1/readings/${ids[4]}/evidence?window=1`, { key: org.key });
    expect(replayed.json.series.map((p: { id: string }) => p.id)).toEqual([ids[3], ids[4], late[1]]);
    expect(ev.json.reading.document.signature).toBeDefined();
    expect(
      (await call(app, 'GET', `/v1/readings/${ids[2]}/evidence?window=0`, { key: org.key })).status,
    ).toBe(400);
    expect(
      (await call(app, 'GET', `/v1/readings/${ids[2]}/evidence?window=999`, { key: org.key })).status,
    ).toBe(400);
    expect((await call(app, 'GET', `/v1/readings/${ids[2]}/evidence`, { key: other.key })).status).toBe(404);
    expect((await call(app, 'GET', '/v1/readings/rdg_x/evidence', { key: org.key })).status).toBe(404);
  });

  it('filters the review queue and refuses malformed filters', async () => {
    const empty = await call(
      app,
      'GET',
      `/v1/reviews?project_id=${setup.projectId}&rule=physics.efficiency&order=desc`,
      {
        key: org.key,
      },
    );
    expect(empty.status).toBe(200);
    expect(empty.json).toEqual({ data: [], total: 0, next_cursor: null });
    for (const q of [
      'rule=%24where',
      'older_than_hours=-1',
      'order=sideways',
      'sort=name',
      'sort=%24where',
      'device_id=dev_x',
      'limit=100000',
    ]) {
      expect((await call(app, 'GET', `/v1/reviews?${q}`, { key: org.key })).status).toBe(400);
    }
  });

  it('sorts the review queue by a column server-side and pages it without overlap or gap', async () => {
    // Arrival order (submission) differs from measurement order (seq → timestamp) and from review order.
    const seqs = [207, 203, 209, 201, 205];
    const ids: string[] = [];
    for (const seq of seqs) {
      const res = await call(app, 'POST', '/v1/telemetry', {
        key: org.key,
        body: telemetry(setup.device, seq),
      });
      ids.push(res.json.reading_id);
    }
    const verifiedAt = [3, 1, 4, 0, 2].map((m) => new Date(Date.UTC(2026, 1, 21, 0, m)));
    await readingStore(h.mongo.db).setVerdicts(
      issueTenantScope(org.orgId),
      ids.map((id, i) => ({
        id,
        status: 'FLAGGED' as const,
        findings: [{ rule: 'physics.efficiency', severity: 'warning', message: 'implied efficiency high' }],
        at: verifiedAt[i]!,
      })),
    );
    const walk = async (sort: string, order: string) => {
      const seen: string[] = [];
      let cursor: string | null = null;
      do {
        const q = `project_id=${setup.projectId}&sort=${sort}&order=${order}&limit=2${cursor ? `&cursor=${cursor}` : ''}`;
        const page = await call(app, 'GET', `/v1/reviews?${q}`, { key: org.key });
        expect(page.status).toBe(200);
        expect(page.json.total).toBe(5);
        seen.push(...page.json.data.map((r: { id: string }) => r.id));
        cursor = page.json.next_cursor;
      } while (cursor);
      return seen;
    };
    const bySeq = [...ids].sort((a, b) => seqs[ids.indexOf(a)]! - seqs[ids.indexOf(b)]!);
    expect(await walk('timestamp', 'asc')).toEqual(bySeq);
    expect(await walk('timestamp', 'desc')).toEqual([...bySeq].reverse());
    expect(await walk('verified_at', 'asc')).toEqual([ids[3], ids[1], ids[4], ids[0], ids[2]]);
    expect(await walk('received_at', 'desc')).toEqual([...ids].reverse());
    // One device: device_id ties all, so the id (arrival) decides and paging still sees each once.
    expect(await walk('device_id', 'asc')).toEqual(ids);
    const unknown = await call(app, 'GET', `/v1/reviews?sort=timestamp&cursor=rdg_${'0'.repeat(22)}`, {
      key: org.key,
    });
    expect(unknown.status).toBe(404);
    const foreign = await call(app, 'GET', `/v1/reviews?sort=timestamp&cursor=${ids[0]}`, { key: other.key });
    expect(foreign.status).toBe(404);
  });

  it("answers a period's EG per metering scope as the workflow computed it", async () => {
    await issuanceStore(h.mongo.db).upsertPeriod(issueTenantScope(org.orgId), {
      projectId: setup.projectId,
      period: '2026-03',
      status: 'awaiting_approval',
      workflowId: 'period/x',
      updatedAt: new Date(),
      details: {
        egMwh: 3,
        egByScope: [
          { scope: 'unit-1', egMwh: 1, tegMwh: 1.1 },
          { scope: 'unit-2', egMwh: 2, tegMwh: 2 },
        ],
      },
    });
    const one = await call(app, 'GET', `/v1/projects/${setup.projectId}/periods/2026-03`, { key: org.key });
    expect(one.json.eg_by_scope).toEqual([
      { scope: 'unit-1', eg_mwh: 1, teg_mwh: 1.1 },
      { scope: 'unit-2', eg_mwh: 2, teg_mwh: 2 },
    ]);
    const list = await call(app, 'GET', `/v1/projects/${setup.projectId}/periods`, { key: org.key });
    expect(list.json.data.find((p: { period: string }) => p.period === '2026-03').eg_by_scope).toHaveLength(
      2,
    );
  });

  it('lists the shipped edge templates to any signed-in caller and provisions a device with one', async () => {
    const reader = await createKey(app, org.key, ['readings:read'], 'template reader');
    const list = await call(app, 'GET', '/v1/edge-templates', { key: reader.key });
    expect(list.status).toBe(200);
    const names = list.json.data.map((t: { name: string }) => t.name);
    expect(names).toEqual(
      readdirSync('edge/templates')
        .map((f) => f.replace(/\.yaml$/, ''))
        .sort(),
    );
    expect(list.json.data.find((t: { name: string }) => t.name === 'abb-a44')).toMatchObject({
      manufacturer: 'ABB',
      protocol: 'modbus',
      source: { verified: false, manual: expect.stringContaining('ABB A series') },
      sensors: expect.arrayContaining([{ sensor_id: 'a44_export', type: 'energy_export', unit: 'kWh' }]),
    });
    // The same content for every organization; nothing without a credential.
    expect((await call(app, 'GET', '/v1/edge-templates', { key: other.key })).json).toEqual(list.json);
    expect((await app.request('/v1/edge-templates')).status).toBe(401);
    const provision = (template: string) =>
      call(app, 'POST', '/v1/devices/provision', {
        key: org.key,
        body: { project_id: setup.projectId, template },
      });
    const made = await provision('abb-a44');
    expect(made.status).toBe(201);
    expect(made.json.device.template).toBe('abb-a44');
    expect(made.json.pairing.template).toBe('abb-a44');
    expect((await provision('no-such-meter')).status).toBe(404);
    expect((await provision('../../etc/passwd')).status).toBe(400);
  });

  it('filters the audit log by action, actor and outcome', async () => {
    const res = await call(app, 'GET', '/v1/audit?action=createApiKey', { key: org.key });
    expect(res.status).toBe(200);
    expect(res.json.data.length).toBeGreaterThan(0);
    expect(res.json.data.every((r: { action: string }) => r.action === 'createApiKey')).toBe(true);
    const failed = await call(app, 'GET', '/v1/audit?failed=true', { key: org.key });
    expect(failed.json.data.every((r: { status: number }) => r.status >= 400)).toBe(true);
    const byActor = await call(app, 'GET', `/v1/audit?actor=key:${org.keyId}`, { key: org.key });
    expect(byActor.json.data.every((r: { actor: string }) => r.actor === `key:${org.keyId}`)).toBe(true);
    expect((await call(app, 'GET', '/v1/audit?actor=%7B%24ne%3A1%7D', { key: org.key })).status).toBe(400);
    expect((await call(app, 'GET', '/v1/audit?action=a.b', { key: org.key })).status).toBe(400);
  });

  it('verifies a trust chain only with a mirror node configured, and only of its own issuances', async () => {
    const body = { issuance_id: `${setup.projectId}/2026-05` };
    const none = await call(app, 'POST', '/v1/trust-chain-verifications', { key: org.key, body });
    expect(none.status).toBe(503);
    const withMirror = h.app({ mirrorUrl: 'http://127.0.0.1:9' });
    expect(
      (await call(withMirror, 'POST', '/v1/trust-chain-verifications', { key: org.key, body })).status,
    ).toBe(404);
    const trusting = { ...body, authorities: ['did:key:z6MkhaXgBZDvotDkL5257faiztiGiC2QtKLGpbnnEGta2doK'] };
    expect(
      (await call(withMirror, 'POST', '/v1/trust-chain-verifications', { key: org.key, body: trusting }))
        .status,
    ).toBe(404);
    expect(
      (
        await call(withMirror, 'POST', '/v1/trust-chain-verifications', {
          key: org.key,
          body: { token_id: '0.0.1' },
        })
      ).status,
    ).toBe(404);
    for (const bad of [
      {},
      { issuance_id: 'x' },
      { token_id: '1.2' },
      { issuance_id: body.issuance_id, token_id: '0.0.1' },
      { ...body, authorities: 'did:key:z6Mk' },
      { ...body, authorities: ['not a did'] },
      { ...body, authorities: ['did:key:z6Mk', 'did:key:z6Mk'] },
      { ...body, authorities: Array.from({ length: 11 }, (_, i) => `did:key:z${i}`) },
    ]) {
      expect(
        (await call(withMirror, 'POST', '/v1/trust-chain-verifications', { key: org.key, body: bad })).status,
      ).toBe(400);
    }
  });

  it('documents every new route in OpenAPI with a unique operationId, a tag and examples', async () => {
    const doc = (await call(app, 'GET', '/openapi.json')).json;
    const ops = Object.values(
      doc.paths as Record<string, Record<string, { operationId: string; tags: string[] }>>,
    ).flatMap((p) => Object.values(p));
    const ids = ops.map((o) => o.operationId);
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of [
      'createConsoleSession',
      'getConsoleSession',
      'deleteConsoleSession',
      'checkPolicySource',
      'runPolicyDraftScenarios',
      'diffPolicyDraft',
      'getReadingEvidence',
      'verifyTrustChain',
    ]) {
      const op = ops.find((o) => o.operationId === id) as unknown as {
        tags: string[];
        responses: Record<string, { content?: Record<string, { schema?: { $ref?: string } }> }>;
      };
      expect(op, id).toBeDefined();
      expect(op.tags.length).toBe(1);
      const ok = Object.entries(op.responses).find(([s]) => s.startsWith('2'))![1];
      const schema = Object.values(ok.content ?? {})[0]?.schema;
      if (id === 'deleteConsoleSession') expect(ok.content, 'a 204 has no body').toBeUndefined();
      else {
        // A named component (issue 20's document style) with examples of its own.
        expect(schema?.$ref, id).toMatch(/^#\/components\/schemas\/[A-Z]\w+$/);
        const component = doc.components.schemas[schema!.$ref!.split('/').pop()!] as { examples?: unknown[] };
        expect(component.examples?.length, id).toBeGreaterThan(0);
      }
    }
  });
});
