import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, createKey, registerOrganization } from '../support/api-harness.ts';
import { provisionDevice, setUpProject } from '../support/fixtures.ts';
import { enrollCertificate, type Instance, startMtlsHarness } from './mtls-harness.ts';
import { mtlsCall } from './pki-fixtures.ts';

let h: Awaited<ReturnType<typeof startMtlsHarness>>;
let inst: Instance;

beforeAll(async () => {
  h = await startMtlsHarness('pki_gwconfig');
  inst = await h.instance();
}, 60_000);
afterAll(async () => await h?.close());

const source = (host: string, password?: string) => ({
  template: 'abb-a44',
  connection: { protocol: 'modbus-tcp', host, unit_id: 1, ...(password ? { password } : {}) },
});

/** An organization whose gateway reads two devices of one project, with an agent plan. */
async function gatewayWithAgent() {
  const org = await registerOrganization(inst.app, `Config Hydro ${Math.random()}`);
  const project = await setUpProject(inst.app, org.key);
  const second = await provisionDevice(inst.app, org.key, project.projectId);
  const ids = [project.device.id, second.id];
  const created = await call(inst.app, 'POST', '/v1/gateways', {
    key: org.key,
    body: {
      name: 'Powerhouse',
      device_ids: ids,
      agent: {
        interval_s: 300,
        devices: [
          { device_id: ids[0], ref: 'u1', poll_s: 5, sources: [source('10.0.0.21', 'secret-1')] },
          { device_id: ids[1], sources: [source('10.0.0.22')] },
        ],
      },
    },
  });
  expect(created.status).toBe(201);
  return {
    org,
    project,
    ids,
    gatewayId: created.json.gateway.id as string,
    token: created.json.enrollment.token,
  };
}

