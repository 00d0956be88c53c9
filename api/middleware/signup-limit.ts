import type { Context } from 'hono';
import { rateLimitStore } from '../../store/rate-limit-store.ts';
import type { ApiContext } from '../api-context.ts';
import type { ApiEnv } from '../env.ts';
import { ApiError } from '../errors.ts';
import { clientAddress } from './client-address.ts';

const HOUR_MS = 3_600_000;

/**
 * Organization sign-up is public, so it is limited per client address and hour (counted in MongoDB,
 * shared by every API instance): above the limit, 429 with Retry-After until the window ends.
 */
export async function enforceSignupLimit(c: Context<ApiEnv>, ctx: ApiContext): Promise<void> {
  const now = ctx.clock().getTime();
  const window = Math.floor(now / HOUR_MS) * HOUR_MS;
  const count = await rateLimitStore(ctx.db).hitSignup({ client: clientAddress(c), window });
  const limit = ctx.limits.signupsPerHour;
  if (count > limit) {
    const resetS = Math.max(1, Math.ceil((window + HOUR_MS - now) / 1000));
    throw new ApiError('RATE_LIMITED', `an address may register ${limit} organizations per hour`, {
      headers: { 'retry-after': String(resetS) },
    });
  }
}
