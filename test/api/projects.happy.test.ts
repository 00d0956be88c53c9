import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ApiHarness, call, registerOrganization, startApiHarness } from './support/api-harness.ts';
import { plant, policySource } from './support/fixtures.ts';

// schemas/plant.schema.json closes only the plant's top level: a unit, the grid or the location may
// carry members of the operator's own, in any JSON shape. Some of these are JSON a MongoDB-wire
// server cannot hold as a document (FerretDB refuses nested arrays); schemathesis found the 500.
const freeFormPlant = {
  ...plant,
  plant_id: 'free-form-1',
  devices: [],
  grid: { ...plant.grid, '': 'empty name', $where: 'a dollar name', 'a.b': 'a dotted name' },
  units: plant.units.map((u: Record<string, unknown>) => ({
    ...u,
    efficiency_curve: [
      [0.2, 0.81],
      [0.6, 0.93],
      [1, 0.9],
    ],
    nested: [[[1]], [], [null, { deep: [[true]] }]],
  })),
};

describe('POST /v1/projects with free-form plant members', () => {
  let h: ApiHarness;
  let key: string;
  let policyVersionId: string;
  beforeAll(async () => {
    h = await startApiHarness('projects_happy');
    ({ key } = await registerOrganization(h.app()));
    const draft = await call(h.app(), 'POST', '/v1/policy-drafts?file_name=hydro-ams-i-d.yaml', {
      key,
      body: policySource,
      headers: { 'content-type': 'application/yaml' },
    });
    const version = await call(h.app(), 'POST', `/v1/policy-drafts/${draft.json.id}/publish`, { key });
    policyVersionId = version.json.id;
  });
  afterAll(async () => await h?.close());

  it('stores a plant with nested arrays and empty, $-prefixed or dotted member names, and serves it back as sent', async () => {
    const created = await call(h.app(), 'POST', '/v1/projects', {
      key,
      body: { plant: freeFormPlant, policy_version_id: policyVersionId },
    });
    expect(created.status, created.text).toBe(201);
    expect(created.json.plant).toEqual(freeFormPlant);
    const got = await call(h.app(), 'GET', `/v1/projects/${created.json.id}`, { key });
    expect(got.status).toBe(200);
    expect(got.json.plant).toEqual(freeFormPlant);
    const listed = await call(h.app(), 'GET', '/v1/projects', { key });
    expect(listed.json.data.map((p: { plant: unknown }) => p.plant)).toContainEqual(freeFormPlant);
  });

  it('provisions a device for a unit of such a plant (the stored plant still reads as a plant)', async () => {
    const created = await call(h.app(), 'POST', '/v1/projects', {
      key,
      body: { plant: { ...freeFormPlant, plant_id: 'free-form-2' }, policy_version_id: policyVersionId },
    });
    const unitId = freeFormPlant.units[0].unit_id;
    const device = await call(h.app(), 'POST', '/v1/devices/provision', {
      key,
      body: { project_id: created.json.id, scope: unitId },
    });
    expect(device.status, device.text).toBe(201);
    expect(device.json.device.scope).toBe(unitId);
  });
});
