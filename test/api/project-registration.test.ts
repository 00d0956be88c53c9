import type { Hono } from 'hono';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ApiEnv } from '../../api/env.ts';
import { createDidResolver } from '../../identity/create-did-resolver.ts';
import { createDocumentLoader } from '../../identity/document-loader.ts';
import { verifyCredential } from '../../identity/verify-credential.ts';
import { issueTenantScope } from '../../store/tenant-scope.ts';
import { loadProjectContext } from '../../workflows/activities/project-context.ts';
import {
  type ApiHarness,
  call,
  createKey,
  registerOrganization,
  startApiHarness,
  throwawayKeyStore,
} from './support/api-harness.ts';
import { setUpProject } from './support/fixtures.ts';

/**
 * The registry attests a project's plant as a signed ProjectRegistration version; periods are then
 * computed from that version, whatever the project record in the database says afterwards.
 */
describe('POST /v1/projects/{projectId}/registrations', () => {
  let h: ApiHarness;
  let app: Hono<ApiEnv>;
  let org: Awaited<ReturnType<typeof registerOrganization>>;
  let projectId: string;
  const path = () => `/v1/projects/${projectId}/registrations`;

  beforeAll(async () => {
    h = await startApiHarness('project_registration');
    const keyStore = await throwawayKeyStore(h.mongo.db);
    app = h.app({ keyStore });
    org = await registerOrganization(app, 'Registered Hydro');
    projectId = (await setUpProject(app, org.key)).projectId;
  }, 120_000);
  afterAll(async () => await h?.close());

  it('issues version 1, then 2, signed by the registry principal, and computes from the one in force', async () => {
    const first = await call(app, 'POST', path(), {
      key: org.key,
      body: { effective_from: '2026-01-01T00:00:00Z' },
    });
    expect(first.status, first.text).toBe(201);
    expect(first.json).toMatchObject({
      project_id: projectId,
      version: 1,
      effective_from: '2026-01-01T00:00:00.000Z',
    });
    const credential = first.json.credential;
    expect(credential.type).toContain('ProjectRegistration');
    expect(credential.credentialSubject.plant.devices).toBeUndefined();
    expect(credential.credentialSubject.plant.grid?.ef_tco2_per_mwh).toBe(0.758);
    // Signed by the registry principal's own DID, not the organization's issuer.
    expect(credential.issuer).toMatch(/^did:key:/);
    expect(credential.issuer).toBe(first.json.issuer);
    const documentLoader = createDocumentLoader({ resolver: createDidResolver() });
    expect(
      (await verifyCredential({ credential, documentLoader, now: new Date().toISOString() })).verified,
    ).toBe(true);

    // Someone with database access raises the grid factor: the registered version still computes.
    const scope = issueTenantScope(org.orgId);
    const projects = h.mongo.db.collection<{ _id: string; plantJson: string }>('projects');
    const stored = await projects.findOne({ _id: projectId, orgId: org.orgId });
    const edited = JSON.parse(stored!.plantJson);
    edited.grid.ef_tco2_per_mwh = 0.948;
    await projects.updateOne(
      { _id: projectId, orgId: org.orgId },
      { $set: { plantJson: JSON.stringify(edited) } },
    );
    const inForce = await loadProjectContext(h.mongo.db, scope, projectId, new Date('2026-05-01T00:00:00Z'));
    expect(inForce.plant.grid?.ef_tco2_per_mwh).toBe(0.758);
    expect(inForce.registration?.version).toBe(1);
    // Before any version is in force, the record is all there is (and the auditor then fails `plant`).
    const before = await loadProjectContext(h.mongo.db, scope, projectId, new Date('2025-12-01T00:00:00Z'));
    expect(before.registration).toBeUndefined();
    expect(before.plant.grid?.ef_tco2_per_mwh).toBe(0.948);

    // The registry registers the edit as a new version, from June: May keeps version 1.
    const second = await call(app, 'POST', path(), {
      key: org.key,
      body: { effective_from: '2026-06-01T00:00:00Z' },
    });
    expect(second.json.version).toBe(2);
    expect(
      (await loadProjectContext(h.mongo.db, scope, projectId, new Date('2026-05-01'))).plant.grid
        ?.ef_tco2_per_mwh,
    ).toBe(0.758);
    expect(
      (await loadProjectContext(h.mongo.db, scope, projectId, new Date('2026-06-01'))).plant.grid
        ?.ef_tco2_per_mwh,
    ).toBe(0.948);
    const list = await call(app, 'GET', path(), { key: org.key });
    expect(list.json.data.map((r: { version: number }) => r.version)).toEqual([1, 2]);
  });

  it('refuses a caller without the registry role, another tenant, unknown projects and bad bodies', async () => {
    const verifier = await createKey(app, org.key, ['review:write', 'readings:read'], 'verifier');
    const refused = await call(app, 'POST', path(), {
      key: verifier.key,
      body: { effective_from: '2026-01-01T00:00:00Z' },
    });
    expect(refused.status).toBe(403);
    expect(refused.json.required_roles).toEqual(['registry']);
    const other = await registerOrganization(app, 'Other Hydro');
    const foreignPost = await call(app, 'POST', path(), {
      key: other.key,
      body: { effective_from: '2026-01-01T00:00:00Z' },
    });
    expect(foreignPost.status).toBe(404);
    expect((await call(app, 'GET', path(), { key: other.key })).status).toBe(404);
    const unknown = await call(app, 'POST', '/v1/projects/prj_0000000000000000000000/registrations', {
      key: org.key,
      body: { effective_from: '2026-01-01T00:00:00Z' },
    });
    expect(unknown.status).toBe(404);
    for (const body of [
      {},
      { effective_from: 'yesterday' },
      { effective_from: '2026-01-01T00:00:00Z', plant: { grid: { ef_tco2_per_mwh: 9 } } },
      { effective_from: `2026-01-01T00:00:00${'0'.repeat(100)}Z` },
      // RFC 3339's leap second: valid text, but no instant JavaScript can hold (was a 500).
      { effective_from: '2016-12-31T23:59:60Z' },
    ]) {
      const bad = await call(app, 'POST', path(), { key: org.key, body });
      expect(bad.status, JSON.stringify(body)).toBe(400);
    }
    expect(
      (await call(app, 'POST', path(), { body: { effective_from: '2026-01-01T00:00:00Z' } })).status,
    ).toBe(401);
  });

  it('refuses JSON-LD keywords as plant member names (400 at creation, 409 for a stored one), never 500', async () => {
    const created = await call(app, 'GET', `/v1/projects/${projectId}`, { key: org.key });
    const plant = {
      ...created.json.plant,
      plant_id: 'keyword-plant',
      grid: { ...created.json.plant.grid, '@id': 'x' },
    };
    const refused = await call(app, 'POST', '/v1/projects', {
      key: org.key,
      body: { plant: { ...plant, devices: [] }, policy_version_id: created.json.policy.id },
    });
    expect(refused.status, refused.text).toBe(400);
    // A record written before the schema said so (or edited in the database) cannot be signed: 409.
    const projects = h.mongo.db.collection<{ _id: string; plantJson: string }>('projects');
    const stored = await projects.findOne({ _id: projectId, orgId: org.orgId });
    const edited = JSON.parse(stored!.plantJson);
    edited.grid['@type'] = 'x';
    await projects.updateOne(
      { _id: projectId, orgId: org.orgId },
      { $set: { plantJson: JSON.stringify(edited) } },
    );
    const res = await call(app, 'POST', path(), {
      key: org.key,
      body: { effective_from: '2026-01-01T00:00:00Z' },
    });
    expect(res.status, res.text).toBe(409);
    expect(res.json.detail).toMatch(/JSON-LD keyword/);
  });

  it('answers 503, not 500, when no key store is configured to sign', async () => {
    const unsigned = h.app();
    const res = await call(unsigned, 'POST', path(), {
      key: org.key,
      body: { effective_from: '2026-01-01T00:00:00Z' },
    });
    expect(res.status).toBe(503);
  });
});
