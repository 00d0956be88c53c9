import { request } from 'node:http';
import type { AddressInfo } from 'node:net';
import { type ServerType, serve } from '@hono/node-server';
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

describe('organization sign-up limit per client address', () => {
  let h: ApiHarness;
  let server: ServerType;
  let port: number;
  let now = new Date('2026-03-01T12:59:30Z');
  beforeAll(async () => {
    h = await startApiHarness('signuplimit');
    const app = h.app({ limits: { signupsPerHour: 2 }, clock: () => now });
    server = serve({ fetch: app.fetch, hostname: '127.0.0.1', port: 0 });
    await new Promise((r) => server.once('listening', r));
    port = (server.address() as AddressInfo).port;
  });
  afterAll(async () => {
    await new Promise((r) => server?.close(r));
    await h?.close();
  });

  /** A real TCP request from `from` (any 127.x address is loopback on Linux). */
  function signUp(from: string, name: string): Promise<{ status: number; retryAfter?: string }> {
    const body = JSON.stringify({ name });
    return new Promise((resolve, reject) => {
      const req = request(
        {
          host: '127.0.0.1',
          port,
          path: '/v1/organizations',
          method: 'POST',
          localAddress: from,
          headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) },
        },
        (res) => {
          res.resume();
          res.on('end', () =>
            resolve({ status: res.statusCode ?? 0, retryAfter: res.headers['retry-after'] }),
          );
        },
      );
      req.on('error', reject);
      req.end(body);
    });
  }

  it('answers 429 with Retry-After past the limit, counts each address apart, and resets next hour', async () => {
    const first = [];
    for (let i = 0; i < 3; i++) first.push(await signUp('127.0.0.2', `Signup ${i}`));
    expect(first.map((r) => r.status)).toEqual([201, 201, 429]);
    expect(first[2]?.retryAfter).toBe('30');
    expect((await signUp('127.0.0.3', 'Other address')).status).toBe(201);
    now = new Date('2026-03-01T13:00:05Z');
    expect((await signUp('127.0.0.2', 'Next hour')).status).toBe(201);
  });
});
