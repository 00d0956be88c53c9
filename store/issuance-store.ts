import type { Db } from 'mongodb';
import type { TenantScope } from './tenant-scope.ts';

/**
 * Read models the period-issuance workflow keeps current through its activities; the API only reads
 * them. Each write is an idempotent upsert keyed by business ids, so a retried activity is harmless.
 */
export interface PeriodRecord {
  orgId: string;
  projectId: string;
  period: string;
  status: string;
  workflowId: string;
  readings?: { approved: number; flagged: number; rejected: number };
  eg_mwh?: number;
  er_tco2e?: number;
  updatedAt: Date;
  details?: Record<string, unknown>;
}

export interface IssuanceRecord {
  _id: string;
  orgId: string;
  projectId: string;
  period: string;
  status: string;
  tokenId?: string;
  amount?: number;
  monitoringReport?: Record<string, unknown>;
  issuanceCredential?: Record<string, unknown>;
  anchor?: Record<string, unknown>;
  /** The trust-chain bundle (identity/): everything an auditor needs, offline. */
  trustChainJson?: string;
  /** Set by listings, which leave the bundle out: whether it exists. */
  hasTrustChain?: boolean;
  updatedAt: Date;
}

export interface MintRecord {
  _id: string;
  orgId: string;
  tokenId: string;
  issuanceId: string;
  amount: number;
  transactionId?: string;
  memo?: string;
  status: string;
  createdAt: Date;
}

const periods = (db: Db) => db.collection<PeriodRecord>('periods');
const issuances = (db: Db) => db.collection<IssuanceRecord>('issuances');
const mints = (db: Db) => db.collection<MintRecord>('mints');

export function issuanceStore(db: Db) {
  return {
    async upsertPeriod(scope: TenantScope, record: Omit<PeriodRecord, 'orgId'>): Promise<void> {
      const key = { orgId: scope.orgId, projectId: record.projectId, period: record.period };
      await periods(db).updateOne(key, { $set: { ...record, ...key } }, { upsert: true });
    },
    async getPeriod(scope: TenantScope, projectId: string, period: string): Promise<PeriodRecord | null> {
      return await periods(db).findOne({ orgId: scope.orgId, projectId, period }, { projection: { _id: 0 } });
    },
    async listPeriods(scope: TenantScope, projectId: string): Promise<PeriodRecord[]> {
      return await periods(db)
        .find({ orgId: scope.orgId, projectId }, { projection: { _id: 0 } })
        .sort({ period: 1 })
        .limit(1000)
        .toArray();
    },
    async upsertIssuance(scope: TenantScope, record: Omit<IssuanceRecord, 'orgId'>): Promise<void> {
      await issuances(db).updateOne(
        { orgId: scope.orgId, _id: record._id },
        { $set: { ...record, orgId: scope.orgId } },
        { upsert: true },
      );
    },
    async getIssuance(scope: TenantScope, id: string): Promise<IssuanceRecord | null> {
      return await issuances(db).findOne({ orgId: scope.orgId, _id: id });
    },
    async listIssuances(scope: TenantScope, filter: { projectId?: string } = {}): Promise<IssuanceRecord[]> {
      const query = filter.projectId
        ? { orgId: scope.orgId, projectId: filter.projectId }
        : { orgId: scope.orgId };
      const list = await issuances(db)
        .find(query, { projection: { trustChainJson: 0 } })
        .sort({ period: 1 })
        .limit(1000)
        .toArray();
      // Bundles are large: which ones exist is asked separately instead of loading them.
      const withChain = await issuances(db)
        .find(
          { orgId: scope.orgId, _id: { $in: list.map((i) => i._id) }, trustChainJson: { $exists: true } },
          { projection: { _id: 1 } },
        )
        .toArray();
      const chained = new Set(withChain.map((i) => i._id));
      return list.map((i) => ({ ...i, hasTrustChain: chained.has(i._id) }));
    },
    async recordMint(scope: TenantScope, record: Omit<MintRecord, 'orgId'>): Promise<void> {
      await mints(db).updateOne(
        { orgId: scope.orgId, _id: record._id },
        { $setOnInsert: { ...record, orgId: scope.orgId } },
        { upsert: true },
      );
    },
    async getMint(scope: TenantScope, id: string): Promise<MintRecord | null> {
      return await mints(db).findOne({ orgId: scope.orgId, _id: id });
    },
    async listMints(scope: TenantScope, filter: { tokenId?: string } = {}): Promise<MintRecord[]> {
      const query = filter.tokenId ? { orgId: scope.orgId, tokenId: filter.tokenId } : { orgId: scope.orgId };
      return await mints(db).find(query).sort({ createdAt: 1 }).limit(1000).toArray();
    },
  };
}

export type IssuanceStore = ReturnType<typeof issuanceStore>;
