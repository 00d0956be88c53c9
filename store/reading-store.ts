import { type Db, type Filter, MongoBulkWriteError, MongoServerError } from 'mongodb';
import { findOwned } from './find-owned.ts';
import { ownedById } from './owned-by-id.ts';
import type { TenantScope } from './tenant-scope.ts';

export type ReadingStatus = 'RECEIVED' | 'APPROVED' | 'FLAGGED' | 'REJECTED';

export interface ReadingFinding {
  rule: string;
  severity: string;
  message: string;
  [detail: string]: unknown;
}

/** One accepted telemetry document. The API writes it as RECEIVED; the workflows add the verdict. */
export interface Reading {
  _id: string;
  orgId: string;
  projectId: string;
  deviceId: string;
  did: string;
  seq: number;
  timestamp: string;
  receivedAt: Date;
  /**
   * The signed document exactly as received (JSON text): free-form `metadata` keys such as `$where`
   * or `a.b` cannot reach the database as field names, and the signature stays verifiable.
   */
  documentJson: string;
  status: ReadingStatus;
  findings?: ReadingFinding[];
  trustScore?: number;
  verifiedAt?: Date;
  review?: { decision: 'approve' | 'reject'; reason: string; reviewer: string; decidedAt: Date };
}

const readings = (db: Db) => db.collection<Reading>('readings');

/** The verifier's verdict on one reading. */
export interface Verdict {
  id: string;
  status: Exclude<ReadingStatus, 'RECEIVED'>;
  findings: ReadingFinding[];
  trustScore?: number;
  at: Date;
}

export interface ReadingFilter {
  status?: ReadingStatus;
  deviceId?: string;
  projectId?: string;
  /** Readings with a finding of this rule id. */
  rule?: string;
  /** Readings received before this instant (the review queue's age filter). */
  receivedBefore?: Date;
  /** Return readings after this one in the sort order (before it when `order` is desc). */
  after?: string;
  /** The `after` reading's value of the `sortBy` field (keyset paging; unused when sorting by id). */
  afterValue?: string | Date;
  /** The field to sort by, ties broken by id; id by default (ids sort by arrival). */
  sortBy?: ReadingSortField;
  /** Ascending (oldest first) by default. */
  order?: 'asc' | 'desc';
  limit: number;
}

/** Fields the review queue sorts by; each sorts with `_id` as the tiebreak, so pages never overlap. */
export type ReadingSortField = '_id' | 'timestamp' | 'deviceId' | 'verifiedAt';

/** Keyset condition "after (value, id)" in the sort order: stable paging over thousands. */
function afterCursor(filter: Omit<ReadingFilter, 'limit'>): Filter<Reading> {
  const op = filter.order === 'desc' ? '$lt' : '$gt';
  const field = filter.sortBy ?? '_id';
  if (field === '_id' || filter.afterValue === undefined) return { _id: { [op]: filter.after } };
  return {
    $or: [
      { [field]: { [op]: filter.afterValue } },
      { [field]: filter.afterValue, _id: { [op]: filter.after } },
    ],
  } as Filter<Reading>;
}

function readingQuery(scope: TenantScope, filter: Omit<ReadingFilter, 'limit'>): Filter<Reading> {
  const query: Filter<Reading> = { orgId: scope.orgId };
  if (filter.status) query.status = filter.status;
  if (filter.deviceId) query.deviceId = filter.deviceId;
  if (filter.projectId) query.projectId = filter.projectId;
  if (filter.rule) query['findings.rule'] = filter.rule;
  if (filter.receivedBefore) query.receivedAt = { $lt: filter.receivedBefore };
  if (filter.after) Object.assign(query, afterCursor(filter));
  return query;
}

