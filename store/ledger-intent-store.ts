import { type Db, MongoServerError } from 'mongodb';
import type { IntentStore, LedgerIntent } from '../ledger/intent-store.ts';

type IntentDocument = Omit<LedgerIntent, 'id'> & { _id: string };
type VersionDocument = { _id: string; intentId: string; orgId: string; intent: IntentDocument };

const DUPLICATE_KEY = 11000;

/**
 * MongoDB storage for ledger intents, built only on what MongoDB and FerretDB both guarantee under
 * concurrency: an insert that violates a unique index fails. (An `updateOne` whose filter pins a
 * version is a compare-and-set on MongoDB, but FerretDB's SQLite backend checks the filter and writes
 * in two steps, so two writers can both "win" — measured, see the store test.)
 *
 * - `ledger_intents` holds one head document per intent; the unique index on (orgId, key) makes
 *   `create` a claim.
 * - `ledger_intent_versions` holds every later version under `_id = <id>#<version>`: inserting version
 *   v+1 is the compare-and-set — exactly one writer can insert it. The head is then updated as a cache;
 *   readers roll it forward from the versions, so a crash between the two writes loses nothing.
 * No multi-document transactions are used.
 */
export function ledgerIntentStore(db: Db): IntentStore & { ensureIndexes(): Promise<void> } {
  const intents = db.collection<IntentDocument>('ledger_intents');
  const versions = db.collection<VersionDocument>('ledger_intent_versions');

  /** The latest version of a head document: follow `<id>#<version+1>` while it exists. */
  async function rollForward(head: IntentDocument): Promise<IntentDocument> {
    let current = head;
    for (;;) {
      const next = await versions.findOne({ _id: `${current._id}#${current.version + 1}` });
      if (!next) break;
      current = next.intent;
    }
    // Repair a head left behind by a crash between a version insert and its head update.
    if (current.status !== head.status) await writeHead(current);
    return current;
  }

  async function writeHead(doc: IntentDocument): Promise<void> {
    const { _id, ...fields } = doc;
    // Best effort: a late, older write can only make the cache stale, and readers roll forward.
    await intents.updateOne({ _id, version: { $lt: doc.version } }, { $set: fields });
  }

  return {
    async ensureIndexes() {
      await intents.createIndex({ orgId: 1, key: 1 }, { unique: true, name: 'org_key_unique' });
      await intents.createIndex({ status: 1, updatedAtMs: 1 }, { name: 'status_updated' });
      await versions.createIndex({ intentId: 1 }, { name: 'intent' });
    },

    async create(intent) {
      try {
        await intents.insertOne(toDocument(intent));
        return { intent, created: true };
      } catch (error) {
        if (!(error instanceof MongoServerError) || error.code !== DUPLICATE_KEY) throw error;
        const existing = await intents.findOne({ orgId: intent.orgId, key: intent.key });
        if (!existing) throw error;
        return { intent: fromDocument(await rollForward(existing)), created: false };
      }
    },

    async get(orgId, key) {
      // Ids reach here from HTTP and the CLI: an object would be read as a query operator.
      if (typeof orgId !== 'string' || typeof key !== 'string') return null;
      const doc = await intents.findOne({ orgId, key });
      return doc ? fromDocument(await rollForward(doc)) : null;
    },

    async getById(id) {
      if (typeof id !== 'string') return null;
      const doc = await intents.findOne({ _id: id });
      return doc ? fromDocument(await rollForward(doc)) : null;
    },

    async replace(next) {
      const doc = toDocument(next);
      const head = await intents.findOne({ _id: doc._id, orgId: next.orgId });
      // The orgId check keeps a caller holding another tenant's id from writing to it.
      if (!head) return null;
      try {
        await versions.insertOne({
          _id: `${doc._id}#${next.version}`,
          intentId: doc._id,
          orgId: next.orgId,
          intent: doc,
        });
      } catch (error) {
        if (error instanceof MongoServerError && error.code === DUPLICATE_KEY) return null;
        throw error;
      }
      // Version v+1 is unique and could only be built by someone who read version v (itself unique),
      // so the versions form one linear history. The head (queried by status) is refreshed when the
      // status changes; in between, readers roll forward, which saves a write per step.
      if (head.status !== doc.status) await writeHead(doc);
      return next;
    },

    async listDeadLetters({ orgId, limit }) {
      if (orgId !== undefined && typeof orgId !== 'string') return [];
      const filter = orgId === undefined ? {} : { orgId };
      const heads = await intents
        .find({ ...filter, status: 'DEAD_LETTER' })
        .sort({ updatedAtMs: 1 })
        .limit(limit)
        .toArray();
      const current = await Promise.all(heads.map(rollForward));
      return current.filter((d) => d.status === 'DEAD_LETTER').map(fromDocument);
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