describe('gateway read and agent configuration', () => {
  it('GET /v1/gateways/{id} shows the gateway and its agent plan with connection secrets redacted', async () => {
    const g = await gatewayWithAgent();
    const res = await call(inst.app, 'GET', `/v1/gateways/${g.gatewayId}`, { key: g.org.key });
    expect(res.status).toBe(200);
    expect(res.json).toMatchObject({ id: g.gatewayId, status: 'active', device_ids: g.ids });
    expect(res.json.agent.devices[0].sources[0].connection).toEqual({
      protocol: 'modbus-tcp',
      host: '10.0.0.21',
      unit_id: 1,
      password: '(set)',
    });
    expect(res.text).not.toContain('secret-1');
    const reader = await createKey(inst.app, g.org.key, ['readings:read']);
    expect((await call(inst.app, 'GET', `/v1/gateways/${g.gatewayId}`, { key: reader.key })).status).toBe(
      403,
    );
    const other = await registerOrganization(inst.app, 'Other Hydro');
    expect((await call(inst.app, 'GET', `/v1/gateways/${g.gatewayId}`, { key: other.key })).status).toBe(404);
    expect((await call(inst.app, 'GET', '/v1/gateways/gw_nope', { key: g.org.key })).status).toBe(404);
  });

  it("the agent configuration is for the gateway's own certificate (over mTLS) or an admin, nobody else", async () => {
    const g = await gatewayWithAgent();
    const cert = await enrollCertificate(
      inst.app,
      { gatewayId: g.gatewayId, org: g.org },
      { token: g.token },
    );
    await inst.pki.refreshNow();
    const path = `/v1/gateways/${g.gatewayId}/config`;
    const own = await mtlsCall(inst.listener.url, h.serverCertPem, cert, 'GET', path);
    expect(own.status).toBe(200);
    expect(own.json).toMatchObject({
      version: 1,
      gateway_id: g.gatewayId,
      org_id: g.org.orgId,
      project_id: g.project.projectId,
      interval_s: 300,
    });
    expect(own.json.plant.units.length).toBeGreaterThan(0);
    expect(own.json.plant.devices).toBeUndefined();
    expect(own.json.devices.map((d: { ref: string }) => d.ref)).toEqual(['u1', g.ids[1]]);
    expect(own.json.devices[0]).toMatchObject({ device_id: g.ids[0], did: g.project.device.did, poll_s: 5 });
    // The gateway gets its connection secrets; nothing else but an admin does.
    expect(own.json.devices[0].sources[0].connection.password).toBe('secret-1');
    expect((await call(inst.app, 'GET', path, { key: g.org.key })).status).toBe(200);
    const writer = await createKey(inst.app, g.org.key, ['telemetry:write']);
    expect((await call(inst.app, 'GET', path, { key: writer.key })).status).toBe(403);
    // Another gateway's certificate of the same organization is refused.
    const second = await call(inst.app, 'POST', '/v1/gateways', {
      key: g.org.key,
      body: { name: 'Intake', device_ids: [g.ids[1]] },
    });
    const otherCert = await enrollCertificate(
      inst.app,
      { gatewayId: second.json.gateway.id, org: g.org },
      { token: second.json.enrollment.token },
    );
    await inst.pki.refreshNow();
    expect((await mtlsCall(inst.listener.url, h.serverCertPem, otherCert, 'GET', path)).status).toBe(403);
    // A gateway without an agent plan, and a suspended one: 409.
    const planless = `/v1/gateways/${second.json.gateway.id}/config`;
    expect((await mtlsCall(inst.listener.url, h.serverCertPem, otherCert, 'GET', planless)).status).toBe(409);
    await call(inst.app, 'POST', `/v1/gateways/${g.gatewayId}/suspend`, {
      key: g.org.key,
      body: { reason: 'maintenance' },
    });
    expect((await call(inst.app, 'GET', path, { key: g.org.key })).status).toBe(409);
  });

  it('refuses an agent plan for devices off the gateway, twice, or across projects with 400', async () => {
    const g = await gatewayWithAgent();
    const create = (agent: unknown, deviceIds = g.ids) =>
      call(inst.app, 'POST', '/v1/gateways', {
        key: g.org.key,
        body: { name: 'x', device_ids: deviceIds, agent },
      });
    const off = await create({ devices: [{ device_id: g.ids[1], sources: [source('h')] }] }, [g.ids[0]!]);
    expect(off.status).toBe(400);
    expect(off.json.errors[0].pointer).toBe('/agent/devices/0');
    const twice = await create({
      devices: [
        { device_id: g.ids[0], sources: [source('h')] },
        { device_id: g.ids[0], sources: [source('h')] },
      ],
    });
    expect(twice.status).toBe(400);
    const project = await call(inst.app, 'GET', `/v1/projects/${g.project.projectId}`, { key: g.org.key });
    const second = await call(inst.app, 'POST', '/v1/projects', {
      key: g.org.key,
      body: {
        plant: { ...project.json.plant, plant_id: 'second-plant', devices: [] },
        policy_version_id: g.project.policyVersionId,
      },
    });
    expect(second.status).toBe(201);
    const elsewhere = await provisionDevice(inst.app, g.org.key, second.json.id);
    const across = await create(
      {
        devices: [
          { device_id: g.ids[0], sources: [source('h')] },
          { device_id: elsewhere.id, sources: [source('h')] },
        ],
      },
      [g.ids[0]!, elsewhere.id],
    );
    expect(across.status).toBe(400);
    expect(across.json.detail).toMatch(/one project/);
    for (const bad of [
      { devices: [] },
      {
        devices: [
          { device_id: g.ids[0], sources: [{ template: '../etc', connection: { protocol: 'modbus-tcp' } }] },
        ],
      },
      {
        devices: [
          { device_id: g.ids[0], sources: [{ template: 'abb-a44', connection: { protocol: 'telnet' } }] },
        ],
      },
      { interval_s: 1, devices: [{ device_id: g.ids[0], sources: [source('h')] }] },
    ]) {
      expect((await create(bad)).status).toBe(400);
    }
  });
});
