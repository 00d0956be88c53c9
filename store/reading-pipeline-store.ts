import type { Db } from 'mongodb';
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
 */
export function readingPipelineStore(db: Db) {
  return {
    async getMany(scope: TenantScope, ids: readonly string[]): Promise<PipelineReading[]> {
      return await readings(db)
        .find({ orgId: scope.orgId, _id: { $in: [...ids] } })
        .toArray();
    },
    async setStatuses(
      scope: TenantScope,
      outcomes: readonly { id: string; status: ReadingStatus }[],
    ): Promise<void> {
      const groups = new Map<ReadingStatus, string[]>();
      for (const o of outcomes) groups.set(o.status, [...(groups.get(o.status) ?? []), o.id]);
      for (const [status, ids] of groups) {
        await readings(db).updateMany({ orgId: scope.orgId, _id: { $in: ids } }, { $set: { status } });
      }
    },
    async setAnchors(scope: TenantScope, batchId: string, ids: readonly string[]): Promise<void> {
      for (const [leafIndex, id] of ids.entries()) {
        await readings(db).updateOne(
          { orgId: scope.orgId, _id: id },
          { $set: { anchor: { batchId, leafIndex } } },
        );
      }
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
