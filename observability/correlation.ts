import { randomUUID } from 'node:crypto';
import type { MiddlewareHandler } from 'hono';
import { incomingCorrelationId, withCorrelationId } from './correlation-context.ts';
import type { Logger } from './logger.ts';

export interface CorrelationOptions {
  /** Writes one access-log line per request (method, path, status, duration) when given. */
  logger?: Logger;
  /** Makes a fresh id when the request carries none (default: a random UUID). */
  newId?: () => string;
  /** Monotonic clock in milliseconds, for the access-log duration. */
  now?: () => number;
  /** More fields for the access-log line, read once the request was handled (e.g. its organization). */
  describe?: (c: Parameters<MiddlewareHandler>[0]) => Record<string, unknown>;
}

export type CorrelationVariables = { correlationId: string };

/**
 * Gives every request a correlation id — the caller's `x-request-id` or `traceparent` trace id when
 * acceptable, else a fresh one — binds it to the async context for the whole request (so every log
 * line and every workflow the request starts carries it) and echoes it in `x-request-id`.
 * Mount it first: `app.use(correlation({ logger }))`.
 */
export function correlation(
  options: CorrelationOptions = {},
): MiddlewareHandler<{ Variables: CorrelationVariables }> {
  const newId = options.newId ?? randomUUID;
  const now = options.now ?? (() => performance.now());
  return async function correlationMiddleware(c, next) {
    const correlationId = incomingCorrelationId((name) => c.req.header(name)) ?? newId();
    c.set('correlationId', correlationId);
    const started = now();
    await withCorrelationId(correlationId, async () => {
      await next();
      c.header('x-request-id', correlationId);
      options.logger?.info(
        {
          method: c.req.method,
          path: c.req.path,
          status: c.res.status,
          durationMs: Math.round((now() - started) * 10) / 10,
          ...options.describe?.(c),
        },
        'request',
      );
    });
  };
}
