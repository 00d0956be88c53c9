import { type Db, MongoServerError } from 'mongodb';
import { findOwned } from './find-owned.ts';
import type { TenantScope } from './tenant-scope.ts';

export interface PolicyProblemView {
  line: number;
  col: number;
  code: string;
  message: string;
}

/** An uploaded, editable-by-replacement policy source and the result of its last check. */
export interface PolicyDraft {
  _id: string;
  orgId: string;
  fileName: string;
  source: string;
  valid: boolean;
  problems: PolicyProblemView[];
  policyId?: string;
  version?: string;
  title?: string;
  hash?: string;
  createdAt: Date;
  checkedAt: Date;
  publishedAs?: string;
}

/** A published policy version: immutable, identified by (policyId, version), pinned by its hash. */
export interface PolicyVersion {
  _id: string;
  orgId: string;
  policyId: string;
  version: string;
  title: string;
  hash: string;
  source: string;
  fileName: string;
  draftId: string;
  publishedAt: Date;
}

const drafts = (db: Db) => db.collection<PolicyDraft>('policy_drafts');
const versions = (db: Db) => db.collection<PolicyVersion>('policy_versions');

export function policyStore(db: Db) {
  return {
    async insertDraft(scope: TenantScope, draft: Omit<PolicyDraft, 'orgId'>): Promise<PolicyDraft> {
      const doc = { ...draft, orgId: scope.orgId };
      await drafts(db).insertOne(doc);
      return doc;
    },
    async getDraft(scope: TenantScope, id: string): Promise<PolicyDraft | null> {
      return await drafts(db).findOne({ orgId: scope.orgId, _id: id });
    },
    async listDrafts(scope: TenantScope): Promise<PolicyDraft[]> {
      return await drafts(db).find({ orgId: scope.orgId }).sort({ createdAt: -1 }).limit(500).toArray();
    },
    async updateDraftCheck(
      scope: TenantScope,
      id: string,
      check: Pick<PolicyDraft, 'valid' | 'problems' | 'checkedAt'> & Partial<PolicyDraft>,
    ): Promise<PolicyDraft | null> {
      await drafts(db).updateOne({ orgId: scope.orgId, _id: id }, { $set: check });
      return await drafts(db).findOne({ orgId: scope.orgId, _id: id });
    },
    /**
     * Publishes once: a second publish of the same (policyId, version) with the same hash returns the
     * existing version; with another hash it is refused (`conflict`) — versions never change.
     */
    async publish(
      scope: TenantScope,
      version: Omit<PolicyVersion, 'orgId'>,
    ): Promise<{ version: PolicyVersion; created: boolean } | { conflict: PolicyVersion }> {
      const doc = { ...version, orgId: scope.orgId };
      try {
        await versions(db).insertOne(doc);
        await drafts(db).updateOne(
          { orgId: scope.orgId, _id: version.draftId },
          { $set: { publishedAs: doc._id } },
        );
        return { version: doc, created: true };
      } catch (error) {
        if (!(error instanceof MongoServerError && error.code === 11000)) throw error;
        const existing = await versions(db).findOne({
          orgId: scope.orgId,
          policyId: version.policyId,
          version: version.version,
        });
        if (!existing) throw error;
        return existing.hash === version.hash
          ? { version: existing, created: false }
          : { conflict: existing };
      }
    },
    async getVersion(scope: TenantScope, id: string): Promise<PolicyVersion | null> {
      return await findOwned(versions(db), scope, id);
    },
    async listVersions(scope: TenantScope): Promise<PolicyVersion[]> {
      return await versions(db)
        .find({ orgId: scope.orgId }, { projection: { source: 0 } })
        .sort({ policyId: 1, publishedAt: 1 })
        .limit(1000)
        .toArray();
    },
  };
}

export type PolicyStore = ReturnType<typeof policyStore>;
