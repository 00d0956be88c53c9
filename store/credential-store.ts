import type { Db } from 'mongodb';
import type { TenantScope } from './tenant-scope.ts';
import { versionedRecords } from './versioned-records.ts';

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
export function credentialStore(db: Db) {
  const statusLists = versionedRecords<StatusListRecord>(db, {
    heads: 'status_lists',
    versions: 'status_list_versions',
  });
  return {
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
    /** The latest version of the issuer's status list (see versioned-records.ts). */
    async getStatusList(scope: TenantScope, id: string): Promise<StatusListRecord | null> {
      return await statusLists.get(scope, id);
    },
    /** Stores the list once; a concurrent or repeated create leaves the first one. */
    async createStatusList(
      scope: TenantScope,
      record: Omit<StatusListRecord, 'orgId' | 'version'>,
    ): Promise<void> {
      await statusLists.create(scope, record);
    },
    /**
     * Compare-and-set on `version`; false when someone else won, so two issuers can never hand out
     * one status index twice (a filtered update is not atomic on FerretDB; see versioned-records.ts).
     */
    async updateStatusList(
      scope: TenantScope,
      id: string,
      expectedVersion: number,
      update: Pick<StatusListRecord, 'state'> & { credential?: Record<string, unknown> },
    ): Promise<boolean> {
      return await statusLists.replace(scope, id, expectedVersion, () => update);
    },
  };
}
