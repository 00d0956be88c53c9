import type { Db } from 'mongodb';
import type { TenantScope } from './tenant-scope.ts';

/** An issued verifiable credential, kept as issued (the signed JSON) with where it was anchored. */
export interface CredentialRecord {
  _id: string;
  orgId: string;
  /** Idempotency key of the issuing step: a retried activity finds the credential it issued. */
  key: string;
  type: string;
  projectId: string;
  subjectId: string;
  credential: Record<string, unknown>;
  anchor?: { topicId: string; sequenceNumber: number; batchId: string };
  revoked?: boolean;
  issuedAt: Date;
}

/** One issuer's Bitstring Status List state (identity/status-list.ts) and its latest signed credential. */
export interface StatusListRecord {
  _id: string;
  orgId: string;
  state: { id: string; issuer: string; length: number; nextIndex: number; revoked: number[] };
  credential?: Record<string, unknown>;
  version: number;
}

const credentials = (db: Db) => db.collection<CredentialRecord>('credentials');
const statusLists = (db: Db) => db.collection<StatusListRecord>('status_lists');
/** Every version after the first, under `_id = <list id>#<version>` (see `updateStatusList`). */
const statusListVersions = (db: Db) =>
  db.collection<{ _id: string; orgId: string; record: StatusListRecord }>('status_list_versions');
const DUPLICATE_KEY = 11000;

export function credentialStore(db: Db) {
  const store = {
    async byKey(scope: TenantScope, key: string): Promise<CredentialRecord | null> {
      return await credentials(db).findOne({ orgId: scope.orgId, key });
    },
    async get(scope: TenantScope, id: string): Promise<CredentialRecord | null> {
      return await credentials(db).findOne({ orgId: scope.orgId, _id: id });
    },
    /** Inserts once per key; a concurrent or retried insert returns the credential stored first. */
    async insertOnce(scope: TenantScope, record: Omit<CredentialRecord, 'orgId'>): Promise<CredentialRecord> {
      await credentials(db).updateOne(
        { orgId: scope.orgId, key: record.key },
        { $setOnInsert: { ...record, orgId: scope.orgId } },
        { upsert: true },
      );
      return (await credentials(db).findOne({ orgId: scope.orgId, key: record.key }))!;
    },
    async setAnchor(
      scope: TenantScope,
      id: string,
      anchor: NonNullable<CredentialRecord['anchor']>,
    ): Promise<void> {
      await credentials(db).updateOne({ orgId: scope.orgId, _id: id }, { $set: { anchor } });
    },
    async markRevoked(scope: TenantScope, id: string): Promise<void> {
      await credentials(db).updateOne({ orgId: scope.orgId, _id: id }, { $set: { revoked: true } });
    },
    async list(scope: TenantScope, filter: { projectId?: string; type?: string; subjectId?: string }) {
      return await credentials(db)
        .find({ orgId: scope.orgId, ...filter })
        .sort({ issuedAt: 1 })
        .limit(10_000)
        .toArray();
    },
    /** The latest version: the head document rolled forward over any versions written after it. */
    async getStatusList(scope: TenantScope, id: string): Promise<StatusListRecord | null> {
      const head = await statusLists(db).findOne({ orgId: scope.orgId, _id: id });
      if (!head) return null;
      let current = head;
      for (;;) {
        const next = await statusListVersions(db).findOne({ _id: `${id}#${current.version + 1}` });
        if (!next || next.orgId !== scope.orgId) break;
        current = next.record;
      }
      if (current.version !== head.version) await writeHead(current);
      return current;
    },
    async createStatusList(
      scope: TenantScope,
      record: Omit<StatusListRecord, 'orgId' | 'version'>,
    ): Promise<void> {
      await statusLists(db).updateOne(
        { orgId: scope.orgId, _id: record._id },
        { $setOnInsert: { ...record, orgId: scope.orgId, version: 1 } },
        { upsert: true },
      );
    },
    /**
     * Compare-and-set on `version`; false when someone else won. The claim is the insert of version
     * v+1 under a unique `_id`: FerretDB's filtered update checks and writes in two steps, so two
     * writers could both pass a version filter and, say, hand out one status index twice. The head
     * document is then refreshed as a cache; readers roll forward, so a crash in between loses nothing.
     */
    async updateStatusList(
      scope: TenantScope,
      id: string,
      expectedVersion: number,
      update: Pick<StatusListRecord, 'state'> & { credential?: Record<string, unknown> },
    ): Promise<boolean> {
      const current = await store.getStatusList(scope, id);
      if (!current || current.version !== expectedVersion) return false;
      const record: StatusListRecord = { ...current, ...update, version: expectedVersion + 1 };
      try {
        await statusListVersions(db).insertOne({
          _id: `${id}#${record.version}`,
          orgId: scope.orgId,
          record,
        });
      } catch (error) {
        if ((error as { code?: number }).code === DUPLICATE_KEY) return false;
        throw error;
      }
      await writeHead(record);
      return true;
    },
  };
  return store;

  /** Best effort: a late, older write can only leave the cache stale, and readers roll forward. */
  async function writeHead(record: StatusListRecord): Promise<void> {
    const { _id, orgId, ...fields } = record;
    await statusLists(db).updateOne({ _id, orgId, version: { $lt: record.version } }, { $set: fields });
  }
}
