import { Hono } from 'hono';
import { describe, expect, it } from 'vitest';
import { type CorrelationVariables, correlation } from '../../observability/correlation.ts';
import { currentCorrelationId, incomingCorrelationId } from '../../observability/correlation-context.ts';
import { createLogger } from '../../observability/logger.ts';

function app(newId = () => 'fresh-id') {
  const lines: string[] = [];
  const logger = createLogger({ destination: { write: (line: string) => void lines.push(line) } });
  const hono = new Hono<{ Variables: CorrelationVariables }>();
  hono.use(correlation({ logger, newId }));
  hono.get('/echo', async (c) => {
    await new Promise((resolve) => setTimeout(resolve, 1));
    return c.json({ fromContext: currentCorrelationId(), fromVar: c.get('correlationId') });
  });
  return { hono, lines };
}

const headers = (h: Record<string, string>) => ({ headers: h });

describe('correlation middleware', () => {
  it('takes an acceptable x-request-id, binds it for the whole request and echoes it', async () => {
    const { hono } = app();
    const res = await hono.request('/echo', headers({ 'x-request-id': 'client-req-42' }));
    expect(res.headers.get('x-request-id')).toBe('client-req-42');
    expect(await res.json()).toEqual({ fromContext: 'client-req-42', fromVar: 'client-req-42' });
  });

  it('makes a fresh id when the request carries none', async () => {
    const res = await app().hono.request('/echo');
    expect(res.headers.get('x-request-id')).toBe('fresh-id');
  });

  it('writes one access-log line per request with the correlation id, status and no secret header', async () => {
    const { hono, lines } = app();
    await hono.request('/echo', headers({ 'x-request-id': 'r-1', authorization: 'Bearer abcdefghijklmnop' }));
    await hono.request('/nowhere', headers({ 'x-request-id': 'r-2' }));
    const entries = lines.map((l) => JSON.parse(l));
    expect(entries).toEqual([
      expect.objectContaining({ msg: 'request', correlationId: 'r-1', path: '/echo', status: 200 }),
      expect.objectContaining({ msg: 'request', correlationId: 'r-2', path: '/nowhere', status: 404 }),
    ]);
    expect(lines.join('')).not.toContain('abcdefghijklmnop');
  });

  it.each([
    ['too long', 'x'.repeat(129)],
    ['with spaces', 'a b'],
    ['with quotes and braces', 'a","level":60'],
    ['non-ASCII', 'idé'],
    ['empty', ''],
    ['starting with punctuation', '-abc'],
  ])('ignores an x-request-id that is %s', async (_, value) => {
    const res = await app().hono.request('/echo', headers({ 'x-request-id': value }));
    expect(res.headers.get('x-request-id')).toBe('fresh-id');
  });

  it('accepts the longest allowed id (128 characters)', async () => {
    const id = `a${'b'.repeat(127)}`;
    const res = await app().hono.request('/echo', headers({ 'x-request-id': id }));
    expect(res.headers.get('x-request-id')).toBe(id);
  });
});

describe('incoming correlation id', () => {
  const from = (h: Record<string, string>) => incomingCorrelationId((name) => h[name]);
  const trace = '4bf92f3577b34da6a3ce929d0e0e4736';

  it('prefers x-request-id over traceparent', () => {
    expect(from({ 'x-request-id': 'r-9', traceparent: `00-${trace}-00f067aa0ba902b7-01` })).toBe('r-9');
  });

  it('uses the trace id of a valid traceparent, case-insensitively', () => {
    expect(from({ traceparent: `00-${trace.toUpperCase()}-00F067AA0BA902B7-01` })).toBe(trace);
  });

  it.each([
    ['an all-zero trace id', `00-${'0'.repeat(32)}-00f067aa0ba902b7-01`],
    ['the forbidden version ff', `ff-${trace}-00f067aa0ba902b7-01`],
    ['a short trace id', `00-${trace.slice(2)}-00f067aa0ba902b7-01`],
    ['garbage', 'not-a-traceparent'],
    ['an oversized value', `00-${trace}-00f067aa0ba902b7-01${'x'.repeat(10_000)}`],
  ])('ignores a traceparent with %s', (_, value) => {
    expect(from({ traceparent: value })).toBeUndefined();
  });
});
