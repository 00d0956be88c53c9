import type { Context } from 'hono';
import type { ApiEnv } from '../env.ts';
import { ApiError } from '../errors.ts';
import { clientAddress } from './client-address.ts';

const MINUTE_MS = 60_000;
/** Addresses remembered at once: a spoofed-source flood costs bounded memory, never the process. */
const MAX_ADDRESSES = 10_000;

/**
 * Requests per client address and minute on an unauthenticated read route (the public documents).
 * Counted in this instance's memory, not in MongoDB: the point is that a flood costs the database
 * nothing, and a bundle is content-addressed and cacheable, so N instances allowing N× the budget is
 * harmless. Above the limit: 429 with Retry-After until the window ends.
 */
export function createPublicReadLimiter(options: { perMinute: number; clock: () => Date }) {
  const windows = new Map<string, { window: number; count: number }>();
  return (c: Context<ApiEnv>): void => {
    const now = options.clock().getTime();
    const window = Math.floor(now / MINUTE_MS) * MINUTE_MS;
    const address = clientAddress(c);
    let entry = windows.get(address);
    if (!entry || entry.window !== window) {
      if (windows.size >= MAX_ADDRESSES) forgetOld(windows, window);
      entry = { window, count: 0 };
      windows.delete(address);
      windows.set(address, entry);
    }
    entry.count += 1;
    if (entry.count > options.perMinute) {
      const resetS = Math.max(1, Math.ceil((window + MINUTE_MS - now) / 1000));
      throw new ApiError(
        'RATE_LIMITED',
        `an address may read ${options.perMinute} public documents per minute`,
        { headers: { 'retry-after': String(resetS) } },
      );
    }
  };
}

/** Drops windows that have ended; when every address is current, the oldest-inserted ones. */
function forgetOld(windows: Map<string, { window: number }>, current: number): void {
  for (const [address, entry] of windows) if (entry.window !== current) windows.delete(address);
  for (const address of windows.keys()) {
    if (windows.size < MAX_ADDRESSES) break;
    windows.delete(address);
  }
}
