import type { Db } from 'mongodb';

/** One round trip API → Temporal → worker → MongoDB, recorded by the self-test workflow. */
export interface SelfTestRecord {
  _id: string;
  workflowId: string;
  requestedAt: string;
  recordedAt: string;
  recordedBy: string;
}

const collection = (db: Db) => db.collection<SelfTestRecord>('self_tests');

/** A system-level record (no organization): it proves the pipeline, it holds no tenant data. */
export function selfTestStore(db: Db) {
  return {
    /** Idempotent: a retried activity writes the same record once (upsert on the probe id). */
    async record(record: SelfTestRecord): Promise<void> {
      await collection(db).updateOne({ _id: record._id }, { $setOnInsert: record }, { upsert: true });
    },
    async get(id: string): Promise<SelfTestRecord | null> {
      return await collection(db).findOne({ _id: id });
    },
  };
}
