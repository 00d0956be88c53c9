import type { Db } from 'mongodb';
import { ownedById } from './owned-by-id.ts';
import type { Reading, ReadingStatus } from './reading-store.ts';
import type { TenantScope } from './tenant-scope.ts';

/** Where an approved reading was anchored: its batch and leaf (the proof is in the batch record). */
export interface ReadingAnchor {
  batchId: string;
  leafIndex: number;
}

type PipelineReading = Reading & { anchor?: ReadingAnchor };

const readings = (db: Db) => db.collection<PipelineReading>('readings');

/**
 * The workflows' side of the `readings` collection (the API inserts them; reading-store.ts): batch
 * reads and the writes that follow verification, review and anchoring. Every write is idempotent.
 * Batches go by `_id` with the organization checked in code (owned-by-id.ts: FerretDB scans the
 * whole collection for any other filter).
 */
export function readingPipelineStore(db: Db) {
  const byId = ownedById<PipelineReading>(db, 'readings');
  return {
    /** The scope's readings among `ids`, in the order of `ids`; others' and unknown ids are left out. */
    async getMany(scope: TenantScope, ids: readonly string[]): Promise<PipelineReading[]> {
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
    /** Each reading's leaf is its position in `ids` (the batch's member order). */
    async setAnchors(scope: TenantScope, batchId: string, ids: readonly string[]): Promise<void> {
      await byId.updateEach(scope, ids, (_id, leafIndex) => ({ $set: { anchor: { batchId, leafIndex } } }));
    },
    /** Approved readings of a project whose interval ends in [from, to) (ISO strings sort as times). */
    async approvedInRange(
      scope: TenantScope,
      projectId: string,
      from: string,
      to: string,
    ): Promise<PipelineReading[]> {
      return await readings(db)
        .find({ orgId: scope.orgId, projectId, status: 'APPROVED', timestamp: { $gte: from, $lt: to } })
        .sort({ _id: 1 })
        .toArray();
    },
    async countByStatusInRange(
      scope: TenantScope,
      projectId: string,
      from: string,
      to: string,
    ): Promise<Partial<Record<ReadingStatus, number>>> {
      const out: Partial<Record<ReadingStatus, number>> = {};
      const cursor = readings(db).find(
        { orgId: scope.orgId, projectId, timestamp: { $gte: from, $lt: to } },
        { projection: { status: 1 } },
      );
      for await (const r of cursor) out[r.status] = (out[r.status] ?? 0) + 1;
      return out;
    },
  };
}
