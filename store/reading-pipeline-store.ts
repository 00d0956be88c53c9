import type { Db } from 'mongodb';
import { ownedById } from './owned-by-id.ts';
import type { Reading, ReadingStatus } from './reading-store.ts';
import type { TenantScope } from './tenant-scope.ts';

const readings = (db: Db) => db.collection<Reading>('readings');

/** What never changes once a reading has its verdict: the signed document and the verifier's findings. */
export type SettledReading = Pick<Reading, '_id' | 'orgId' | 'timestamp' | 'documentJson' | 'findings'>;

/** Settled readings kept per database (oldest dropped first): a batch is read once, not three times. */
const MAX_SETTLED = 50_000;
const settledByDb = new WeakMap<Db, Map<string, SettledReading>>();

/**
 * The workflows' side of the `readings` collection (the API inserts them; reading-store.ts): batch
 * reads and the writes that follow verification, review and anchoring. Every write is idempotent.
 * Batches go by `_id` with the organization checked in code (owned-by-id.ts: FerretDB scans the
 * whole collection for any other filter).
 */
export function readingPipelineStore(db: Db) {
  const byId = ownedById<Reading>(db, 'readings');
  const cache = settledByDb.get(db) ?? new Map<string, SettledReading>();
  settledByDb.set(db, cache);
  const remember = (r: SettledReading) => {
    if (cache.size >= MAX_SETTLED) cache.delete(cache.keys().next().value!);
    cache.set(r._id, {
      _id: r._id,
      orgId: r.orgId,
      timestamp: r.timestamp,
      documentJson: r.documentJson,
      findings: r.findings,
    });
  };
  return {
    /**
     * Records readings whose verdict was just stored, so the anchoring and batch-credential steps
     * that follow in this worker need not read them again. Only immutable fields are kept, so a
     * cached entry is never stale; a miss (another worker, a restart) reads the database.
     */
    rememberSettled(scope: TenantScope, readings: readonly Omit<SettledReading, 'orgId'>[]): void {
      for (const r of readings) remember({ ...r, orgId: scope.orgId });
    },
    /** The scope's verified readings among `ids` (document, timestamp, findings), in the order of `ids`. */
    async getSettled(scope: TenantScope, ids: readonly string[]): Promise<SettledReading[]> {
      const misses = ids.filter((id) => !cache.has(id));
      for (const r of misses.length > 0 ? await byId.find(scope, misses) : []) {
        if (r.status !== 'RECEIVED') remember(r);
      }
      return [...new Set(ids)].flatMap((id) => {
        const r = cache.get(id);
        return r && r.orgId === scope.orgId ? [r] : [];
      });
    },
    /** The scope's readings among `ids`, in the order of `ids`; others' and unknown ids are left out. */
    async getMany(scope: TenantScope, ids: readonly string[]): Promise<Reading[]> {
      return await byId.find(scope, ids);
    },
    async setStatuses(
      scope: TenantScope,
      outcomes: readonly { id: string; status: ReadingStatus }[],
    ): Promise<void> {
      // The last status given for a reading wins (the bulk write below is unordered).
      const statusOf = new Map(outcomes.map((o) => [o.id, o.status]));
      await byId.updateEach(scope, [...statusOf.keys()], (id) => ({ $set: { status: statusOf.get(id)! } }));
    },
    /**
     * A project's readings whose interval ends in [from, to) (ISO strings sort as times), whatever
     * their status: the period counts some and the trust chain states every verdict.
     */
    async inRange(scope: TenantScope, projectId: string, from: string, to: string): Promise<Reading[]> {
      return await readings(db)
        .find({ orgId: scope.orgId, projectId, timestamp: { $gte: from, $lt: to } })
        .sort({ _id: 1 })
        .toArray();
    },
  };
}
