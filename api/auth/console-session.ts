import { createHash, timingSafeEqual } from 'node:crypto';
import type { Context } from 'hono';
import { deleteCookie, getCookie, setCookie } from 'hono/cookie';
import { ApiError } from '../errors.ts';

/** The console's session cookie: an access token this API signed, never readable by page scripts. */
export const SESSION_COOKIE = 'mrv_session';
/** How long a console sign-in lasts; the token still dies at once when its key is revoked. */
export const SESSION_TTL_S = 8 * 3600;

/**
 * The CSRF token of a session: a hash of the (httpOnly) session token. Page scripts learn it only
 * from `GET /v1/console/session`, which a cross-site page cannot read, so a forged request cannot
 * carry it; binding it to the token means no server-side state and no second cookie.
 */
export function csrfTokenOf(sessionToken: string): string {
  return createHash('sha256').update(`mrv-console-csrf\n${sessionToken}`).digest('base64url');
}

export function sessionTokenOf(c: Context): string | undefined {
  const value = getCookie(c, SESSION_COOKIE);
  return value && value.length <= 4096 ? value : undefined;
}

export function setSessionCookie(c: Context, token: string, maxAgeS: number): void {
  setCookie(c, SESSION_COOKIE, token, {
    httpOnly: true,
    sameSite: 'Strict',
    secure: new URL(c.req.url).protocol === 'https:',
    path: '/',
    maxAge: maxAgeS,
  });
}

export function clearSessionCookie(c: Context): void {
  deleteCookie(c, SESSION_COOKIE, { path: '/' });
}

/**
 * A state change authenticated by the session cookie must carry `X-CSRF-Token` (which a cross-site
 * form cannot set) and, when the browser says where it comes from, come from our own origin.
 */
export function requireCsrf(c: Context, sessionToken: string): void {
  const sent = c.req.header('x-csrf-token') ?? '';
  const expected = csrfTokenOf(sessionToken);
  const ok = sent.length === expected.length && timingSafeEqual(Buffer.from(sent), Buffer.from(expected));
  if (!ok) throw new ApiError('CSRF_REFUSED', 'send the X-CSRF-Token of GET /v1/console/session');
  const site = c.req.header('sec-fetch-site');
  if (site && site !== 'same-origin') {
    throw new ApiError('CSRF_REFUSED', `a console state change must come from the console (came ${site})`);
  }
}
