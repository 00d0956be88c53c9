import { type Db, MongoServerError } from 'mongodb';
import type { IntentStore, LedgerIntent } from '../ledger/intent-store.ts';

type IntentDocument = Omit<LedgerIntent, 'id'> & { _id: string };

const COLLECTION = 'ledger_intents';
const DUPLICATE_KEY = 11000;

/**
 * MongoDB storage for ledger intents. Exactly-once rests on two single-document guarantees that
 * MongoDB and FerretDB both give: a unique index on (orgId, key) makes `create` a claim, and
 * `replace` is a compare-and-set on `version`. No multi-document transactions are used.
 */
export function ledgerIntentStore(db: Db): IntentStore & { ensureIndexes(): Promise<void> } {
  const intents = db.collection<IntentDocument>(COLLECTION);
  return {
    async ensureIndexes() {
      await intents.createIndex({ orgId: 1, key: 1 }, { unique: true, name: 'org_key_unique' });
      await intents.createIndex({ status: 1, updatedAtMs: 1 }, { name: 'status_updated' });
    },

    async create(intent) {
      try {
        await intents.insertOne(toDocument(intent));
        return { intent, created: true };
      } catch (error) {
        if (!(error instanceof MongoServerError) || error.code !== DUPLICATE_KEY) throw error;
        const existing = await intents.findOne({ orgId: intent.orgId, key: intent.key });
        if (!existing) throw error;
        return { intent: fromDocument(existing), created: false };
      }
    },

    async get(orgId, key) {
      // Ids reach here from HTTP and the CLI: an object would be read as a query operator.
      if (typeof orgId !== 'string' || typeof key !== 'string') return null;
      const doc = await intents.findOne({ orgId, key });
      return doc ? fromDocument(doc) : null;
    },

    async getById(id) {
      if (typeof id !== 'string') return null;
      const doc = await intents.findOne({ _id: id });
      return doc ? fromDocument(doc) : null;
    },

    async replace(next) {
      const { _id, ...fields } = toDocument(next);
      // The filter pins orgId too, so a caller holding another tenant's id cannot overwrite it.
      const result = await intents.updateOne(
        { _id, orgId: next.orgId, version: next.version - 1 },
        { $set: fields },
      );
      return result.matchedCount === 1 ? next : null;
    },

    async listDeadLetters({ orgId, limit }) {
      const filter =
        orgId === undefined ? { status: 'DEAD_LETTER' as const } : { status: 'DEAD_LETTER' as const, orgId };
      const docs = await intents.find(filter).sort({ updatedAtMs: 1 }).limit(limit).toArray();
      return docs.map(fromDocument);
    },
  };
}

function toDocument(intent: LedgerIntent): IntentDocument {
  const { id, ...rest } = intent;
  return { _id: id, ...rest };
}

function fromDocument(doc: IntentDocument): LedgerIntent {
  const { _id, ...rest } = doc;
  return { id: _id, ...rest };
}
