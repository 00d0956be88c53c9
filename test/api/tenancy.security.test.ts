import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { KeyStore } from '../../identity/key-store.ts';
import { issuanceStore } from '../../store/issuance-store.ts';
import { readingStore } from '../../store/reading-store.ts';
import { issueTenantScope } from '../../store/tenant-scope.ts';
import { csrFor, gatewayKey } from './pki/pki-fixtures.ts';
import {
  type ApiHarness,
  call,
  createKey,
  registerOrganization,
  startApiHarness,
  throwawayKeyStore,
} from './support/api-harness.ts';
import { setUpProject, telemetry } from './support/fixtures.ts';

/** Routes that hold no tenant data, or create a new tenant: nothing of A's to reach. */
const systemRoutes = new Set([
  'GET /healthz',
  'GET /readyz',
  'POST /v1/organizations',
  'POST /oauth/token',
  'GET /.well-known/jwks.json',
  'GET /openapi.json',
  'GET /schemas/:file',
  'GET /docs',
  'GET /docs/init.js',
  'GET /docs/assets/:file',
  'POST /v1/selftest',
  'GET /v1/selftest/:id',
  // The operator's Prometheus scrape: it names every organization, so it is served without tenant
  // auth and must be blocked at the ingress (docs/api/README.md, docs/observability.md).
  'GET /metrics',
  // The web console's built files: the same for everyone, no tenant data.
  'GET /console/assets/:file',
  // Trust-chain bundles an organization published for every auditor, by the hash anchored on the
  // ledger (test/api/public-documents.test.ts): public by design, like the ledger itself.
  'GET /v1/public/documents/:hash',
]);

/** A valid query where a route requires one (again so that a 400 cannot hide the 404). */
const validQueries: Record<string, (ids: Record<string, string>) => string> = {
  '/v1/policy-drafts/:draftId/diff': (ids) => `?against=${encodeURIComponent(ids.policyVersionId!)}`,
};

/** A valid body where a route requires one, so the 404 cannot hide behind a 400. */
const validBodies: Record<string, unknown> = {
  '/v1/reviews/:readingId/decision': { decision: 'approve', reason: 'probe' },
  '/v1/projects/:projectId/periods/:period/decision': { decision: 'approve', reason: 'probe' },
  '/v1/devices/:deviceId/suspend': { reason: 'probe' },
  '/v1/devices/:deviceId/reject': { reason: 'probe' },
  '/v1/gateways/:gatewayId/suspend': { reason: 'probe' },
  '/v1/gateways/:gatewayId/decommission': { reason: 'probe' },
  '/v1/pki/certificates/:sha256/revoke': { reason: 'probe' },
  '/v1/projects/:projectId/registrations': { effective_from: '2026-01-01T00:00:00Z' },
};

