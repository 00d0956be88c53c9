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

/**
 * How a credential is stored: as JSON text, the way projects keep their plant (project-store.ts).
 * A ProjectRegistration carries a whole plant file, which may hold JSON FerretDB cannot store as a
 * document (nested arrays such as an efficiency curve). Records written before kept `credential` as a
 * document; they still read.
 */
type StoredCredential = Omit<CredentialRecord, 'credential'> & {
  credential?: Record<string, unknown>;
  credentialJson?: string;
};

const credentials = (db: Db) => db.collection<StoredCredential>('credentials');

function fromStored(doc: StoredCredential | null): CredentialRecord | null {
  if (!doc) return null;
  const { credentialJson, credential, ...rest } = doc;
  return { ...rest, credential: credentialJson !== undefined ? JSON.parse(credentialJson) : credential! };
}
export function credentialStore(db: Db) {
  const statusLists = versionedRecords<StatusListRecord>(db, {
    heads: 'status_lists',
    versions: 'status_list_versions',
  });
  return {
    async byKey(scope: TenantScope, key: string): Promise<CredentialRecord | null> {
      return fromStored(await credentials(db).findOne({ orgId: scope.orgId, key }));
    },
    async get(scope: TenantScope, id: string): Promise<CredentialRecord | null> {
      return fromStored(await credentials(db).findOne({ orgId: scope.orgId, _id: id }));
    },
    /** Inserts once per key; a concurrent or retried insert returns the credential stored first. */
    async insertOnce(scope: TenantScope, record: Omit<CredentialRecord, 'orgId'>): Promise<CredentialRecord> {
      const { credential, ...rest } = record;
      await credentials(db).updateOne(
        { orgId: scope.orgId, key: record.key },
        { $setOnInsert: { ...rest, credentialJson: JSON.stringify(credential), orgId: scope.orgId } },
        { upsert: true },
      );
      return fromStored(await credentials(db).findOne({ orgId: scope.orgId, key: record.key }))!;
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
    async list(
      scope: TenantScope,
      filter: { projectId?: string; type?: string; subjectId?: string },
    ): Promise<CredentialRecord[]> {
      const docs = await credentials(db)
        .find({ orgId: scope.orgId, ...filter })
        .sort({ issuedAt: 1 })
        .limit(10_000)
        .toArray();
      return docs.map((d) => fromStored(d)!);
    },
    /** The latest version of the issuer's status list (see versioned-records.ts). */
    async getStatusList(scope: TenantScope, id: string): Promise<StatusListRecord | null> {
      return await statusLists.get(scope, id);
    },
    /** Every status list of the organization, each at its latest version (one per signing key). */
    async listStatusLists(scope: TenantScope): Promise<StatusListRecord[]> {
      const heads = await db
        .collection<{ _id: string; orgId: string }>('status_lists')
        .find({ orgId: scope.orgId }, { projection: { _id: 1 } })
        .limit(1000)
        .toArray();
      const lists = await Promise.all(heads.map((h) => statusLists.get(scope, h._id)));
      return lists.filter((l): l is StatusListRecord => l !== null);
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
