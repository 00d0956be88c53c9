import type { Context } from 'hono';
import { type RateLimitStore, rateLimitStore } from '../../store/rate-limit-store.ts';
import type { ApiContext } from '../api-context.ts';
import type { ApiEnv, Principal } from '../env.ts';
import { ApiError } from '../errors.ts';

const HOUR_MS = 3_600_000;
/** Local hits are sent to MongoDB in one `$inc` when this many pile up or this much time passed. */
const FLUSH_EVERY_HITS = 25;
const FLUSH_EVERY_MS = 200;

interface KeyWindow {
  known: number;
  pending: number;
  lastFlush: number;
  flushing?: Promise<void>;
}

/**
 * Counts hits per key and hour. The first hit of a key in a window asks MongoDB (so every instance
 * starts from the shared total); later hits are counted locally and added to the shared counter in
 * batches. One instance is exact; N instances may together admit up to N × 25 extra requests an hour.
 */
function createCounter(store: RateLimitStore, ctx: ApiContext) {
  const windows = new Map<string, KeyWindow>();
  async function flush(principal: Principal, window: number, state: KeyWindow): Promise<void> {
    const count = state.pending;
    state.pending = 0;
    state.lastFlush = Date.now();
    state.known = await store.hit(principal.tenant, { keyId: principal.keyId, window, count });
  }
  return async (principal: Principal, window: number): Promise<number> => {
    const id = `${principal.tenant.orgId}/${principal.keyId}/${window}`;
    let state = windows.get(id);
    if (!state) {
      for (const [k] of windows) if (!k.endsWith(`/${window}`)) windows.delete(k);
      state = { known: 0, pending: 1, lastFlush: 0 };
      windows.set(id, state);
      await flush(principal, window, state);
      return state.known;
    }
    state.pending++;
    const s = state;
    if (!s.flushing && (s.pending >= FLUSH_EVERY_HITS || Date.now() - s.lastFlush > FLUSH_EVERY_MS)) {
      s.flushing = flush(principal, window, s)
        .catch((error) => ctx.logger.warn({ err: error }, 'rate-limit counter flush failed'))
        .finally(() => {
          s.flushing = undefined;
        });
    }
    return s.known + s.pending;
  };
}

const counters = new WeakMap<ApiContext, ReturnType<typeof createCounter>>();

/**
 * Per-key fixed hourly window shared by every API instance (counters live in MongoDB). Over the
 * limit: 429 with Retry-After = seconds until the window ends. Every answer carries the budget.
 */
export async function enforceRateLimit(
  c: Context<ApiEnv>,
  ctx: ApiContext,
  principal: Principal,
): Promise<void> {
  let counter = counters.get(ctx);
  if (!counter) {
    counter = createCounter(rateLimitStore(ctx.db), ctx);
    counters.set(ctx, counter);
  }
  const now = ctx.clock().getTime();
  const window = Math.floor(now / HOUR_MS) * HOUR_MS;
  const count = await counter(principal, window);
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
