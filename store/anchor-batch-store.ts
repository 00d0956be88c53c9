import type { Db } from 'mongodb';
import type { TenantScope } from './tenant-scope.ts';

/** One HCS anchor: a Merkle batch of documents (readings, or a single credential) and its proofs. */
export interface AnchorBatchRecord {
  _id: string;
  orgId: string;
  projectId: string;
  kind: 'readings' | 'credential';
  /** Reading ids or the credential id, in leaf order. */
  members: string[];
  root: string;
  count: number;
  topicId: string;
  sequenceNumber: number;
  consensusTimestamp: string;
  transactionId: string;
  /** Inclusion proof per member, same order (engine/anchoring InclusionProof). */
  proofs: Record<string, unknown>[];
  /** The VerifiedReadingBatch credential of a readings batch. */
  credentialId?: string;
  createdAt: Date;
}

const batches = (db: Db) => db.collection<AnchorBatchRecord>('anchor_batches');

export function anchorBatchStore(db: Db) {
  return {
    async get(scope: TenantScope, id: string): Promise<AnchorBatchRecord | null> {
      return await batches(db).findOne({ orgId: scope.orgId, _id: id });
    },
    async insertOnce(
      scope: TenantScope,
      record: Omit<AnchorBatchRecord, 'orgId'>,
    ): Promise<AnchorBatchRecord> {
      await batches(db).updateOne(
        { orgId: scope.orgId, _id: record._id },
        { $setOnInsert: { ...record, orgId: scope.orgId } },
        { upsert: true },
      );
      return (await batches(db).findOne({ orgId: scope.orgId, _id: record._id }))!;
    },
    async setCredential(scope: TenantScope, id: string, credentialId: string): Promise<void> {
      await batches(db).updateOne({ orgId: scope.orgId, _id: id }, { $set: { credentialId } });
    },
    async listReadingBatches(scope: TenantScope, projectId: string): Promise<AnchorBatchRecord[]> {
      return await batches(db)
        .find({ orgId: scope.orgId, projectId, kind: 'readings' })
        .sort({ createdAt: 1 })
        .limit(10_000)
        .toArray();
    },
  };
}
