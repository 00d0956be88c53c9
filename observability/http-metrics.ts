import type { MiddlewareHandler } from 'hono';
import { httpRequestDurationSeconds, httpRequestsInFlight, httpRequestsTotal } from './metrics.ts';
import { respondingRoute } from './responding-route.ts';

export interface HttpMetricsOptions {
  /** Paths not measured (the scrape endpoint itself and probes would drown the real traffic). */
  ignorePaths?: readonly string[];
  /** Monotonic clock in seconds; injectable for tests. */
  now?: () => number;
}

const defaultIgnored = ['/metrics', '/healthz', '/readyz'];

/**
 * Records every HTTP request by method, route pattern and status. The route is the pattern that
 * answered (`/v1/selftest/:id`), never the raw path, so ids in URLs cannot explode the label set;
 * a request no route matched is recorded as `unmatched`. Mount it first: `app.use(httpMetrics())`.
 */
export function httpMetrics(options: HttpMetricsOptions = {}): MiddlewareHandler {
  const ignored = new Set(options.ignorePaths ?? defaultIgnored);
  const now = options.now ?? (() => performance.now() / 1000);
  return async function httpMetricsMiddleware(c, next) {
    if (ignored.has(c.req.path)) return next();
    const started = now();
    httpRequestsInFlight.inc();
    try {
      await next();
    } finally {
      httpRequestsInFlight.dec();
      const labels = {
        method: normalizeMethod(c.req.method),
        route: respondingRoute(c),
        status: String(c.res.status),
      };
      httpRequestsTotal.inc(labels);
      httpRequestDurationSeconds.observe(labels, now() - started);
    }
  };
}

const knownMethods = new Set(['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS']);

/** Anything else (a client may send any token as a method) collapses into one label value. */
function normalizeMethod(method: string): string {
  return knownMethods.has(method) ? method : 'OTHER';
}