describe('tenant isolation over every route', () => {
  let h: ApiHarness;
  let a: { key: string; orgId: string; keyId: string };
  let b: { key: string; orgId: string };
  const ids: Record<string, string> = {};
  const secrets: string[] = [];
  let keyStore: KeyStore;

  beforeAll(async () => {
    h = await startApiHarness('tenancy');
    keyStore = await throwawayKeyStore(h.mongo.db);
    const app = h.app({ keyStore });
    a = await registerOrganization(app, 'Org A');
    b = await registerOrganization(app, 'Org B');
    const setup = await setUpProject(app, a.key);
    const submitted = await call(app, 'POST', '/v1/telemetry', {
      key: a.key,
      body: telemetry(setup.device, 1),
    });
    const tenantA = issueTenantScope(a.orgId);
    await readingStore(h.mongo.db).setVerdict(tenantA, submitted.json.reading_id, {
      status: 'FLAGGED',
      findings: [],
      at: new Date(),
    });
    const issuances = issuanceStore(h.mongo.db);
    const now = new Date();
    await issuances.upsertPeriod(tenantA, {
      projectId: setup.projectId,
      period: '2026-02',
      status: 'open',
      workflowId: 'w',
      updatedAt: now,
    });
    const issuanceId = `${setup.projectId}/2026-02`;
    await issuances.upsertIssuance(tenantA, {
      _id: issuanceId,
      projectId: setup.projectId,
      period: '2026-02',
      status: 'minted',
      trustChainJson: JSON.stringify({ a: 1 }),
      updatedAt: now,
    });
    await issuances.recordMint(tenantA, {
      _id: 'mnt_AAAAAAAAAAAAAAAAAAAAAA',
      tokenId: '0.0.1001',
      issuanceId,
      amount: 1,
      status: 'done',
      createdAt: now,
    });
    const extraKey = await createKey(app, a.key, ['readings:read']);
    validBodies['/v1/gateways/:gatewayId/certificates'] = { csr: await csrFor(await gatewayKey()) };
    const gateway = await call(app, 'POST', '/v1/gateways', {
      key: a.key,
      body: { name: 'A gateway', device_ids: [setup.device.id] },
    });
    const cert = await call(app, 'POST', `/v1/gateways/${gateway.json.gateway.id}/certificates`, {
      key: a.key,
      body: validBodies['/v1/gateways/:gatewayId/certificates'],
    });
    const certificate = {
      certificate_id: 'CAL-A',
      laboratory: 'ERDA Vadodara',
      calibrated_on: '2025-05-02',
      next_due: '2099-05-01',
    };
    const document = Buffer.from(JSON.stringify(certificate));
    validBodies['/v1/devices/:deviceId/calibrations'] = {
      meter_type: 'energy_export',
      accuracy_class: 0.2,
      certificate,
      document: {
        media_type: 'application/json',
        content_base64: document.toString('base64'),
        sha256: createHash('sha256').update(document).digest('hex'),
      },
    };
    validBodies['/v1/devices/:deviceId/calibrations/:calibrationId/decision'] = {
      decision: 'approve',
      reason: 'probe',
    };
    const calibration = await call(app, 'POST', `/v1/devices/${setup.device.id}/calibrations`, {
      key: a.key,
      body: validBodies['/v1/devices/:deviceId/calibrations'],
    });
    if (calibration.status !== 201) throw new Error(`calibration: ${calibration.status} ${calibration.text}`);
    ids.calibrationId = calibration.json.id;
    // A's console session (signed in with A's key): B cannot list or revoke it.
    const signedIn = await call(app, 'POST', '/v1/console/session', { body: { api_key: a.key } });
    const cookie = /mrv_session=([^;]+)/.exec(signedIn.headers.get('set-cookie') ?? '')?.[1];
    const sessions = await call(app, 'GET', '/v1/console/sessions', {
      headers: { cookie: `mrv_session=${cookie}` },
    });
    ids.sessionId = sessions.json.data.find((s: { current: boolean }) => s.current).id;
    ids.gatewayId = gateway.json.gateway.id;
    ids.sha256 = cert.json.certificate.sha256;
    Object.assign(ids, {
      keyId: extraKey.id,
      draftId: setup.draftId,
      policyVersionId: setup.policyVersionId,
      projectId: setup.projectId,
      deviceId: setup.device.id,
      readingId: submitted.json.reading_id,
      period: '2026-02',
      issuanceId,
      mintId: 'mnt_AAAAAAAAAAAAAAAAAAAAAA',
    });
    secrets.push(a.orgId, ...Object.values(ids).filter((v) => v !== '2026-02'), setup.device.did);
  });
  afterAll(async () => await h?.close());

  it("answers organization B with 404 for each of A's resources, and never shows A's ids in lists", async () => {
    const app = h.app({ keyStore });
    // Lists first: B's own probes below name A's ids in B's audit log, which is B's record, not a leak.
    const hasParams = (path: string) => (path.includes(':') ? 1 : 0);
    const routes = app.routes
      .filter((r) => r.method !== 'ALL')
      .sort((x, y) => hasParams(x.path) - hasParams(y.path));
    const seen = new Set<string>();
    const failures: string[] = [];
    for (const route of routes) {
      const name = `${route.method} ${route.path}`;
      if (seen.has(name) || systemRoutes.has(name)) continue;
      seen.add(name);
      const params = [...route.path.matchAll(/:(\w+)/g)].map((m) => m[1]!);
      const missing = params.filter((p) => !(p in ids));
      if (missing.length > 0) {
        failures.push(`${name}: no fixture for ${missing.join(', ')}`);
        continue;
      }
      const path =
        route.path.replace(/:(\w+)/g, (_, p: string) => encodeURIComponent(ids[p]!)) +
        (validQueries[route.path]?.(ids) ?? '');
      const body = route.method === 'POST' ? (validBodies[route.path] ?? {}) : undefined;
      const res = await call(app, route.method, path, { key: b.key, body });
      if (params.length > 0) {
        if (res.status !== 404) failures.push(`${name}: ${res.status} instead of 404`);
      } else if (res.status < 500) {
        for (const secret of secrets)
          if (res.text.includes(secret)) failures.push(`${name}: shows ${secret}`);
      } else {
        failures.push(`${name}: ${res.status}`);
      }
    }
    expect(failures).toEqual([]);
    expect(seen.size).toBeGreaterThan(35);
  });

  it("refuses telemetry for A's device from B without saying whether the device exists", async () => {
    const app = h.app();
    const device = await call(app, 'GET', `/v1/devices/${ids.deviceId}`, { key: a.key });
    const foreign = await call(app, 'POST', '/v1/telemetry', {
      key: b.key,
      body: {
        schema_version: '1.0.0',
        device_id: device.json.did,
        seq: 99,
        timestamp: '2026-02-20T18:00:00Z',
        interval_s: 900,
        readings: [{ type: 'energy', value: 1, unit: 'kWh' }],
        signature: 'A'.repeat(86),
      },
    });
    const unknown = await call(app, 'POST', '/v1/telemetry', {
      key: b.key,
      body: {
        schema_version: '1.0.0',
        device_id: 'did:key:z6MkhaXgBZDvotDkL5257faiztiGiC2QtKLGpbnnEGta2doK',
        seq: 99,
        timestamp: '2026-02-20T18:00:00Z',
        interval_s: 900,
        readings: [{ type: 'energy', value: 1, unit: 'kWh' }],
        signature: 'A'.repeat(86),
      },
    });
    expect(foreign.status).toBe(404);
    expect(foreign.json.detail).toBe(unknown.json.detail);
  });
});
