import type { Hono } from 'hono';
import { consoleSessionStore } from '../../store/console-session-store.ts';
import type { ApiContext } from '../api-context.ts';
import { dateTimeSchema, idSchema, listSchema } from '../api-schemas.ts';
import { clearSessionCookie } from '../auth/console-session.ts';
import type { ApiEnv } from '../env.ts';
import { ApiError } from '../errors.ts';
import { namedSchema } from '../openapi/named-schema.ts';
import { mountRoute } from '../route.ts';

const sessionSchema = namedSchema('ConsoleSessionRecord', {
  type: 'object',
  description: 'A live web console sign-in of the calling key',
  properties: {
    id: idSchema('ses'),
    created_at: dateTimeSchema,
    expires_at: dateTimeSchema,
    user_agent: { type: ['string', 'null'], description: 'The browser at sign-in' },
    current: { type: 'boolean', description: 'Whether this request came with this session' },
  },
  required: ['id', 'created_at', 'expires_at', 'user_agent', 'current'],
});

/**
 * The calling key's console sessions, each revocable on its own, or all at once ("sign out
 * everywhere"): a stolen session cookie dies without revoking the key. A key sees only its own.
 */
export function registerConsoleSessions(app: Hono<ApiEnv>, ctx: ApiContext): void {
  const sessions = consoleSessionStore(ctx.db);
  mountRoute(
    app,
    ctx,
    {
      method: 'get',
      path: '/v1/console/sessions',
      operationId: 'listConsoleSessions',
      summary: "The calling key's live web console sessions",
      tag: 'Console',
      auth: 'any',
      responses: {
        200: {
          description: 'Live sessions, newest first',
          schema: listSchema('ConsoleSessionList', sessionSchema),
        },
      },
    },
    async (c, { principal }) => {
      const live = await sessions.listLive(principal.tenant, principal.keyId, ctx.clock());
      return c.json({
        data: live.map((s) => ({
          id: s._id,
          created_at: s.createdAt.toISOString(),
          expires_at: s.expiresAt.toISOString(),
          user_agent: s.userAgent ?? null,
          current: s._id === principal.sessionId,
        })),
      });
    },
  );
  mountRoute(
    app,
    ctx,
    {
      method: 'delete',
      path: '/v1/console/sessions/{sessionId}',
      operationId: 'revokeConsoleSession',
      summary: 'Revoke one web console session of the calling key',
      tag: 'Console',
      auth: 'any',
      params: { sessionId: idSchema('ses') },
      responses: { 204: { description: 'Revoked: its cookie no longer authenticates' } },
    },
    async (c, { params, principal }) => {
      const id = params.sessionId!;
      if (!(await sessions.revoke(principal.tenant, principal.keyId, id, ctx.clock())))
        throw new ApiError('NOT_FOUND', `no live console session ${id} of this key`);
      if (id === principal.sessionId) clearSessionCookie(c);
      return c.body(null, 204);
    },
  );
  mountRoute(
    app,
    ctx,
    {
      method: 'delete',
      path: '/v1/console/sessions',
      operationId: 'revokeConsoleSessions',
      summary: 'Sign out everywhere: revoke every web console session of the calling key',
      tag: 'Console',
      auth: 'any',
      responses: {
        200: {
          description: 'How many sessions were revoked',
          schema: namedSchema('ConsoleSessionsRevoked', {
            type: 'object',
            properties: { revoked: { type: 'integer', minimum: 0 } },
            required: ['revoked'],
          }),
        },
      },
    },
    async (c, { principal }) => {
      const revoked = await sessions.revokeAll(principal.tenant, principal.keyId, ctx.clock());
      if (principal.sessionId) clearSessionCookie(c);
      return c.json({ revoked });
    },
  );
}
