import { type Db, MongoServerError } from 'mongodb';
import type { TenantScope } from './tenant-scope.ts';

interface RateWindow {
  orgId: string;
  keyId: string;
  /** Start of the fixed window, epoch ms. */
  window: number;
  count: number;
}

const windows = (db: Db) => db.collection<RateWindow>('rate_limits');

/**
 * Fixed-window request counters kept in MongoDB, so N API instances share one budget per key.
 * One atomic `$inc` per request; old windows are removed as new ones open.
 */
export function rateLimitStore(db: Db) {
  return {
    /** Adds `count` requests (default 1) and returns the window's total including them. */
    async hit(scope: TenantScope, input: { keyId: string; window: number; count?: number }): Promise<number> {
      const filter = { orgId: scope.orgId, keyId: input.keyId, window: input.window };
      for (let attempt = 0; ; attempt++) {
        try {
          const doc = await windows(db).findOneAndUpdate(
            filter,
            { $inc: { count: input.count ?? 1 } },
            { upsert: true, returnDocument: 'after' },
          );
          if (doc?.count === (input.count ?? 1)) {
            // First request of a new window: drop this key's older windows (cheap, indexed).
            await windows(db).deleteMany({
              orgId: scope.orgId,
              keyId: input.keyId,
              window: { $lt: input.window },
            });
          }
          return doc?.count ?? 1;
        } catch (error) {
          // Two first requests raced on the upsert; the loser retries as an increment.
          if (error instanceof MongoServerError && error.code === 11000 && attempt < 3) continue;
          throw error;
        }
      }
    },
  };
}

export type RateLimitStore = ReturnType<typeof rateLimitStore>;
