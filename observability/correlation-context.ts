import { AsyncLocalStorage } from 'node:async_hooks';
import { correlationIdPattern } from './temporal/correlation-header.ts';

/**
 * The correlation id of the work being done right now, bound to the async context: set once at the
 * edge (HTTP middleware, activity interceptor) and read by every logger made with `createLogger`.
 */
const storage = new AsyncLocalStorage<{ correlationId: string }>();

/** The correlation id of the current async context, if any. */
export function currentCorrelationId(): string | undefined {
  return storage.getStore()?.correlationId;
}

/** Runs `fn` (and everything it awaits) under `correlationId`. */
export function withCorrelationId<T>(correlationId: string, fn: () => T): T {
  return storage.run({ correlationId }, fn);
}

/** True for an id we accept from outside: short, printable, no spaces or control characters. */
export function isValidCorrelationId(value: unknown): value is string {
  return typeof value === 'string' && correlationIdPattern.test(value);
}

const traceparentPattern = /^([0-9a-f]{2})-([0-9a-f]{32})-([0-9a-f]{16})-([0-9a-f]{2})$/;

/**
 * The correlation id an incoming request already carries: `x-request-id` when it is acceptable,
 * else the trace id of a valid W3C `traceparent` (so logs join the caller's trace), else undefined.
 */
export function incomingCorrelationId(header: (name: string) => string | undefined): string | undefined {
  const requestId = header('x-request-id')?.trim();
  if (isValidCorrelationId(requestId)) return requestId;
  const match = traceparentPattern.exec(header('traceparent')?.trim().toLowerCase() ?? '');
  if (!match) return undefined;
  const [, version, traceId] = match;
  // Version ff is forbidden and an all-zero trace id is invalid (W3C Trace Context §3.2.2).
  if (version === 'ff' || /^0+$/.test(traceId!)) return undefined;
  return traceId;
}
