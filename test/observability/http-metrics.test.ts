import { Hono } from 'hono';
import { describe, expect, it } from 'vitest';
import { httpMetrics } from '../../observability/http-metrics.ts';
import { metricsHandler } from '../../observability/metrics-handler.ts';
import { metricValue } from './support/metric-value.ts';

function app() {
  const hono = new Hono();
  hono.use(httpMetrics());
  hono.get('/metrics', metricsHandler);
  hono.get('/v1/devices/:id', (c) => c.json({ id: c.req.param('id') }));
  hono.post('/v1/boom', () => {
    throw new Error('boom');
  });
  hono.onError((_, c) => c.json({ error: 'internal' }, 500));
  return hono;
}

const count = (labels: Record<string, string>) => metricValue('mrv_http_requests_total', labels);

describe('HTTP metrics middleware', () => {
  it('labels requests with the route pattern, never the raw path with its ids', async () => {
    const before = await count({ route: '/v1/devices/:id', status: '200', method: 'GET' });
    await app().request('/v1/devices/did:key:z6MkAAA');
    await app().request('/v1/devices/did:key:z6MkBBB');
    expect(await count({ route: '/v1/devices/:id', status: '200', method: 'GET' })).toBe(before + 2);
    const exposition = await (await app().request('/metrics')).text();
    expect(exposition).not.toContain('z6MkAAA');
    expect(
      await metricValue('mrv_http_request_duration_seconds', { route: '/v1/devices/:id' }, 'count'),
    ).toBeGreaterThanOrEqual(2);
  });

  it('records handler errors as 500 on their route', async () => {
    const before = await count({ route: '/v1/boom', status: '500' });
    const res = await app().request('/v1/boom', { method: 'POST' });
    expect(res.status).toBe(500);
    expect(await count({ route: '/v1/boom', status: '500' })).toBe(before + 1);
  });

  it('collapses unmatched paths into one label value, whatever the path', async () => {
    const before = await count({ route: 'unmatched', status: '404' });
    for (let i = 0; i < 5; i += 1) await app().request(`/random/${i}/${'x'.repeat(i * 100)}`);
    expect(await count({ route: 'unmatched', status: '404' })).toBe(before + 5);
  });

  it('collapses unknown HTTP methods into OTHER', async () => {
    const before = await count({ method: 'OTHER' });
    await app().request('/v1/devices/1', { method: 'PROPFIND' });
    await app().request('/v1/devices/1', { method: 'X-EVIL-METHOD' });
    expect(await count({ method: 'OTHER' })).toBe(before + 2);
  });

  it('serves every metric of the system in the Prometheus text format at /metrics, without counting itself', async () => {
    const before = await count({ route: '/metrics' });
    const res = await app().request('/metrics');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('text/plain');
    const body = await res.text();
    for (const name of [
      'mrv_http_requests_total',
      'mrv_telemetry_submissions_total',
      'mrv_hedera_transactions_total',
      'mrv_hedera_circuit_breaker_state',
      'mrv_review_queue_depth',
      'mrv_mongodb_command_duration_seconds',
      'process_cpu_seconds_total',
    ]) {
      expect(body).toContain(`# TYPE ${name} `);
    }
    expect(await count({ route: '/metrics' })).toBe(before);
  });
});
