import type { Hono } from 'hono';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ApiEnv } from '../../api/env.ts';
import { consoleCsp } from '../../api/routes/console.ts';
import {
  type ApiHarness,
  call,
  createKey,
  registerOrganization,
  startApiHarness,
} from './support/api-harness.ts';

/** The console's cookie session, its CSRF protection and the /console files under a strict CSP. */
describe('console session, CSRF and CSP', () => {
  let h: ApiHarness;
  let app: Hono<ApiEnv>;
  let org: Awaited<ReturnType<typeof registerOrganization>>;

  beforeAll(async () => {
    h = await startApiHarness('console_session');
    app = h.app();
    org = await registerOrganization(app, 'Console Hydro');
  });
  afterAll(async () => await h?.close());

  async function signIn(body: unknown) {
    const res = await call(app, 'POST', '/v1/console/session', { body });
    const cookie = /mrv_session=([^;]+)/.exec(res.headers.get('set-cookie') ?? '')?.[1];
    return { res, cookie: cookie ? `mrv_session=${cookie}` : '' };
  }

  it('signs in with an API key: an httpOnly SameSite=Strict cookie, no secret in the body', async () => {
    const { res, cookie } = await signIn({ api_key: org.key });
    expect(res.status).toBe(201);
    const setCookie = res.headers.get('set-cookie') ?? '';
    expect(setCookie).toMatch(/HttpOnly/i);
    expect(setCookie).toMatch(/SameSite=Strict/i);
    expect(setCookie).toMatch(/Path=\//);
    expect(res.text).not.toContain(org.key);
    expect(res.json).toMatchObject({
      organization: { id: org.orgId, name: 'Console Hydro' },
      roles: ['registry', 'project_developer'],
    });
    expect(res.json.scopes).toContain('admin');
    expect(res.json.csrf_token).toMatch(/^[\w-]{43}$/);
    const me = await call(app, 'GET', '/v1/console/session', { headers: { cookie } });
    expect(me.status).toBe(200);
    expect(me.json.csrf_token).toBe(res.json.csrf_token);
    expect((await call(app, 'GET', '/v1/organization', { headers: { cookie } })).status).toBe(200);
  });

  it('signs in with OAuth client credentials, and refuses wrong or malformed ones', async () => {
    const k = await createKey(app, org.key, ['readings:read'], 'reader');
    const ok = await signIn({ client_id: k.prefix, client_secret: k.key });
    expect(ok.res.status).toBe(201);
    expect(ok.res.json.scopes).toEqual(['readings:read']);
    expect((await signIn({ client_id: 'mrv_live_x_y', client_secret: k.key })).res.status).toBe(401);
    expect((await signIn({ api_key: `${org.key}x` })).res.status).toBe(401);
    expect((await signIn({ api_key: 'not-a-key' })).res.status).toBe(401);
    for (const bad of [
      {},
      { api_key: '' },
      { api_key: 'x'.repeat(600) },
      { api_key: org.key, extra: 1 },
      [],
      'x',
    ]) {
      expect((await signIn(bad)).res.status).toBe(400);
    }
    // A cross-site HTML form can only send form encodings: refused before any credential is looked at.
    const form = await call(app, 'POST', '/v1/console/session', {
      body: `api_key=${encodeURIComponent(org.key)}`,
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
    });
    expect(form.status).toBe(415);
  });

  it('refuses a state change made with the cookie unless it carries the CSRF token from our origin', async () => {
    const { res, cookie } = await signIn({ api_key: org.key });
    const csrf = res.json.csrf_token as string;
    const body = { name: 'via console', scopes: ['readings:read'] };
    const post = (headers: Record<string, string>) =>
      call(app, 'POST', '/v1/api-keys', { body, headers: { cookie, ...headers } });
    const none = await post({});
    expect(none.status).toBe(403);
    expect(none.json.code).toBe('CSRF_REFUSED');
    expect((await post({ 'x-csrf-token': 'A'.repeat(43) })).status).toBe(403);
    expect((await post({ 'x-csrf-token': csrf.slice(1) })).status).toBe(403);
    expect((await post({ 'x-csrf-token': csrf, 'sec-fetch-site': 'cross-site' })).status).toBe(403);
    expect((await post({ 'x-csrf-token': csrf, 'sec-fetch-site': 'same-site' })).status).toBe(403);
    expect((await post({ 'x-csrf-token': csrf, 'sec-fetch-site': 'same-origin' })).status).toBe(201);
    // Another session's token does not fit this one.
    const other = await signIn({ api_key: org.key });
    expect((await post({ 'x-csrf-token': other.res.json.csrf_token })).status).toBe(403);
    // API clients with an explicit credential are not affected by the cookie rules.
    expect(
      (await call(app, 'POST', '/v1/api-keys', { key: org.key, body, headers: { cookie } })).status,
    ).toBe(201);
  });

  it('signs out server-side (a kept copy of the cookie dies), and a session dies with its revoked key', async () => {
    const k = await createKey(app, org.key, ['readings:read'], 'short-lived');
    const { res, cookie } = await signIn({ api_key: k.key });
    const out = await call(app, 'DELETE', '/v1/console/session', {
      headers: { cookie, 'x-csrf-token': res.json.csrf_token },
    });
    expect(out.status).toBe(204);
    expect(out.headers.get('set-cookie')).toMatch(/mrv_session=;.*Max-Age=0/i);
    expect((await call(app, 'GET', '/v1/console/session', { headers: { cookie } })).status).toBe(401);
    const second = await signIn({ api_key: k.key });
    expect((await call(app, 'POST', `/v1/api-keys/${k.id}/revoke`, { key: org.key })).status).toBe(200);
    expect(
      (await call(app, 'GET', '/v1/console/session', { headers: { cookie: second.cookie } })).status,
    ).toBe(401);
    expect(
      (await call(app, 'GET', '/v1/console/session', { headers: { cookie: 'mrv_session=garbage' } })).status,
    ).toBe(401);
    const huge = `mrv_session=${'a'.repeat(5000)}`;
    expect((await call(app, 'GET', '/v1/console/session', { headers: { cookie: huge } })).status).toBe(401);
  });

  it('lists a key\'s sessions and revokes one, or all ("sign out everywhere"), and no one else\'s', async () => {
    const k = await createKey(app, org.key, ['readings:read'], 'two browsers');
    const laptop = await signIn({ api_key: k.key });
    const tablet = await signIn({ api_key: k.key });
    const phone = await signIn({ api_key: k.key });
    const as = (who: { cookie: string; res: { json: { csrf_token: string } } }) => ({
      cookie: who.cookie,
      'x-csrf-token': who.res.json.csrf_token,
    });
    const list = await call(app, 'GET', '/v1/console/sessions', { headers: { cookie: laptop.cookie } });
    expect(list.status).toBe(200);
    expect(list.json.data).toHaveLength(3);
    expect(list.json.data.filter((s: { current: boolean }) => s.current)).toHaveLength(1);
    const tabletId = (
      await call(app, 'GET', '/v1/console/sessions', { headers: { cookie: tablet.cookie } })
    ).json.data.find((s: { current: boolean }) => s.current).id as string;
    // Another key of the same organization, and another organization, cannot touch it.
    expect((await call(app, 'DELETE', `/v1/console/sessions/${tabletId}`, { key: org.key })).status).toBe(
      404,
    );
    const stranger = await registerOrganization(app, 'Stranger Hydro');
    expect(
      (await call(app, 'DELETE', `/v1/console/sessions/${tabletId}`, { key: stranger.key })).status,
    ).toBe(404);
    // The laptop revokes the tablet (with the CSRF token): the tablet's cookie and token die, the laptop's live.
    expect(
      (await call(app, 'DELETE', `/v1/console/sessions/${tabletId}`, { headers: { cookie: laptop.cookie } }))
        .status,
    ).toBe(403);
    const one = await call(app, 'DELETE', `/v1/console/sessions/${tabletId}`, { headers: as(laptop) });
    expect(one.status).toBe(204);
    expect(one.headers.get('set-cookie')).toBeNull();
    expect((await call(app, 'GET', '/v1/organization', { headers: { cookie: tablet.cookie } })).status).toBe(
      401,
    );
    const tabletToken = tablet.cookie.slice('mrv_session='.length);
    expect(
      (await call(app, 'GET', '/v1/organization', { headers: { authorization: `Bearer ${tabletToken}` } }))
        .status,
    ).toBe(401);
    expect((await call(app, 'GET', '/v1/organization', { headers: { cookie: laptop.cookie } })).status).toBe(
      200,
    );
    expect(
      (await call(app, 'DELETE', `/v1/console/sessions/${tabletId}`, { headers: as(laptop) })).status,
    ).toBe(404);
    expect((await call(app, 'DELETE', '/v1/console/sessions/ses_bad', { headers: as(laptop) })).status).toBe(
      404,
    );
    // Sign out everywhere: the two left go, the key itself still works.
    const all = await call(app, 'DELETE', '/v1/console/sessions', { headers: as(phone) });
    expect(all.json).toEqual({ revoked: 2 });
    for (const who of [laptop, phone])
      expect((await call(app, 'GET', '/v1/organization', { headers: { cookie: who.cookie } })).status).toBe(
        401,
      );
    expect((await call(app, 'GET', '/v1/console/sessions', { key: k.key })).json.data).toEqual([]);
  });

  it('serves /console under a strict CSP, only its own files', async () => {
    expect(consoleCsp).toContain("script-src 'self'");
    expect(consoleCsp).not.toContain('unsafe');
    const redirect = await app.request('/console');
    expect(redirect.status).toBe(302);
    expect(redirect.headers.get('location')).toBe('/console/');
    const page = await app.request('/console/');
    if (page.status === 200) {
      expect(page.headers.get('content-security-policy')).toBe(consoleCsp);
      expect(page.headers.get('x-frame-options')).toBe('DENY');
      const html = await page.text();
      expect(html).not.toMatch(/<script(?![^>]*\bsrc=)[^>]*>/);
    } else {
      expect(page.status).toBe(404); // not built in this checkout: a clear problem, not a crash
      expect(((await page.json()) as { detail: string }).detail).toContain('npm run web:build');
    }
    for (const path of [
      '/console/assets/..%2F..%2Fpackage.json',
      '/console/assets/.hidden.js',
      '/console/assets/index.exe',
      '/console/assets/nope-123.js',
      `/console/assets/${'a'.repeat(300)}.js`,
    ]) {
      expect((await app.request(path)).status).toBe(404);
    }
  });
});
