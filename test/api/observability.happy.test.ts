import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ApiHarness, call, registerOrganization, startApiHarness } from './support/api-harness.ts';
import { setUpProject, telemetry } from './support/fixtures.ts';

/** The value of one sample line of the Prometheus exposition (0 when absent). */
function sample(exposition: string, name: string, labels: Record<string, string>): number {
  const wanted = Object.entries(labels).map(([k, v]) => `${k}="${v}"`);
  const line = exposition
    .split('\n')
    .find((l) => l.startsWith(`${name}{`) && wanted.every((w) => l.includes(w)));
  return line ? Number(line.slice(line.lastIndexOf(' ') + 1)) : 0;
}

describe('observability of the API', () => {
  let h: ApiHarness;
  let org: { key: string; orgId: string };
  let setup: Awaited<ReturnType<typeof setUpProject>>;
  beforeAll(async () => {
    h = await startApiHarness('observability');
    org = await registerOrganization(h.app());
    setup = await setUpProject(h.app(), org.key);
  });
  afterAll(async () => await h?.close());

  it('serves Prometheus metrics at /metrics without credentials', async () => {
    const res = await h.app().request('/metrics');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('text/plain');
    expect(await res.text()).toContain('# TYPE mrv_http_requests_total counter');
  });

  it('counts requests by route pattern, never by raw path', async () => {
    const app = h.app();
    await call(app, 'GET', `/v1/devices/${setup.device.id}`, { key: org.key });
    const text = await (await app.request('/metrics')).text();
    expect(
      sample(text, 'mrv_http_requests_total', { route: '/v1/devices/:deviceId', status: '200' }),
    ).toBeGreaterThan(0);
    expect(text).not.toContain(setup.device.id);
  });

  it('counts telemetry documents per outcome: accepted, duplicate, bad signature, invalid', async () => {
    const app = h.app();
    const labels = (status: string) => ({ organization: org.orgId, status });
    const before = await (await app.request('/metrics')).text();
    const doc = telemetry(setup.device, 900);
    const forged = { ...telemetry(setup.device, 901), seq: 902 };
    const res = await call(app, 'POST', '/v1/telemetry', {
      key: org.key,
      body: { documents: [doc, doc, forged, { schema_version: 'x' }] },
    });
    expect(res.status).toBe(202);
    const after = await (await app.request('/metrics')).text();
    const delta = (status: string) =>
      sample(after, 'mrv_telemetry_submissions_total', labels(status)) -
      sample(before, 'mrv_telemetry_submissions_total', labels(status));
    expect(delta('accepted') + delta('duplicate')).toBe(2);
    expect(delta('bad_signature')).toBe(1);
    expect(delta('invalid')).toBe(1);
  });

  it('echoes the correlation id it was given and makes one when the given one is hostile', async () => {
    const ok = await call(h.app(), 'GET', '/healthz', { headers: { 'x-request-id': 'corr-42' } });
    expect(ok.headers.get('x-request-id')).toBe('corr-42');
    const hostile = await call(h.app(), 'GET', '/healthz', {
      headers: { 'x-request-id': `${'x'.repeat(200)}<script>` },
    });
    expect(hostile.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
  });
});
