import type { Hono } from 'hono';
import { consoleSessionStore } from '../../store/console-session-store.ts';
import type { ApiContext } from '../api-context.ts';
import { parseApiKey } from '../auth/api-key-secret.ts';
import {
  clearSessionCookie,
  csrfTokenOf,
  SESSION_TTL_S,
  sessionTokenOf,
  setSessionCookie,
} from '../auth/console-session.ts';
import { consoleSessionJson, consoleSessionSchema, consoleSignInSchema } from '../console-session-view.ts';
import type { ApiEnv } from '../env.ts';
import { mountRoute } from '../route.ts';

type SignIn = { api_key?: string; client_id?: string; client_secret?: string };

/**
 * The web console's session (`/console`): sign-in exchanges an API key or OAuth client credentials for
 * an access token kept in an httpOnly, SameSite=Strict cookie, so the key never sits in page storage.
 * The console then calls the same public routes as any client; the cookie is its credential there.
 */
export function registerConsoleSession(app: Hono<ApiEnv>, ctx: ApiContext): void {
  const sessions = consoleSessionStore(ctx.db);
  mountRoute<SignIn>(
    app,
    ctx,
    {
      method: 'post',
      path: '/v1/console/session',
      operationId: 'createConsoleSession',
      summary: 'Sign in to the web console (sets an httpOnly session cookie)',
      description:
        'A JSON body (a cross-site HTML form cannot send one without a CORS preflight, which is never granted).',
      tag: 'Console',
      auth: 'public',
      body: { kind: 'json', schema: consoleSignInSchema },
      responses: { 201: { description: 'Signed in', schema: consoleSessionSchema } },
    },
    async (c, { body }) => {
      const clientSecret = body.api_key ?? body.client_secret ?? '';
      const clientId = body.api_key ? (parseApiKey(body.api_key)?.prefix ?? '') : (body.client_id ?? '');
      const userAgent = c.req.header('user-agent');
      const { token } = await ctx.auth.startConsoleSession({
        clientId,
        clientSecret,
        ttlS: SESSION_TTL_S,
        ...(userAgent ? { userAgent } : {}),
      });
      const principal = await ctx.auth.authenticate({ session: token });
      setSessionCookie(c, token, SESSION_TTL_S);
      c.header('cache-control', 'no-store');
      return c.json(await consoleSessionJson(ctx, principal, csrfTokenOf(token)), 201);
    },
  );
  mountRoute(
    app,
    ctx,
    {
      method: 'get',
      path: '/v1/console/session',
      operationId: 'getConsoleSession',
      summary: 'Who the console is signed in as: organization, scopes, roles and the CSRF token',
      tag: 'Console',
      auth: 'any',
      responses: { 200: { description: 'The session', schema: consoleSessionSchema } },
    },
    async (c, { principal }) => {
      const session = c.req.header('authorization') ? undefined : sessionTokenOf(c);
      c.header('cache-control', 'no-store');
      return c.json(await consoleSessionJson(ctx, principal, session ? csrfTokenOf(session) : null));
    },
  );
  mountRoute(
    app,
    ctx,
    {
      method: 'delete',
      path: '/v1/console/session',
      operationId: 'deleteConsoleSession',
      summary: 'Sign out of the web console (revokes this session, clears the cookie)',
      tag: 'Console',
      auth: 'any',
      responses: { 204: { description: 'Signed out' } },
    },
    async (c, { principal }) => {
      // Revoked server-side too: a copy of the cookie taken before sign-out is dead as well.
      if (principal.sessionId)
        await sessions.revoke(principal.tenant, principal.keyId, principal.sessionId, ctx.clock());
      clearSessionCookie(c);
      return c.body(null, 204);
    },
  );
}
