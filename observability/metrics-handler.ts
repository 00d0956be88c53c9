import type { Registry } from 'prom-client';
import { metricsRegistry } from './metrics.ts';

/**
 * Serves the registry in the Prometheus text format: `app.get('/metrics', metricsHandler)`.
 * The worker serves the same registry with `startMetricsServer`.
 */
export function metricsHandler(): Promise<Response> {
  return renderMetrics(metricsRegistry);
}

/** The exposition of one registry as an HTTP response (shared by the API route and the worker server). */
export async function renderMetrics(registry: Registry = metricsRegistry): Promise<Response> {
  const body = await registry.metrics();
  return new Response(body, { status: 200, headers: { 'content-type': registry.contentType } });
}
