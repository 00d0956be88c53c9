import type { Db } from 'mongodb';
import { findOwned } from './find-owned.ts';
import type { TenantScope } from './tenant-scope.ts';

/**
 * The rules' verdict on an anchored reading when it was verified, and the verifier clock it was
 * computed with (RFC 3339): what the trust chain states per reading (identity/check-readings.ts).
 */
export interface AnchoredVerdict {
  status: 'APPROVED' | 'FLAGGED' | 'REJECTED';
  verifiedAt: string;
}

/**
 * One HCS anchor: a Merkle batch of documents (readings, a single credential, or a policy version's
 * publication) and its proofs.
 */
export interface AnchorBatchRecord {
  _id: string;
  orgId: string;
  /** Absent for a policy publication, which belongs to the organization, not to one project. */
  projectId?: string;
  kind: 'readings' | 'credential' | 'policy' | 'status-list';
  /** Reading ids, the credential id or the policy version id, in leaf order. */
  members: string[];
  root: string;
  count: number;
  topicId: string;
  sequenceNumber: number;
  consensusTimestamp: string;
  transactionId: string;
  /** Inclusion proof per member, same order (engine/anchoring InclusionProof). */
  proofs: Record<string, unknown>[];
  /**
   * A readings batch's verdict per member, same order; `null` (or the field absent, in batches
   * anchored before verdicts were) for a reading anchored once it was approved.
   */
  verdicts?: (AnchoredVerdict | null)[];
  /** The VerifiedReadingBatch credential of a readings batch. */
  credentialId?: string;
  createdAt: Date;
}

/** The anchor batch of a policy version's publication: one per version, so anchored at most once. */
export const policyPublicationBatchId = (policyVersionId: string) => `policy-publication/${policyVersionId}`;

const batches = (db: Db) => db.collection<AnchorBatchRecord>('anchor_batches');

export function anchorBatchStore(db: Db) {
  const store = {
    // By bare `_id` with the organization checked on the document (find-owned.ts): batches carry
    // every member's proof, and FerretDB decodes the whole collection for any other filter.
    async get(scope: TenantScope, id: string): Promise<AnchorBatchRecord | null> {
      return await findOwned(batches(db), scope, id);
    },
    async insertOnce(
      scope: TenantScope,
      record: Omit<AnchorBatchRecord, 'orgId'>,
    ): Promise<AnchorBatchRecord> {
      // Only inserts: an existing document is left as it is, whoever's it is.
      await batches(db).updateOne(
        { _id: record._id },
        { $setOnInsert: { ...record, orgId: scope.orgId } },
        { upsert: true },
      );
      const stored = await findOwned(batches(db), scope, record._id);
      if (!stored) throw new Error(`anchor batch id ${record._id} belongs to another organization`);
      return stored;
    },
    async setCredential(scope: TenantScope, id: string, credentialId: string): Promise<void> {
      if (!(await findOwned(batches(db), scope, id))) return;
      await batches(db).updateOne({ _id: id }, { $set: { credentialId } });
    },
    /**
     * Which of a project's readings are anchored, and in which batch: the batch records are the one
     * place that says so (a reading carries no pointer, which saved a write per reading). Reads the
     * project's reading batches without their proofs.
     */
    async readingMembership(scope: TenantScope, projectId: string): Promise<Map<string, string>> {
      const anchored = await store.readingVerdicts(scope, projectId);
      return new Map([...anchored].map(([id, a]) => [id, a.batchId]));
    },
    /** Like `readingMembership`, with each reading's anchored verdict (absent for a legacy member). */
    async readingVerdicts(
      scope: TenantScope,
      projectId: string,
    ): Promise<Map<string, { batchId: string; verdict?: AnchoredVerdict }>> {
      const anchored = new Map<string, { batchId: string; verdict?: AnchoredVerdict }>();
      const cursor = batches(db).find(
        { orgId: scope.orgId, projectId, kind: 'readings' },
        { projection: { members: 1, verdicts: 1 } },
      );
      for await (const batch of cursor) {
        batch.members.forEach((id, i) => {
          const verdict = batch.verdicts?.[i];
          anchored.set(id, { batchId: batch._id, ...(verdict ? { verdict } : {}) });
        });
      }
      return anchored;
    },
  };
  return store;
}
