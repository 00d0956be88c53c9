import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type ApiHarness,
  call,
  createKey,
  registerOrganization,
  startApiHarness,
} from './support/api-harness.ts';

describe('organizations and API keys: bad input', () => {
  let h: ApiHarness;
  let admin: { key: string };
  beforeAll(async () => {
    h = await startApiHarness('keys_error');
    admin = await registerOrganization(h.app());
  });
  afterAll(async () => await h?.close());

  it.each([
    ['no name', {}],
    ['an empty name', { name: '' }],
    ['a blank name', { name: '   ' }],
    ['a name of 201 characters', { name: 'x'.repeat(201) }],
    ['an unknown member', { name: 'x', admin: true }],
    ['a non-object', [1, 2]],
  ])('refuses a registration with %s, listing the failing field', async (_n, body) => {
    const res = await call(h.app(), 'POST', '/v1/organizations', { body });
    expect(res.status).toBe(400);
    expect(res.json.code).toBe('VALIDATION_FAILED');
    expect(res.json.errors.length).toBeGreaterThan(0);
    expect(res.json.errors[0]).toMatchObject({ in: 'body' });
  });

  it('lists every failing field, not just the first', async () => {
    const res = await call(h.app(), 'POST', '/v1/api-keys', {
      key: admin.key,
      body: { name: '', scopes: ['root'] },
    });
    expect(res.status).toBe(400);
    const pointers = res.json.errors.map((e: { pointer: string }) => e.pointer);
    expect(pointers).toEqual(expect.arrayContaining(['/name', '/scopes/0']));
  });

  it('refuses duplicate and empty scope lists', async () => {
    for (const scopes of [[], ['admin', 'admin']]) {
      const res = await call(h.app(), 'POST', '/v1/api-keys', {
        key: admin.key,
        body: { name: 'x', scopes },
      });
      expect(res.status).toBe(400);
    }
  });

  it('answers 404 for an unknown or malformed key id', async () => {
    for (const id of ['key_0000000000000000000000', 'nope', '..%2F..%2Fetc']) {
      const res = await call(h.app(), 'GET', `/v1/api-keys/${id}`, { key: admin.key });
      expect(res.status).toBe(404);
      expect(res.headers.get('content-type')).toBe('application/problem+json');
    }
  });

  it('refuses to rotate a revoked key', async () => {
    const k = await createKey(h.app(), admin.key, ['readings:read']);
    await call(h.app(), 'POST', `/v1/api-keys/${k.id}/revoke`, { key: admin.key });
    const res = await call(h.app(), 'POST', `/v1/api-keys/${k.id}/rotate`, { key: admin.key });
    expect(res.status).toBe(409);
    expect(res.json.code).toBe('INVALID_STATE');
  });
});
