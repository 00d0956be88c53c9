import { type Db, MongoServerError } from 'mongodb';
import type { TenantScope } from './tenant-scope.ts';

interface RateWindow {
  orgId: string;
  keyId: string;
  /** Start of the fixed window, epoch ms. */
  window: number;
  count: number;
}

/** Sign-ups per client address: not tenant data (no organization exists yet), so a collection of its own. */
interface SignupWindow {
  /** `<client>@<window>`: the `_id` index makes the counter unique without a tenant index. */
  _id: string;
  client: string;
  window: number;
  count: number;
}

const windows = (db: Db) => db.collection<RateWindow>('rate_limits');
const signups = (db: Db) => db.collection<SignupWindow>('signup_limits');

/** Two first hits of a window race on the upsert; the loser retries as an increment. */
async function retryingDuplicateKey<T>(upsert: () => Promise<T>): Promise<T> {
  for (let attempt = 0; ; attempt++) {
    try {
      return await upsert();
    } catch (error) {
      if (error instanceof MongoServerError && error.code === 11000 && attempt < 3) continue;
      throw error;
    }
  }
}

/**
 * Fixed-window request counters kept in MongoDB, so N API instances share one budget per key.
 * One atomic `$inc` per request; old windows are removed as new ones open.
 */
export function rateLimitStore(db: Db) {
  return {
    /** Adds `count` requests (default 1) and returns the window's total including them. */
    async hit(scope: TenantScope, input: { keyId: string; window: number; count?: number }): Promise<number> {
      const count = input.count ?? 1;
      const filter = { orgId: scope.orgId, keyId: input.keyId, window: input.window };
      const doc = await retryingDuplicateKey(() =>
        windows(db).findOneAndUpdate(filter, { $inc: { count } }, { upsert: true, returnDocument: 'after' }),
      );
      if (doc?.count === count) {
        // First request of a new window: drop this key's older windows (cheap, indexed).
        await windows(db).deleteMany({
          orgId: scope.orgId,
          keyId: input.keyId,
          window: { $lt: input.window },
        });
      }
      return doc?.count ?? count;
    },

    /** One organization sign-up from `client` (an address) in `window`; returns the window's total. */
    async hitSignup(input: { client: string; window: number }): Promise<number> {
      const doc = await retryingDuplicateKey(() =>
        signups(db).findOneAndUpdate(
          { _id: `${input.client}@${input.window}` },
          { $inc: { count: 1 }, $setOnInsert: { client: input.client, window: input.window } },
          { upsert: true, returnDocument: 'after' },
        ),
      );
      if (doc?.count === 1) await signups(db).deleteMany({ window: { $lt: input.window } });
      return doc?.count ?? 1;
    },
  };
}

export type RateLimitStore = ReturnType<typeof rateLimitStore>;