export function readingStore(db: Db) {
  const byId = ownedById<Reading>(db, 'readings');
  const store = {
    /**
     * Inserts once per (orgId, did, seq). A resubmission returns the reading stored the first time,
     * so a client retrying after a lost answer gets the original id, never a second reading.
     */
    async insertOnce(
      scope: TenantScope,
      reading: Omit<Reading, 'orgId'>,
    ): Promise<{ reading: Reading; created: boolean }> {
      const doc = { ...reading, orgId: scope.orgId };
      try {
        await readings(db).insertOne(doc);
        byId.remember(scope, [doc._id]);
        return { reading: doc, created: true };
      } catch (error) {
        if (!(error instanceof MongoServerError && error.code === 11000)) throw error;
        const original = await readings(db).findOne({
          orgId: scope.orgId,
          did: reading.did,
          seq: reading.seq,
        });
        if (!original) throw error;
        return { reading: original, created: false };
      }
    },
    /**
     * Batch form of `insertOnce`: one unordered insert; documents whose (did, seq) already exist come
     * back as the originals. Results are in input order.
     */
    async insertManyOnce(
      scope: TenantScope,
      batch: Omit<Reading, 'orgId'>[],
    ): Promise<{ reading: Reading; created: boolean }[]> {
      if (batch.length === 0) return [];
      const docs = batch.map((r) => ({ ...r, orgId: scope.orgId }));
      const duplicates = new Set<number>();
      try {
        await readings(db).insertMany(docs, { ordered: false });
      } catch (error) {
        if (!(error instanceof MongoBulkWriteError)) throw error;
        const writeErrors = Array.isArray(error.writeErrors) ? error.writeErrors : [error.writeErrors];
        // The driver also wraps a failure of the whole command (server unreachable, disk full) in a
        // MongoBulkWriteError, with no write errors: then nothing is known to be written, and
        // answering as if it were loses the readings (the chaos drill found it: 202, never stored).
        if (writeErrors.length === 0) {
          // The command's own error (network, server) is what tells the caller to answer 503.
          const cause = (error as { errorResponse?: unknown }).errorResponse;
          throw cause instanceof Error ? cause : error;
        }
        for (const e of writeErrors) {
          if (e.code !== 11000) throw error;
          duplicates.add(e.index);
        }
      }
      byId.remember(
        scope,
        docs.filter((_, i) => !duplicates.has(i)).map((d) => d._id),
      );
      const results: { reading: Reading; created: boolean }[] = [];
      for (const [i, doc] of docs.entries()) {
        if (!duplicates.has(i)) {
          results.push({ reading: doc, created: true });
          continue;
        }
        const original = await readings(db).findOne({ orgId: scope.orgId, did: doc.did, seq: doc.seq });
        // The twin may sit in this very batch (same device and seq twice): it was inserted first.
        if (!original) throw new Error(`reading ${doc.did}#${doc.seq} vanished after a duplicate-key error`);
        results.push({ reading: original, created: false });
      }
      return results;
    },
    async get(scope: TenantScope, id: string): Promise<Reading | null> {
      return await findOwned(readings(db), scope, id);
    },
    async list(scope: TenantScope, filter: ReadingFilter): Promise<Reading[]> {
      const query = readingQuery(scope, filter);
      const dir = filter.order === 'desc' ? -1 : 1;
      const field = filter.sortBy ?? '_id';
      const sort = field === '_id' ? { _id: dir } : { [field]: dir, _id: dir };
      return await readings(db)
        .find(query)
        .sort(sort as Record<string, 1 | -1>)
        .limit(filter.limit)
        .toArray();
    },
    /**
     * A device's readings next to one of its own, by the device's sequence number (its measuring
     * order: arrival order differs when a gateway replays its buffer), nearest first; `org_did_seq`.
     */
    async besideSeq(
      scope: TenantScope,
      at: { did: string; seq: number; side: 'before' | 'after'; limit: number },
    ): Promise<Reading[]> {
      const before = at.side === 'before';
      return await readings(db)
        .find({ orgId: scope.orgId, did: at.did, seq: before ? { $lt: at.seq } : { $gt: at.seq } })
        .sort({ seq: before ? -1 : 1 })
        .limit(at.limit)
        .toArray();
    },
    /** How many readings match (the review queue's total), cursor ignored. */
    async count(
      scope: TenantScope,
      filter: Omit<ReadingFilter, 'limit' | 'after' | 'afterValue'>,
    ): Promise<number> {
      return await readings(db).countDocuments(readingQuery(scope, filter));
    },
    /** For the workflows' activities: records a verdict (idempotent). */
    /** The verifier's verdicts on a batch: one unordered bulk write per 100 readings (owned-by-id.ts). */
    async setVerdicts(scope: TenantScope, verdicts: readonly Verdict[]): Promise<void> {
      await byId.updateEach(
        scope,
        verdicts.map((v) => v.id),
        (_id, i) => {
          const v = verdicts[i]!;
          return {
            $set: { status: v.status, findings: v.findings, trustScore: v.trustScore, verifiedAt: v.at },
          };
        },
      );
    },
    /** One reading's verdict (see `setVerdicts`). */
    async setVerdict(scope: TenantScope, id: string, verdict: Omit<Verdict, 'id'>): Promise<void> {
      await store.setVerdicts(scope, [{ id, ...verdict }]);
    },
    /** For the workflows' activities: records a verifier's decision on a FLAGGED reading. */
    async setReview(scope: TenantScope, id: string, review: NonNullable<Reading['review']>): Promise<void> {
      await byId.updateOne(scope, id, {
        $set: { review, status: review.decision === 'approve' ? 'APPROVED' : 'REJECTED' },
      });
    },
  };
  return store;
}

export type ReadingStore = ReturnType<typeof readingStore>;
