import { createHash } from 'node:crypto';
import type { Context } from 'hono';
import { idempotencyStore } from '../../store/idempotency-store.ts';
import type { ApiContext } from '../api-context.ts';
import type { ApiEnv, Principal } from '../env.ts';
import { ApiError } from '../errors.ts';
import type { RouteSpec } from '../route.ts';

const KEY_FORMAT = /^[\x21-\x7e]{1,255}$/;

/**
 * `Idempotency-Key` on POST: the first request with a key runs and its answer is kept (24 h by
 * default); a repeat with the same key and the same request gets that answer again with
 * `Idempotency-Replayed: true`; the same key with another request is refused (422). Keys are per
 * credential and URL, so one key's stored answers never reach another credential or endpoint. A 5xx is not kept: the client may retry.
 * Answers that carry a one-time secret are not stored: a repeat learns it happened (409), not the secret.
 */
export async function withIdempotency(
  c: Context<ApiEnv>,
  ctx: ApiContext,
  options: { principal: Principal; key: string; spec: RouteSpec; run: () => Promise<Response> },
): Promise<Response> {
  const { principal, key, spec } = options;
  if (!KEY_FORMAT.test(key)) {
    throw new ApiError('VALIDATION_FAILED', 'Idempotency-Key must be 1-255 visible ASCII characters', {
      errors: [
        { in: 'header', pointer: '/Idempotency-Key', message: 'must be 1-255 visible ASCII characters' },
      ],
    });
  }
  const store = idempotencyStore(ctx.db);
  const body = await c.req.text();
  const requestHash = createHash('sha256')
    .update(`${spec.method} ${c.req.path}\n${c.req.header('content-type') ?? ''}\n`)
    .update(body)
    .digest('hex');
  // Scoped to the credential and the operation's URL: one key sent to two endpoints names two requests.
  const who = { principal: principal.keyId, key: `${spec.method.toUpperCase()} ${c.req.path} ${key}` };
  const now = ctx.clock();
  const claim = await store.claim(principal.tenant, {
    ...who,
    requestHash,
    now,
    ttlMs: ctx.limits.idempotencyTtlMs,
  });
  if (!claim.claimed) {
    const existing = claim.existing;
    if (existing.requestHash !== requestHash) {
      throw new ApiError('IDEMPOTENCY_KEY_REUSED', 'this Idempotency-Key was used with a different request');
    }
    if (existing.state === 'pending') {
      throw new ApiError('IDEMPOTENCY_IN_PROGRESS', 'the first request with this key has not finished', {
        headers: { 'retry-after': '1' },
      });
    }
    if (existing.secretWithheld) {
      throw new ApiError(
        'IDEMPOTENCY_SECRET_WITHHELD',
        'the request succeeded earlier; its secret is not stored',
        {
          extensions: { original_status: existing.status },
        },
      );
    }
    return new Response(existing.body ?? null, {
      status: existing.status ?? 200,
      headers: { 'content-type': existing.contentType ?? 'application/json', 'idempotency-replayed': 'true' },
    });
  }
  let response: Response;
  try {
    response = await options.run();
  } catch (error) {
    await store.release(principal.tenant, who);
    throw error;
  }
  if (response.status >= 500) {
    await store.release(principal.tenant, who);
    return response;
  }
  const withhold = spec.secretResponse && response.status < 300;
  await store.complete(principal.tenant, {
    ...who,
    status: response.status,
    contentType: response.headers.get('content-type') ?? 'application/json',
    body: withhold ? undefined : await response.clone().text(),
  });
  return response;
}
