import type { Collection, Db, Document } from 'mongodb';
import type { TenantScope } from './tenant-scope.ts';

type Versioned = Document & { _id: string; orgId: string; version: number };
type VersionDocument<T> = { _id: string; orgId: string; record: T };

const DUPLICATE_KEY = 11000;
const isDuplicate = (error: unknown) => (error as { code?: number }).code === DUPLICATE_KEY;

/**
 * Single-document compare-and-set built only on what MongoDB and FerretDB both guarantee under
 * concurrency: an insert that violates a unique index fails. (A filtered `updateOne` pinning a
 * version is a CAS on MongoDB, but FerretDB's SQLite backend checks the filter and writes in two
 * steps, so two writers can both "win"; test/store/credential-store.test.ts shows it.)
 *
 * Version 1 is the head document in `heads`; every later version v is inserted into `versions` under
 * `_id = <id>#<v>`: exactly one writer can insert it, so the versions form one linear history. The
 * head is then refreshed as a cache; readers roll forward over the versions, so a crash between the
 * two writes loses nothing. Reads go by bare `_id` (the one filter FerretDB hands to its index) with
 * the organization checked on each document. ledger-intent-store.ts applies the same idea to intents.
 */
export function versionedRecords<T extends Versioned>(db: Db, names: { heads: string; versions: string }) {
  const heads = db.collection(names.heads) as unknown as Collection<Versioned>;
  const versions = db.collection(names.versions) as unknown as Collection<VersionDocument<T>>;

  /** Best effort: a late, older write can only leave the cache stale, and readers roll forward. */
  async function writeHead(record: T): Promise<void> {
    const { _id, orgId, ...fields } = record;
    await heads.updateOne({ _id, orgId, version: { $lt: record.version } }, { $set: fields });
  }

  const records = {
    /** The latest version of the scope's record `id`, or null (absent, or another organization's). */
    async get(scope: TenantScope, id: string): Promise<T | null> {
      const head = (await heads.findOne({ _id: id })) as T | null;
      if (!head || head.orgId !== scope.orgId) return null;
      let current = head;
      for (;;) {
        const next = await versions.findOne({ _id: `${id}#${current.version + 1}` });
        if (!next || next.orgId !== scope.orgId) break;
        current = next.record;
      }
      if (current.version !== head.version) await writeHead(current);
      return current;
    },

    /** Stores version 1; false if the record already exists. */
    async create(scope: TenantScope, record: Omit<T, 'orgId' | 'version'>): Promise<boolean> {
      try {
        await heads.insertOne({ ...record, orgId: scope.orgId, version: 1 } as unknown as Versioned);
        return true;
      } catch (error) {
        if (isDuplicate(error)) return false;
        throw error;
      }
    },

    /**
     * Replaces version `expectedVersion` with `change(current)` as version `expectedVersion + 1`;
     * false when the record is not the scope's, is at another version, or another writer won.
     */
    async replace(
      scope: TenantScope,
      id: string,
      expectedVersion: number,
      change: (current: T) => Omit<T, '_id' | 'orgId' | 'version'>,
    ): Promise<boolean> {
      const current = await records.get(scope, id);
      if (!current || current.version !== expectedVersion) return false;
      const record = {
        ...current,
        ...change(current),
        _id: id,
        orgId: scope.orgId,
        version: expectedVersion + 1,
      } as T;
      try {
        await versions.insertOne({ _id: `${id}#${record.version}`, orgId: scope.orgId, record });
      } catch (error) {
        if (isDuplicate(error)) return false;
        throw error;
      }
      await writeHead(record);
      return true;
    },
  };
  return records;
}
