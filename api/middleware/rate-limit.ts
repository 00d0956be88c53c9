import type { Context } from 'hono';
import { rateLimitStore } from '../../store/rate-limit-store.ts';
import type { ApiContext } from '../api-context.ts';
import type { ApiEnv, Principal } from '../env.ts';
import { ApiError } from '../errors.ts';

const HOUR_MS = 3_600_000;
const stores = new WeakMap<object, ReturnType<typeof rateLimitStore>>();

/**
 * Per-key fixed hourly window shared by every API instance (counters live in MongoDB). Over the
 * limit: 429 with Retry-After = seconds until the window ends. Every answer carries the budget.
 */
export async function enforceRateLimit(
  c: Context<ApiEnv>,
  ctx: ApiContext,
  principal: Principal,
): Promise<void> {
  let store = stores.get(ctx.db);
  if (!store) {
    store = rateLimitStore(ctx.db);
    stores.set(ctx.db, store);
  }
  const now = ctx.clock().getTime();
  const window = Math.floor(now / HOUR_MS) * HOUR_MS;
  const count = await store.hit(principal.tenant, { keyId: principal.keyId, window });
  const limit = ctx.limits.ratePerHour;
  const resetS = Math.max(1, Math.ceil((window + HOUR_MS - now) / 1000));
  c.header('ratelimit-limit', String(limit));
  c.header('ratelimit-remaining', String(Math.max(0, limit - count)));
  c.header('ratelimit-reset', String(resetS));
  if (count > limit) {
    throw new ApiError('RATE_LIMITED', `this key may make ${limit} requests per hour`, {
      headers: { 'retry-after': String(resetS) },
    });
  }
}
