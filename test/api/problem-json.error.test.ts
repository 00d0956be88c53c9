import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiErrorCodes, statusOf } from '../../api/errors.ts';
import { type ApiHarness, call, registerOrganization, startApiHarness } from './support/api-harness.ts';

describe('errors are RFC 9457 problem+json', () => {
  let h: ApiHarness;
  let org: { key: string };
  const app = () => h.app({ limits: { bodyBytes: 2048 } });
  beforeAll(async () => {
    h = await startApiHarness('problem');
    org = await registerOrganization(app());
  });
  afterAll(async () => await h?.close());

  function expectProblem(res: Awaited<ReturnType<typeof call>>, status: number, code: string) {
    expect(res.status).toBe(status);
    expect(res.headers.get('content-type')).toBe('application/problem+json');
    expect(res.json).toMatchObject({ status, title: expect.any(String) });
    expect(res.json.type).toBe(`urn:mrv:problem:${code.toLowerCase().replace(/_/g, '-')}`);
  }

  it('maps every error code to a 4xx or 5xx status in one table', () => {
    for (const code of apiErrorCodes) expect(statusOf(code)).toBeGreaterThanOrEqual(400);
  });

  it('answers an unknown route with 404', async () => {
    expectProblem(await call(app(), 'GET', '/v1/nothing-here'), 404, 'NOT_FOUND');
  });

  it('answers 413 for a body over the configured limit, with or without Content-Length', async () => {
    const big = JSON.stringify({ name: 'x'.repeat(4096), scopes: ['admin'] });
    expectProblem(
      await call(app(), 'POST', '/v1/api-keys', { key: org.key, body: big }),
      413,
      'PAYLOAD_TOO_LARGE',
    );
    const stream = new ReadableStream({
      start(controller) {
        controller.enqueue(new TextEncoder().encode(big));
        controller.close();
      },
    });
    const res = await app().request('/v1/api-keys', {
      method: 'POST',
      headers: { authorization: `Bearer ${org.key}`, 'content-type': 'application/json' },
      body: stream,
      duplex: 'half',
    } as RequestInit);
    expect(res.status).toBe(413);
  });

  it('answers malformed JSON with 400 and a wrong media type with 415', async () => {
    expectProblem(
      await call(app(), 'POST', '/v1/api-keys', { key: org.key, body: '{"name": ' }),
      400,
      'MALFORMED_BODY',
    );
    expectProblem(
      await call(app(), 'POST', '/v1/api-keys', {
        key: org.key,
        body: 'name=x',
        headers: { 'content-type': 'text/plain' },
      }),
      415,
      'UNSUPPORTED_MEDIA_TYPE',
    );
  });

  it('echoes a sane X-Request-Id and replaces a hostile one', async () => {
    const ok = await call(app(), 'GET', '/v1/nothing', { headers: { 'x-request-id': 'abc-123' } });
    expect(ok.headers.get('x-request-id')).toBe('abc-123');
    expect(ok.json.request_id).toBe('abc-123');
    const hostile = await call(app(), 'GET', '/v1/nothing', { headers: { 'x-request-id': '<script>' } });
    expect(hostile.headers.get('x-request-id')).not.toBe('<script>');
  });
});
