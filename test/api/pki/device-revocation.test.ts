import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../../api/app.ts';
import { createLogger } from '../../../observability/logger.ts';
import { type PipelineHarness, startPipelineHarness } from '../../support/pipeline-harness.ts';
import { waitFor } from '../../workflows/support/wait-for.ts';
import { call, createKey, registerOrganization } from '../support/api-harness.ts';
import { setUpProject } from '../support/fixtures.ts';
import { enrollCertificate } from './mtls-harness.ts';

/** An organization with a project whose device the workflow registered and the registry approved. */
async function activeDevice(app: ReturnType<typeof createApp>, name: string) {
  const admin = await registerOrganization(app, name);
  const setup = await setUpProject(app, admin.key);
  const device = `/v1/devices/${setup.device.id}`;
  await waitFor(
    async () => (await call(app, 'GET', device, { key: admin.key })).json.policy_status === 'pending',
    90_000,
    'registration',
  );
  await call(app, 'POST', `${device}/approve`, { key: admin.key, body: {} });
  await waitFor(
    async () => (await call(app, 'GET', device, { key: admin.key })).json.status === 'active',
    90_000,
    'approval',
  );
  return { admin, setup, device };
}

/** Against the real device workflow: suspending a device revokes the gateway certificates listing it. */
describe('device lifecycle revokes gateway certificates', () => {
  let h: PipelineHarness;
  let worker: { stop(): Promise<void> };
  beforeAll(async () => {
    h = await startPipelineHarness('pki_device');
    worker = await h.startWorker();
  }, 180_000);
  afterAll(async () => await h?.close());
  const appWithCa = () =>
    createApp({
      db: h.mongo.db,
      workflows: h.gateway,
      logger: createLogger({ level: 'silent' }),
      checks: [],
      keyStore: h.services.keyStore,
    });

  it('suspending a device revokes every certificate that lists its DID (on every gateway)', async () => {
    const app = appWithCa();
    const { admin, setup, device } = await activeDevice(app, 'Device revocation Hydro');
    const verifier = (await createKey(app, admin.key, ['review:write', 'readings:read'], 'verifier')).key;
    const gw = await call(app, 'POST', '/v1/gateways', {
      key: admin.key,
      body: { name: 'g', device_ids: [setup.device.id] },
    });
    const other = await call(app, 'POST', '/v1/gateways', {
      key: admin.key,
      body: { name: 'h', device_ids: [setup.device.id] },
    });
    const cert = await enrollCertificate(app, { gatewayId: gw.json.gateway.id, org: admin });
    await enrollCertificate(app, { gatewayId: other.json.gateway.id, org: admin });
    const suspended = await call(app, 'POST', `${device}/suspend`, {
      key: verifier,
      body: { reason: 'seal broken' },
    });
    expect(suspended.status).toBe(200);
    expect(suspended.json.status).toBe('suspended');
    const certs = (await call(app, 'GET', '/v1/pki/certificates', { key: admin.key })).json.certificates;
    expect(certs).toHaveLength(2);
    expect(certs.every((c: { revoked_at: string | null }) => c.revoked_at !== null)).toBe(true);
    expect(certs.map((c: { sha256: string }) => c.sha256)).toContain(cert.sha256);
    const crl = await call(app, 'GET', `/v1/pki/crl.pem?org=${admin.orgId}`);
    expect(crl.text).toContain('BEGIN X509 CRL');
  }, 240_000);

  it('revokes in the worker when the route stops waiting and answers 202', async () => {
    const app = appWithCa();
    const { admin, setup, device } = await activeDevice(app, 'Late revocation Hydro');
    const gw = await call(app, 'POST', '/v1/gateways', {
      key: admin.key,
      body: { name: 'late', device_ids: [setup.device.id] },
    });
    await enrollCertificate(app, { gatewayId: gw.json.gateway.id, org: admin });
    // No worker: the workflow cannot apply the command before the route's wait ends.
    await worker.stop();
    const suspended = await call(app, 'POST', `${device}/decommission`, {
      key: admin.key,
      body: { reason: 'plant sold' },
    });
    expect(suspended.status).toBe(202);
    const revokedAt = async () =>
      (await call(app, 'GET', '/v1/pki/certificates', { key: admin.key })).json.certificates[0].revoked_at;
    expect(await revokedAt()).toBeNull();
    worker = await h.startWorker();
    await waitFor(async () => (await revokedAt()) !== null, 90_000, 'revocation by the worker');
    expect((await call(app, 'GET', device, { key: admin.key })).json.status).toBe('decommissioned');
  }, 240_000);
});
