import type { AnyBulkWriteOperation, Collection, Db, Document, UpdateFilter, WithId } from 'mongodb';
import type { TenantScope } from './tenant-scope.ts';

type Owned = Document & { _id: string; orgId: string };

/** Lookups in flight per call: enough to overlap round trips, few enough to leave the pool to others. */
const LOOKUP_CONCURRENCY = 16;
/** Updates per bulk write (see `updateEach`). */
const BULK_CHUNK = 100;
/** Remembered owners per database before the memory is dropped and refilled from reads. */
const MAX_REMEMBERED = 200_000;

const owners = new WeakMap<Db, Map<string, string>>();

function ownersOf(db: Db): Map<string, string> {
  let map = owners.get(db);
  if (!map) {
    map = new Map();
    owners.set(db, map);
  }
  return map;
}

async function eachLimited<T>(items: readonly T[], run: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  const lanes = Array.from({ length: Math.min(LOOKUP_CONCURRENCY, items.length) }, async () => {
    while (next < items.length) await run(items[next++]!);
  });
  await Promise.all(lanes);
}

/**
 * Batch reads and writes of one tenant collection by `_id`, with the organization checked in code.
 * FerretDB 1.24 hands a filter to its backend only when it is exactly `{ _id: <string> }`; any other
 * filter (`{ orgId, _id }`, `{ _id: { $in } }`) makes it decode every document of the collection in
 * Go, per command. So a batch is read as one `_id` lookup per id, each document's `orgId` compared
 * with the scope (another organization's document reads as absent, as `findOwned` does), and writes
 * go out by bare `_id` only for ids whose document was seen to carry the scope's organization.
 * That knowledge is remembered per database: a document's `orgId` never changes and ids are never
 * reused, so an id once seen in an organization stays there. Tenancy is still enforced here, by the
 * `TenantScope` every method takes, never by the caller remembering to filter.
 */
export function ownedById<T extends Owned>(db: Db, name: string) {
  const collection = db.collection<T>(name) as unknown as Collection<Owned>;
  const known = ownersOf(db);
  const keyOf = (id: string) => `${name}\u0000${id}`;

  function remember(orgId: string, id: string): void {
    if (known.size >= MAX_REMEMBERED) known.clear();
    known.set(keyOf(id), orgId);
  }

  const store = {
    /** Records that these ids (just inserted, or read) belong to `scope`'s organization. */
    remember(scope: TenantScope, ids: readonly string[]): void {
      for (const id of ids) remember(scope.orgId, id);
    },

    /** The scope's documents among `ids`, in the order of `ids` (each once); others read as absent. */
    async find(scope: TenantScope, ids: readonly string[]): Promise<WithId<T>[]> {
      const unique = [...new Set(ids)].filter((id) => typeof id === 'string');
      const found = new Map<string, WithId<T>>();
      await eachLimited(unique, async (id) => {
        const doc = await collection.findOne({ _id: id });
        if (!doc) return;
        remember(doc.orgId, id);
        if (doc.orgId === scope.orgId) found.set(id, doc as unknown as WithId<T>);
      });
      return unique.flatMap((id) => {
        const doc = found.get(id);
        return doc ? [doc] : [];
      });
    },

    /** The ids among `ids` whose documents belong to the scope (looked up once, then remembered). */
    async ownedIds(scope: TenantScope, ids: readonly string[]): Promise<string[]> {
      const unique = [...new Set(ids)].filter((id) => typeof id === 'string');
      const unknown = unique.filter((id) => !known.has(keyOf(id)));
      await eachLimited(unknown, async (id) => {
        const doc = await collection.findOne({ _id: id }, { projection: { orgId: 1 } });
        if (doc) remember(doc.orgId, id);
      });
      return unique.filter((id) => known.get(keyOf(id)) === scope.orgId);
    },

    /**
     * Applies `update(id, index)` to each of the scope's documents among `ids` (index: position in
     * `ids`). Unordered bulk writes of `updateMany` by bare `_id` (at most one match each):
     * FerretDB 1.24 keeps every `updateOne` of a bulk write holding a backend connection until the
     * whole command ends, so a bulk of many `updateOne`s can exhaust its pool and hang; an
     * `updateMany` releases its connection when it finishes.
     */
    async updateEach(
      scope: TenantScope,
      ids: readonly string[],
      update: (id: string, index: number) => UpdateFilter<Owned>,
    ): Promise<void> {
      const owned = new Set(await store.ownedIds(scope, ids));
      const ops: AnyBulkWriteOperation<Owned>[] = [];
      for (const [index, id] of ids.entries()) {
        if (owned.has(id)) ops.push({ updateMany: { filter: { _id: id }, update: update(id, index) } });
      }
      for (let i = 0; i < ops.length; i += BULK_CHUNK) {
        await collection.bulkWrite(ops.slice(i, i + BULK_CHUNK), { ordered: false });
      }
    },

    /** One update of one of the scope's documents by bare `_id`; false if it is not the scope's. */
    async updateOne(scope: TenantScope, id: string, update: UpdateFilter<Owned>): Promise<boolean> {
      const [owned] = await store.ownedIds(scope, [id]);
      if (owned === undefined) return false;
      await collection.updateOne({ _id: owned }, update);
      return true;
    },
  };
  return store;
}
