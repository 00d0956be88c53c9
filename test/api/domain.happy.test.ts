import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readingStore } from '../../store/reading-store.ts';
import { issueTenantScope } from '../../store/tenant-scope.ts';
import { type ApiHarness, call, registerOrganization, startApiHarness } from './support/api-harness.ts';
import { setUpProject, telemetry } from './support/fixtures.ts';

describe('policies → project → device → telemetry → readings', () => {
  let h: ApiHarness;
  let org: { key: string; orgId: string };
  let setup: Awaited<ReturnType<typeof setUpProject>>;
  beforeAll(async () => {
    h = await startApiHarness('domain_happy');
    org = await registerOrganization(h.app());
    setup = await setUpProject(h.app(), org.key);
  });
  afterAll(async () => await h?.close());

  it('publishes a policy once: the same content again returns the same version', async () => {
    const again = await call(h.app(), 'POST', `/v1/policy-drafts/${setup.draftId}/publish`, { key: org.key });
    expect(again.status).toBe(200);
    expect(again.json.id).toBe(setup.policyVersionId);
    const list = await call(h.app(), 'GET', '/v1/policies', { key: org.key });
    expect(list.json.data).toHaveLength(1);
    expect(list.json.data[0].hash).toMatch(/^[0-9a-f]{64}$/);
  });

  it('serves the policy source and its workflows as Mermaid', async () => {
    const got = await call(h.app(), 'GET', `/v1/policies/${setup.policyVersionId}`, { key: org.key });
    expect(got.json.source).toContain('language:');
    const graph = await call(h.app(), 'GET', `/v1/policies/${setup.policyVersionId}/graph`, { key: org.key });
    expect(graph.status).toBe(200);
    expect(Object.values(graph.json.workflows).join('\n')).toContain('stateDiagram');
  });

  it('hands out a provisioned device key once, with a pairing QR code', async () => {
    expect(setup.device.did).toMatch(/^did:key:z6Mk/);
    expect(setup.device.response.pairing_qr_png).toMatch(/^data:image\/png;base64,/);
    const got = await call(h.app(), 'GET', `/v1/devices/${setup.device.id}`, { key: org.key });
    expect(got.json).toMatchObject({ did: setup.device.did, status: 'active', origin: 'provisioned' });
    expect(got.text).not.toContain(setup.device.response.pairing.private_key_jwk.d);
    const png = await h.app().request(`/v1/devices/${setup.device.id}/pairing?format=png`, {
      headers: { authorization: `Bearer ${org.key}` },
    });
    expect(png.headers.get('content-type')).toBe('image/png');
    expect(
      Buffer.from(await png.arrayBuffer())
        .subarray(1, 4)
        .toString(),
    ).toBe('PNG');
  });

  it('accepts a signed document with 202, durably, and answers a resubmission with the original reading', async () => {
    const doc = telemetry(setup.device, 1);
    const first = await call(h.app(), 'POST', '/v1/telemetry', { key: org.key, body: doc });
    expect(first.status).toBe(202);
    expect(first.json).toMatchObject({ status: 'accepted', device_id: setup.device.id, seq: 1 });
    const stored = await readingStore(h.mongo.db).get(issueTenantScope(org.orgId), first.json.reading_id);
    expect(stored?.status).toBe('RECEIVED');
    const again = await call(h.app(), 'POST', '/v1/telemetry', { key: org.key, body: doc });
    expect(again.status).toBe(202);
    expect(again.json).toMatchObject({ status: 'duplicate', reading_id: first.json.reading_id });
  });

  it('signals the device workflow (started by the signal) with the reading ids', async () => {
    const res = await call(h.app(), 'POST', '/v1/telemetry', {
      key: org.key,
      body: telemetry(setup.device, 2),
    });
    const { Connection, Client } = await import('@temporalio/client');
    const { temporalAddress } = await import('../support/services.ts');
    const connection = await Connection.connect({ address: temporalAddress() });
    try {
      const client = new Client({ connection });
      const wf = client.workflow.getHandle(`device/${org.orgId}/${setup.device.id}`);
      const history = await wf.fetchHistory();
      const signals = (history.events ?? []).filter((e) => e.workflowExecutionSignaledEventAttributes);
      const payloads = JSON.stringify(
        signals.map((s) => s.workflowExecutionSignaledEventAttributes?.signalName),
      );
      expect(payloads).toContain('readingsAccepted');
      const description = await wf.describe();
      expect(description.type).toBe('deviceLifecycleWorkflow');
      expect(res.json.reading_id).toMatch(/^rdg_/);
      await wf.terminate('test done');
    } finally {
      await connection.close();
    }
  });

  it('takes a batch with a per-document outcome', async () => {
    const good = telemetry(setup.device, 10);
    const forged = { ...telemetry(setup.device, 11), seq: 12 };
    const res = await call(h.app(), 'POST', '/v1/telemetry', {
      key: org.key,
      body: { documents: [good, forged, { nonsense: true }, good] },
    });
    expect(res.status).toBe(202);
    expect(res.json).toMatchObject({ accepted: 1, duplicates: 1, rejected: 2 });
    expect(res.json.results.map((r: { status: string }) => r.status)).toEqual([
      'accepted',
      'rejected',
      'rejected',
      'duplicate',
    ]);
    expect(res.json.results[1].reason).toBe('signature');
    expect(res.json.results[2].reason).toBe('schema');
  });

  it('lists readings with filters and a cursor, and shows one with its document', async () => {
    for (let seq = 20; seq < 25; seq++) {
      await call(h.app(), 'POST', '/v1/telemetry', { key: org.key, body: telemetry(setup.device, seq) });
    }
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const q: string = cursor ? `&cursor=${cursor}` : '';
      const page = await call(h.app(), 'GET', `/v1/readings?limit=3&device_id=${setup.device.id}${q}`, {
        key: org.key,
      });
      expect(page.status).toBe(200);
      seen.push(...page.json.data.map((r: { id: string }) => r.id));
      cursor = page.json.next_cursor;
    } while (cursor);
    expect(new Set(seen).size).toBe(seen.length);
    expect(seen.length).toBeGreaterThanOrEqual(8);
    const one = await call(h.app(), 'GET', `/v1/readings/${seen[0]}`, { key: org.key });
    expect(one.json.document.device_id).toBe(setup.device.did);
    expect(one.json.findings).toEqual([]);
  });

  it('queues FLAGGED readings for review and refuses decisions on readings that are not flagged', async () => {
    const res = await call(h.app(), 'POST', '/v1/telemetry', {
      key: org.key,
      body: telemetry(setup.device, 30),
    });
    const tenant = issueTenantScope(org.orgId);
    await readingStore(h.mongo.db).setVerdict(tenant, res.json.reading_id, {
      status: 'FLAGGED',
      findings: [
        { rule: 'physics.efficiency', severity: 'warning', message: 'implied efficiency 0.99 above 0.95' },
      ],
      at: new Date(),
    });
    const queue = await call(h.app(), 'GET', '/v1/reviews', { key: org.key });
    expect(queue.json.data.map((r: { id: string }) => r.id)).toContain(res.json.reading_id);
    expect(queue.json.data[0].findings[0].rule).toBe('physics.efficiency');
    const other = await call(h.app(), 'POST', '/v1/telemetry', {
      key: org.key,
      body: telemetry(setup.device, 31),
    });
    const refused = await call(h.app(), 'POST', `/v1/reviews/${other.json.reading_id}/decision`, {
      key: org.key,
      body: { decision: 'approve', reason: 'looks fine' },
    });
    expect(refused.status).toBe(409);
  });

  it('starts issuance when a period is closed', async () => {
    const res = await call(h.app(), 'POST', `/v1/projects/${setup.projectId}/periods/2026-02/close`, {
      key: org.key,
    });
    expect(res.status).toBe(202);
    expect(res.json.workflow_id).toBe(`period/${org.orgId}/${setup.projectId}/2026-02`);
  });

  it('records every mutating request in a verifiable audit chain', async () => {
    const { verifyAuditChain } = await import('../../store/audit-chain.ts');
    const { auditLogStore } = await import('../../store/audit-log-store.ts');
    const audit = auditLogStore(h.mongo.db);
    const records = [];
    for await (const r of audit.chain(org.orgId)) records.push(r);
    expect(records.map((r) => r.action)).toEqual(
      expect.arrayContaining(['uploadPolicyDraft', 'submitTelemetry', 'closePeriod']),
    );
    expect(verifyAuditChain(records, await audit.head(org.orgId))).toEqual([]);
  });
});
