import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type ApiHarness,
  call,
  createKey,
  registerOrganization,
  startApiHarness,
} from './support/api-harness.ts';

describe('Idempotency-Key on POST', () => {
  let h: ApiHarness;
  let org: { key: string; orgId: string };
  let now = new Date('2026-03-01T12:00:00Z');
  const app = () => h.app({ clock: () => now });
  beforeAll(async () => {
    h = await startApiHarness('idem');
    org = await registerOrganization(app());
  });
  afterAll(async () => await h?.close());

  it('replays the stored answer for the same key and request, without doing the work twice', async () => {
    const k = await createKey(app(), org.key, ['readings:read']);
    const first = await call(app(), 'POST', `/v1/api-keys/${k.id}/revoke`, {
      key: org.key,
      headers: { 'idempotency-key': 'revoke-1' },
    });
    const again = await call(app(), 'POST', `/v1/api-keys/${k.id}/revoke`, {
      key: org.key,
      headers: { 'idempotency-key': 'revoke-1' },
    });
    expect(again.status).toBe(first.status);
    expect(again.text).toBe(first.text);
    expect(again.headers.get('idempotency-replayed')).toBe('true');
  });

  it('refuses the same key with a different request (422)', async () => {
    const headers = { 'idempotency-key': 'create-1' };
    const a = await call(app(), 'POST', '/v1/api-keys', {
      key: org.key,
      headers,
      body: { name: 'a', scopes: ['admin'] },
    });
    expect(a.status).toBe(201);
    const b = await call(app(), 'POST', '/v1/api-keys', {
      key: org.key,
      headers,
      body: { name: 'b', scopes: ['admin'] },
    });
    expect(b.status).toBe(422);
    expect(b.json.code).toBe('IDEMPOTENCY_KEY_REUSED');
  });

  it('never stores a one-time secret: a repeat learns the key was created, once', async () => {
    const headers = { 'idempotency-key': 'create-secret' };
    const body = { name: 'once', scopes: ['readings:read'] };
    const a = await call(app(), 'POST', '/v1/api-keys', { key: org.key, headers, body });
    const b = await call(app(), 'POST', '/v1/api-keys', { key: org.key, headers, body });
    expect(a.status).toBe(201);
    expect(b.status).toBe(409);
    expect(b.json.code).toBe('IDEMPOTENCY_SECRET_WITHHELD');
    const stored = await h.mongo.db.collection('idempotency_records').findOne({ key: 'create-secret' });
    expect(JSON.stringify(stored)).not.toContain(a.json.key);
    const keys = await call(app(), 'GET', '/v1/api-keys', { key: org.key });
    expect(keys.json.data.filter((k: { name: string }) => k.name === 'once')).toHaveLength(1);
  });

  it('keeps answers per credential: another key of the same organization does not get them', async () => {
    const other = await createKey(app(), org.key, ['admin']);
    const k = await createKey(app(), org.key, ['readings:read']);
    const headers = { 'idempotency-key': 'shared' };
    await call(app(), 'POST', `/v1/api-keys/${k.id}/revoke`, { key: org.key, headers });
    const res = await call(app(), 'POST', `/v1/api-keys/${k.id}/revoke`, { key: other.key, headers });
    expect(res.headers.get('idempotency-replayed')).toBeNull();
  });

  it('stores 4xx answers too, and forgets answers after 24 hours', async () => {
    const headers = { 'idempotency-key': 'bad-1' };
    const bad = await call(app(), 'POST', '/v1/api-keys', { key: org.key, headers, body: { name: '' } });
    expect(bad.status).toBe(400);
    const replay = await call(app(), 'POST', '/v1/api-keys', { key: org.key, headers, body: { name: '' } });
    expect(replay.headers.get('idempotency-replayed')).toBe('true');
    now = new Date(now.getTime() + 24 * 3_600_000 + 1000);
    const fresh = await call(app(), 'POST', '/v1/api-keys', { key: org.key, headers, body: { name: '' } });
    expect(fresh.headers.get('idempotency-replayed')).toBeNull();
  });

  it('refuses a malformed Idempotency-Key', async () => {
    const res = await call(app(), 'POST', '/v1/api-keys', {
      key: org.key,
      headers: { 'idempotency-key': 'x'.repeat(256) },
      body: { name: 'a', scopes: ['admin'] },
    });
    expect(res.status).toBe(400);
    expect(res.json.errors[0].in).toBe('header');
  });
});
