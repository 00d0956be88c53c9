import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ApiHarness, call, registerOrganization, startApiHarness } from './support/api-harness.ts';

describe('security headers', () => {
  let h: ApiHarness;
  beforeAll(async () => {
    h = await startApiHarness('headers');
  });
  afterAll(async () => h?.close());

  it('puts no-sniff, frame denial, no-referrer and a deny-all CSP on JSON, problem and 404 answers', async () => {
    const app = h.app();
    const org = await registerOrganization(app, 'Headers Hydro');
    for (const [path, key, status] of [
      ['/v1/organization', org.key, 200],
      ['/v1/organization', undefined, 401],
      ['/no/such/route', undefined, 404],
      ['/openapi.json', undefined, 200],
      ['/healthz', undefined, 200],
    ] as const) {
      const res = await call(app, 'GET', path, { key });
      expect(res.status, path).toBe(status);
      expect(res.headers.get('x-content-type-options'), path).toBe('nosniff');
      expect(res.headers.get('x-frame-options'), path).toBe('DENY');
      expect(res.headers.get('referrer-policy'), path).toBe('no-referrer');
      expect(res.headers.get('content-security-policy'), path).toBe(
        "default-src 'none'; frame-ancestors 'none'; base-uri 'none'",
      );
      expect(res.headers.get('strict-transport-security'), `${path} over plain HTTP`).toBeNull();
    }
  });

  it('gives the docs page a CSP that allows its own scripts only, never inline script', async () => {
    const res = await call(h.app(), 'GET', '/docs');
    expect(res.status).toBe(200);
    const csp = res.headers.get('content-security-policy') ?? '';
    const directives = Object.fromEntries(
      csp.split(';').map((d) => {
        const [name, ...values] = d.trim().split(/\s+/);
        return [name, values];
      }),
    );
    expect(directives['script-src']).toEqual(["'self'"]);
    expect(directives['default-src']).toEqual(["'none'"]);
    expect(directives['frame-ancestors']).toEqual(["'none'"]);
    expect(res.text).not.toMatch(/<script>(?!<\/script>)|<script(?![^>]*\bsrc=)[^>]*>/);
  });

  it('sends HSTS when the API is reached over TLS', async () => {
    const res = await call(h.app({ publicUrl: 'https://mrv.example.org' }), 'GET', '/healthz');
    expect(res.headers.get('strict-transport-security')).toBe('max-age=31536000; includeSubDomains');
  });
});
