import type { Hono } from 'hono';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ApiEnv } from '../../api/env.ts';
import { credentialStore } from '../../store/credential-store.ts';
import { issueTenantScope } from '../../store/tenant-scope.ts';
import { orgIssuer } from '../../workflows/activities/org-issuer.ts';
import { type PipelineHarness, startPipelineHarness } from '../support/pipeline-harness.ts';
import { waitFor } from '../workflows/support/wait-for.ts';
import { call, createKey, registerOrganization } from './support/api-harness.ts';
import { setUpProject, telemetry } from './support/fixtures.ts';

/** Policy roles against the real device workflow (worker, Temporal, MongoDB, local Hedera network). */
describe('policy roles decide who may move a device, review and approve a report', () => {
  let h: PipelineHarness;
  let app: Hono<ApiEnv>;
  let admin: { key: string; orgId: string };
  let verifier: string;
  let gateway: string;
  let setup: Awaited<ReturnType<typeof setUpProject>>;
  const device = (suffix = '') => `/v1/devices/${setup.device.id}${suffix}`;

  beforeAll(async () => {
    h = await startPipelineHarness('api_roles');
    await h.startWorker();
    app = h.app();
    admin = await registerOrganization(app, 'Roles Hydro');
    verifier = (await createKey(app, admin.key, ['review:write', 'readings:read'], 'verifier')).key;
    gateway = (await createKey(app, admin.key, ['telemetry:write'], 'gateway')).key;
    setup = await setUpProject(app, admin.key);
  }, 180_000);
  afterAll(async () => await h?.close());

  it('gives the first admin key the registry and developer roles, and review:write the verifier role', async () => {
    const keys = await call(app, 'GET', '/v1/api-keys', { key: admin.key });
    const byName = Object.fromEntries(
      keys.json.data.map((k: { name: string; roles: string[] }) => [k.name, k.roles]),
    );
    expect(byName.admin).toEqual(['registry', 'project_developer']);
    expect(byName.verifier).toEqual(['verifier']);
    expect(byName.gateway).toEqual([]);
    const explicit = await call(app, 'POST', '/v1/api-keys', {
      key: admin.key,
      body: { name: 'registry desk', scopes: ['readings:read'], roles: ['registry'] },
    });
    expect(explicit.status).toBe(201);
    expect(explicit.json.roles).toEqual(['registry']);
  });

  it('refuses roles no policy of the organization declares, and the reserved system role', async () => {
    const res = await call(app, 'POST', '/v1/api-keys', {
      key: admin.key,
      body: { name: 'x', scopes: ['readings:read'], roles: ['verifier', 'auditor'] },
    });
    // Well formed, but no published policy declares it: a conflict with the organization's state.
    expect(res.status).toBe(409);
    expect(res.json.errors.map((e: { pointer: string }) => e.pointer)).toEqual(['/roles/1']);
    const reserved = await call(app, 'POST', '/v1/api-keys', {
      key: admin.key,
      body: { name: 'x', scopes: ['readings:read'], roles: ['verifier', 'system'] },
    });
    expect(reserved.status).toBe(400);
    expect(reserved.json.errors[0].pointer).toBe('/roles/1');
    const malformed = await call(app, 'POST', '/v1/api-keys', {
      key: admin.key,
      body: { name: 'x', scopes: ['readings:read'], roles: ['no spaces allowed'] },
    });
    expect(malformed.status).toBe(400);
  });

  it('starts the device workflow at provisioning, so the registration waits for the registry', async () => {
    await waitFor(
      async () => (await call(app, 'GET', device(), { key: admin.key })).json.policy_status === 'pending',
      90_000,
      'the registration request',
    );
  });

  it('refuses an approval from a verifier with 403 naming the role the policy requires', async () => {
    const res = await call(app, 'POST', device('/approve'), { key: verifier, body: {} });
    expect(res.status).toBe(403);
    expect(res.json.code).toBe('FORBIDDEN_ROLE');
    expect(res.json.required_roles).toEqual(['registry']);
  });

  it('refuses a lifecycle command from a key that holds no role at all', async () => {
    const res = await call(app, 'POST', device('/suspend'), { key: gateway, body: { reason: 'x' } });
    expect(res.status).toBe(403);
    expect(res.json.roles).toEqual([]);
  });

  it('refuses a malformed effective_from, and effective_from on other commands, with 400', async () => {
    for (const effective_from of [
      'yesterday',
      '2026-02-30T00:00:00Z',
      // RFC 3339's leap second: valid text, but no instant a Date can hold.
      '2016-12-31T23:59:60Z',
      `2026-01-01T00:00:00${'0'.repeat(100)}Z`,
      20260101,
    ]) {
      const res = await call(app, 'POST', device('/approve'), { key: admin.key, body: { effective_from } });
      expect(res.status, String(effective_from)).toBe(400);
      expect(res.json.errors[0].pointer).toBe('/effective_from');
    }
    const suspend = await call(app, 'POST', device('/suspend'), {
      key: verifier,
      body: { reason: 'x', effective_from: '2026-01-01T00:00:00Z' },
    });
    expect(suspend.status).toBe(400);
  });

  it('lets the registry approve the registration; the workflow activates the device', async () => {
    const res = await call(app, 'POST', device('/approve'), {
      key: admin.key,
      body: { effective_from: '2026-01-31T23:00:00-01:00' },
    });
    expect([200, 202]).toContain(res.status);
    expect(res.json).toMatchObject({ event: 'approve_registration', acted_as: 'registry' });
    await waitFor(
      async () => (await call(app, 'GET', device(), { key: admin.key })).json.policy_status === 'active',
      90_000,
      'the approval',
    );
    // The registration is the registry principal's act, signed by its own DID, in force from the
    // instant it gave (normalized to UTC).
    const scope = issueTenantScope(admin.orgId);
    const registrations = await credentialStore(h.mongo.db).list(scope, { type: 'DeviceRegistration' });
    expect(registrations).toHaveLength(1);
    const registration = registrations[0]!;
    const org = await orgIssuer(
      { db: h.mongo.db, keyStore: h.services.keyStore, now: () => new Date() },
      scope,
    );
    expect(registration.credential.issuer).toMatch(/^did:key:/);
    expect(registration.credential.issuer).not.toBe(org.did);
    expect((registration.credential.credentialSubject as { registeredAt: string }).registeredAt).toBe(
      '2026-02-01T00:00:00.000Z',
    );
  });

  it("answers 409 with the workflow's reason when the state does not allow the command", async () => {
    const again = await call(app, 'POST', device('/approve'), { key: admin.key, body: {} });
    expect(again.status).toBe(409);
    expect(again.json.workflow_reason).toMatch(/not possible while the device is active/);
  });

  it('suspends through the workflow, which then refuses the telemetry gate until reinstated', async () => {
    const suspended = await call(app, 'POST', device('/suspend'), {
      key: verifier,
      body: { reason: 'seal broken' },
    });
    expect(suspended.status).toBe(200);
    expect(suspended.json).toMatchObject({
      status: 'suspended',
      policy_status: 'suspended',
      acted_as: 'verifier',
    });
    const refused = await call(app, 'POST', '/v1/telemetry', {
      key: gateway,
      body: telemetry(setup.device, 1),
    });
    expect(refused.status).toBe(404);
    // The policy gives `reinstate` to the registry only.
    expect((await call(app, 'POST', device('/reactivate'), { key: verifier, body: {} })).status).toBe(403);
    const back = await call(app, 'POST', device('/reactivate'), { key: admin.key, body: {} });
    expect(back.json).toMatchObject({ status: 'active', event: 'reinstate', acted_as: 'registry' });
    await waitFor(
      async () =>
        (await call(app, 'POST', '/v1/telemetry', { key: gateway, body: telemetry(setup.device, 2) }))
          .status === 202,
      10_000,
      'the telemetry gate to reopen',
    );
  });

  it('refuses a monitoring-report decision from a developer, and one for a period with no issuance', async () => {
    const path = `/v1/projects/${setup.projectId}/periods/2026-02/decision`;
    const developer = await call(app, 'POST', path, {
      key: admin.key,
      body: { decision: 'approve', reason: 'mine' },
    });
    expect(developer.status).toBe(403);
    expect(developer.json.required_roles).toEqual(['verifier']);
    const none = await call(app, 'POST', path, {
      key: verifier,
      body: { decision: 'approve', reason: 'ok' },
    });
    expect(none.status).toBe(409);
  });

  it('drops assigned roles from an access token narrowed to fewer scopes than its key', async () => {
    const prefix = (await call(app, 'GET', '/v1/api-keys', { key: admin.key })).json.data.find(
      (k: { name: string }) => k.name === 'admin',
    ).prefix;
    const token = await app.request('/oauth/token', {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({
        grant_type: 'client_credentials',
        client_id: prefix,
        client_secret: admin.key,
        scope: 'readings:read',
      }).toString(),
    });
    const { access_token } = (await token.json()) as { access_token: string };
    const res = await call(app, 'POST', device('/suspend'), { key: access_token, body: { reason: 'x' } });
    expect(res.status).toBe(403);
    expect(res.json.code).toBe('FORBIDDEN_ROLE');
  });

  it('decommissions through the policy retire event; the device stays retired', async () => {
    const res = await call(app, 'POST', device('/decommission'), { key: admin.key, body: {} });
    expect(res.status).toBe(200);
    expect(res.json).toMatchObject({ status: 'decommissioned', policy_status: 'retired', event: 'retire' });
    expect((await call(app, 'POST', device('/reactivate'), { key: admin.key, body: {} })).status).toBe(409);
  });
});
