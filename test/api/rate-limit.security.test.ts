import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type ApiHarness,
  call,
  createKey,
  registerOrganization,
  startApiHarness,
} from './support/api-harness.ts';

describe('per-key rate limit', () => {
  let h: ApiHarness;
  let now = new Date('2026-03-01T12:59:00Z');
  const app = () => h.app({ limits: { ratePerHour: 3 }, clock: () => now });
  beforeAll(async () => {
    h = await startApiHarness('ratelimit');
  });
  afterAll(async () => await h?.close());

  it('answers 429 with Retry-After once a key spent its hourly budget, and resets next hour', async () => {
    const org = await registerOrganization(app());
    const statuses: number[] = [];
    let last: Awaited<ReturnType<typeof call>> | undefined;
    for (let i = 0; i < 4; i++) {
      last = await call(app(), 'GET', '/v1/organization', { key: org.key });
      statuses.push(last.status);
    }
    expect(statuses).toEqual([200, 200, 200, 429]);
    expect(last?.headers.get('retry-after')).toBe('60');
    expect(last?.json.code).toBe('RATE_LIMITED');
    now = new Date('2026-03-01T13:00:01Z');
    const next = await call(app(), 'GET', '/v1/organization', { key: org.key });
    expect(next.status).toBe(200);
    expect(next.headers.get('ratelimit-remaining')).toBe('2');
  });

  it('counts each key separately', async () => {
    const org = await registerOrganization(app());
    const other = await createKey(app(), org.key, ['readings:read']);
    for (let i = 0; i < 2; i++) await call(app(), 'GET', '/v1/organization', { key: org.key });
    expect((await call(app(), 'GET', '/v1/organization', { key: org.key })).status).toBe(429);
    expect((await call(app(), 'GET', '/v1/organization', { key: other.key })).status).toBe(200);
  });
});
