import type { Context, Hono } from 'hono';
import type { Scope } from '../store/api-key-store.ts';
import { allowedMethods } from './allowed-methods.ts';
import type { ApiContext } from './api-context.ts';
import { requireCsrf, sessionTokenOf } from './auth/console-session.ts';
import type { ApiEnv, Principal } from './env.ts';
import { ApiError } from './errors.ts';
import { withIdempotency } from './middleware/idempotency.ts';
import { enforceRateLimit } from './middleware/rate-limit.ts';
import { apiErrorResponse } from './problem.ts';
import { parseInput } from './request-input.ts';
import type { JsonSchema } from './schema-validator.ts';

export type HttpMethod = 'get' | 'post' | 'put' | 'patch' | 'delete';

/** A route's contract: what it validates, who may call it and what it answers — and its OpenAPI entry. */
export interface RouteSpec {
  method: HttpMethod;
  /** OpenAPI form: `/v1/devices/{deviceId}`. */
  path: string;
  operationId: string;
  summary: string;
  description?: string;
  tag: string;
  /** `public`: no credential; `any`: any valid credential; otherwise the scope required (`admin` passes all). */
  auth: Scope | 'any' | 'public';
  params?: Record<string, JsonSchema>;
  /** An object schema over the query string. */
  query?: JsonSchema;
  /**
   * `json` bodies are validated against `schema` before the handler runs, unless `perItem` says the
   * handler validates each item itself (against the same schema file) to report per-item outcomes.
   */
  body?:
    | { kind: 'json'; schema: JsonSchema; perItem?: boolean }
    | { kind: 'text'; contentTypes: string[]; schema?: JsonSchema };
  /**
   * Every answer but problem+json errors (those are declared for all routes). A JSON body's schema
   * should be a `namedSchema`; an unnamed one is listed as `<OperationId>Result` (not …Response: Go's generator uses that name) — but every object
   * nested in it must be named (docs/api/openapi.md).
   */
  responses: Record<
    number,
    {
      description: string;
      schema?: JsonSchema;
      contentType?: string;
      /** Other media types of the same answer (e.g. `image/png` beside JSON). */
      also?: { contentType: string; schema?: JsonSchema }[];
    }
  >;
  /** The request body's example in the document (otherwise one is sampled from the schema). */
  example?: unknown;
  /** A `public` route limited per client address (429 with Retry-After), declared as such. */
  limitedPerAddress?: boolean;
  /** For `public` routes that take their own credential (e.g. HTTP Basic client authentication). */
  security?: Record<string, string[]>[];
  /** The 2xx body holds a secret shown once: never stored for Idempotency-Key replays. */
  secretResponse?: boolean;
  /** Told when the rate limit refused a request of this route (e.g. to count refused telemetry). */
  onRateLimited?: (principal: Principal) => void;
}

export interface RouteInput<Body> {
  params: Record<string, string>;
  query: Record<string, unknown>;
  body: Body;
  principal: Principal;
}

const MUTATING = new Set<HttpMethod>(['post', 'put', 'patch', 'delete']);

function requireScope(principal: Principal, needed: RouteSpec['auth']): void {
  if (needed === 'any' || needed === 'public') return;
  if (principal.scopes.includes(needed) || principal.scopes.includes('admin')) return;
  throw new ApiError('FORBIDDEN_SCOPE', `this operation needs the '${needed}' scope`, {
    extensions: { required_scope: needed },
  });
}

/**
 * Mounts one route with its whole pipeline: authenticate → rate limit → scope → Idempotency-Key →
 * validate → handler → audit. `ApiError`s become problem+json here, so idempotent replays and the
 * audit log see the real status.
 */
export function mountRoute<Body = unknown>(
  app: Hono<ApiEnv>,
  ctx: ApiContext,
  spec: RouteSpec,
  handler: (c: Context<ApiEnv>, input: RouteInput<Body>) => Promise<Response>,
): void {
  ctx.routes.push(spec);
  if (spec.query) ctx.validator.prepare(spec.query, true);
  if (spec.body?.kind === 'json' && !spec.body.perItem) ctx.validator.prepare(spec.body.schema);
  const honoPath = spec.path.replace(/\{(\w+)\}/g, ':$1');
  app.on(spec.method.toUpperCase(), honoPath, async (c) => {
    // `/v1/devices/provision` is a literal path of its own, not a `{deviceId}` of this template.
    if (spec.params && ctx.routes.some((r) => r.path === c.req.path)) {
      const allow = allowedMethods(ctx.routes, c.req.path).join(', ');
      const response = apiErrorResponse(
        c,
        new ApiError('METHOD_NOT_ALLOWED', `${c.req.path} allows ${allow}`),
      );
      response.headers.set('allow', allow);
      return response;
    }
    if (spec.auth === 'public') {
      try {
        const input = await parseInput(c, ctx.validator, spec);
        return await handler(c, { ...input, principal: undefined as never } as RouteInput<Body>);
      } catch (error) {
        if (error instanceof ApiError) return apiErrorResponse(c, error);
        throw error;
      }
    }
    let principal: Principal | undefined;
    let response: Response | undefined;
    try {
      const authorization = c.req.header('authorization');
      const apiKey = c.req.header('x-api-key');
      // The console's cookie counts only when no explicit credential is sent (API clients never rely on it).
      const session = authorization || apiKey ? undefined : sessionTokenOf(c);
      principal = await ctx.auth.authenticate({
        authorization,
        apiKey,
        session,
        certificate: c.get('clientCertificate'),
      });
      c.set('principal', principal);
      if (session && MUTATING.has(spec.method)) requireCsrf(c, session);
      await enforceRateLimit(c, ctx, principal);
      requireScope(principal, spec.auth);
      const p = principal;
      const run = async () => {
        try {
          const input = await parseInput(c, ctx.validator, spec);
          return await handler(c, { ...input, principal: p } as RouteInput<Body>);
        } catch (error) {
          if (error instanceof ApiError) return apiErrorResponse(c, error);
          throw error;
        }
      };
      const key = c.req.header('idempotency-key');
      response =
        spec.method === 'post' && key !== undefined
          ? await withIdempotency(c, ctx, { principal, key, spec, run })
          : await run();
      return response;
    } catch (error) {
      if (error instanceof ApiError) {
        if (error.code === 'RATE_LIMITED' && principal) spec.onRateLimited?.(principal);
        response = apiErrorResponse(c, error);
        return response;
      }
      throw error;
    } finally {
      if (principal && MUTATING.has(spec.method)) {
        await recordAudit(ctx, principal, {
          at: ctx.clock().toISOString(),
          actor: `key:${principal.keyId}`,
          action: spec.operationId,
          resource: c.req.path,
          requestId: c.get('requestId'),
          status: response?.status ?? 500,
        });
      }
    }
  });
}

async function recordAudit(
  ctx: ApiContext,
  principal: Principal,
  content: Parameters<ApiContext['audit']['append']>[1],
): Promise<void> {
  try {
    await ctx.audit.append(principal.tenant, content);
  } catch (error) {
    // The request's own outcome stands; a failed audit append is an operator alarm, not a client error.
    ctx.logger.error({ err: error, action: content.action }, 'audit append failed');
  }
}
