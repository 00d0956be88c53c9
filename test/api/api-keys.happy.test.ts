import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type ApiHarness,
  call,
  createKey,
  registerOrganization,
  startApiHarness,
} from './support/api-harness.ts';

describe('organizations and API keys', () => {
  let h: ApiHarness;
  beforeAll(async () => {
    h = await startApiHarness('keys_happy');
  });
  afterAll(async () => await h?.close());

  it('registers an organization with a first admin key shown once', async () => {
    const res = await call(h.app(), 'POST', '/v1/organizations', { body: { name: 'Alaknanda Hydro' } });
    expect(res.status).toBe(201);
    expect(res.headers.get('cache-control')).toBe('no-store');
    expect(res.json.organization.id).toMatch(/^org_[0-9A-Za-z]{22}$/);
    expect(res.json.api_key.key).toMatch(/^mrv_live_[0-9A-Za-z]{22}_[0-9A-Za-z]{22}_[0-9A-Za-z]{43}$/);
    expect(res.json.api_key.scopes).toContain('admin');
    const listed = await call(h.app(), 'GET', '/v1/api-keys', { key: res.json.api_key.key });
    expect(listed.json.data).toHaveLength(1);
    expect(listed.json.data[0].key).toBeUndefined();
    expect(JSON.stringify(listed.json)).not.toContain(res.json.api_key.key.slice(-43));
  });

  it('stores only a salted hash of each secret', async () => {
    const org = await registerOrganization(h.app());
    const stored = await h.mongo.db
      .collection('api_keys')
      .findOne({ orgId: org.orgId, _id: org.keyId as never });
    expect(stored?.hash).toBeTruthy();
    expect(stored?.salt).toBeTruthy();
    expect(JSON.stringify(stored)).not.toContain(org.key.slice(-43));
  });

  it('creates keys with scopes, gets and lists them', async () => {
    const org = await registerOrganization(h.app());
    const k = await createKey(h.app(), org.key, ['telemetry:write'], 'gateway');
    const got = await call(h.app(), 'GET', `/v1/api-keys/${k.id}`, { key: org.key });
    expect(got.json).toMatchObject({
      id: k.id,
      name: 'gateway',
      scopes: ['telemetry:write'],
      prefix: k.prefix,
    });
    expect(k.key.startsWith(`${k.prefix}_`)).toBe(true);
  });

  it('rotates a key: the successor works, the old one is revoked and points to it', async () => {
    const org = await registerOrganization(h.app());
    const old = await createKey(h.app(), org.key, ['readings:read'], 'reader');
    const rotated = await call(h.app(), 'POST', `/v1/api-keys/${old.id}/rotate`, { key: org.key });
    expect(rotated.status).toBe(201);
    expect(rotated.json).toMatchObject({ name: 'reader', scopes: ['readings:read'], replaces: old.id });
    expect((await call(h.app(), 'GET', '/v1/organization', { key: rotated.json.key })).status).toBe(200);
    expect((await call(h.app(), 'GET', '/v1/organization', { key: old.key })).status).toBe(401);
    const oldView = await call(h.app(), 'GET', `/v1/api-keys/${old.id}`, { key: org.key });
    expect(oldView.json.rotated_to).toBe(rotated.json.id);
  });

  it('reports the caller organization and credential', async () => {
    const org = await registerOrganization(h.app(), 'Teesta Power');
    const res = await call(h.app(), 'GET', '/v1/organization', { key: org.key });
    expect(res.json).toMatchObject({
      id: org.orgId,
      name: 'Teesta Power',
      credential: { key_id: org.keyId },
    });
  });
});
