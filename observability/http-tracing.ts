import { context, propagation, SpanKind, SpanStatusCode, trace } from '@opentelemetry/api';
import type { MiddlewareHandler } from 'hono';
import { currentCorrelationId } from './correlation-context.ts';
import { respondingRoute } from './responding-route.ts';

const tracer = trace.getTracer('mrv-api');

/**
 * Opens a server span per request, continuing the caller's W3C `traceparent` when present, so the
 * workflows the request starts (through the Temporal OpenTelemetry interceptors) join its trace.
 * Without `startTracing` the global tracer is a no-op and this costs almost nothing.
 * Mount after `correlation()`: `app.use(correlation()); app.use(httpTracing())`.
 */
export function httpTracing(): MiddlewareHandler {
  return async function httpTracingMiddleware(c, next) {
    const carrier: Record<string, string> = {};
    c.req.raw.headers.forEach((value, key) => {
      carrier[key] = value;
    });
    const parent = propagation.extract(context.active(), carrier);
    const span = tracer.startSpan(
      `${c.req.method} request`,
      { kind: SpanKind.SERVER, attributes: { 'http.request.method': c.req.method, 'url.path': c.req.path } },
      parent,
    );
    const correlationId = currentCorrelationId();
    if (correlationId) span.setAttribute('mrv.correlation_id', correlationId);
    try {
      await context.with(trace.setSpan(parent, span), () => next());
      const route = respondingRoute(c);
      span.updateName(`${c.req.method} ${route}`);
      span.setAttribute('http.route', route);
      span.setAttribute('http.response.status_code', c.res.status);
      if (c.res.status >= 500) span.setStatus({ code: SpanStatusCode.ERROR });
    } finally {
      span.end();
    }
  };
}
