import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startMetricsServer } from '../../observability/metrics-server.ts';

describe('worker metrics server', () => {
  let server: Awaited<ReturnType<typeof startMetricsServer>>;
  beforeAll(async () => {
    server = await startMetricsServer({ port: 0, host: '127.0.0.1' });
  });
  afterAll(() => server?.close());

  it('answers GET /metrics with the registry in the Prometheus text format', async () => {
    const res = await fetch(`http://127.0.0.1:${server.port}/metrics`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('text/plain');
    expect(await res.text()).toContain('# TYPE mrv_workflows_started_total counter');
  });

  it('answers 404 to any other path or method', async () => {
    expect((await fetch(`http://127.0.0.1:${server.port}/`)).status).toBe(404);
    expect((await fetch(`http://127.0.0.1:${server.port}/metrics/../admin`)).status).toBe(404);
    expect(
      (await fetch(`http://127.0.0.1:${server.port}/metrics`, { method: 'POST', body: 'x' })).status,
    ).toBe(404);
  });

  it('accepts a query string on /metrics', async () => {
    expect((await fetch(`http://127.0.0.1:${server.port}/metrics?name[]=x`)).status).toBe(200);
  });
});
