import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type ApiHarness,
  call,
  createKey,
  registerOrganization,
  startApiHarness,
} from './support/api-harness.ts';

// Two API instances over one database, as in production behind a load balancer.
describe('API key revocation across instances', () => {
  let h: ApiHarness;
  const keyCacheMs = 400;
  beforeAll(async () => {
    h = await startApiHarness('revocation');
  });
  afterAll(async () => h?.close());

  it('stops a key at once on the instance that revoked it and within keyCacheMs on every other', async () => {
    const a = h.app({ limits: { keyCacheMs } });
    const b = h.app({ limits: { keyCacheMs } });
    const org = await registerOrganization(a, 'Revocation Hydro');
    const reader = await createKey(a, org.key, ['readings:read']);
    // Both instances have looked the key up (and cached it).
    expect((await call(a, 'GET', '/v1/readings', { key: reader.key })).status).toBe(200);
    expect((await call(b, 'GET', '/v1/readings', { key: reader.key })).status).toBe(200);

    expect((await call(a, 'POST', `/v1/api-keys/${reader.id}/revoke`, { key: org.key })).status).toBe(200);
    expect((await call(a, 'GET', '/v1/readings', { key: reader.key })).status).toBe(401);

    await new Promise((r) => setTimeout(r, keyCacheMs + 100));
    const late = await call(b, 'GET', '/v1/readings', { key: reader.key });
    expect(late.status).toBe(401);
    expect(late.headers.get('content-type')).toMatch(/^application\/problem\+json/);
  });
});
