import type { Db } from 'mongodb';
import { findOwned } from './find-owned.ts';
import type { TenantScope } from './tenant-scope.ts';

/**
 * A version of a status list chosen for anchoring (workflows/activities/ledger-activities.ts
 * `anchorStatusLists`): the exact signed credential, kept before it is anchored so a retried
 * activity anchors the same bytes, and so a trust chain can carry every anchored version (an
 * auditor requires them all: identity/check-status-lists.ts). `_id` is the anchor batch's id, one
 * per list and set of revoked indexes.
 */
export interface StatusListAnchorRecord {
  _id: string;
  orgId: string;
  listId: string;
  /** The revoked indexes this version shows, comma-separated: what makes a new version worth anchoring. */
  revokedKey: string;
  credential: Record<string, unknown>;
  createdAt: Date;
}

const collection = (db: Db) => db.collection<StatusListAnchorRecord>('status_list_anchors');

export function statusListAnchorStore(db: Db) {
  return {
    /** Inserts once; whoever inserted first wins, and the stored version is returned. */
    async insertOnce(
      scope: TenantScope,
      record: Omit<StatusListAnchorRecord, 'orgId'>,
    ): Promise<StatusListAnchorRecord> {
      await collection(db).updateOne(
        { _id: record._id },
        { $setOnInsert: { ...record, orgId: scope.orgId } },
        { upsert: true },
      );
      const stored = await findOwned(collection(db), scope, record._id);
      if (!stored) throw new Error(`status-list anchor ${record._id} belongs to another organization`);
      return stored;
    },
    /** A list's versions chosen for anchoring, oldest first (a handful per list: one per revocation). */
    async versionsOf(scope: TenantScope, listId: string): Promise<StatusListAnchorRecord[]> {
      return await collection(db)
        .find({ orgId: scope.orgId, listId })
        .sort({ createdAt: 1, _id: 1 })
        .limit(10_000)
        .toArray();
    },
  };
}
