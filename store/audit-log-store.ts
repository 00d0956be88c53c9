import { type Db, MongoBulkWriteError } from 'mongodb';
import { AUDIT_GENESIS_HASH, type AuditContent, type AuditRecord, hashAuditRecord } from './audit-chain.ts';
import type { TenantScope } from './tenant-scope.ts';

interface Pending {
  content: AuditContent;
  resolve: (record: AuditRecord) => void;
  reject: (error: unknown) => void;
}

interface OrgQueue {
  pending: Pending[];
  flushing: boolean;
  head?: { seq: number; hash: string };
}

const MAX_BATCH = 500;
const records = (db: Db) => db.collection<AuditRecord>('audit_log');
const orgs = (db: Db) =>
  db.collection<{ _id: string; orgId: string; auditHead?: { seq: number; hash: string } }>('organizations');

/**
 * The append-only, hash-chained audit log (one chain per organization). Appends are group-committed:
 * concurrent requests of one organization are chained in arrival order and written with one ordered
 * insert, and each caller resumes once its record is durable. The unique (orgId, seq) index makes a
 * second API instance's concurrent append fail instead of forking the chain; the loser re-reads the
 * head and re-chains.
 */
export function auditLogStore(db: Db) {
  const queues = new Map<string, OrgQueue>();

  async function loadHead(orgId: string): Promise<{ seq: number; hash: string }> {
    const last = await records(db).find({ orgId }).sort({ seq: -1 }).limit(1).next();
    return last ? { seq: last.seq, hash: last.hash } : { seq: 0, hash: AUDIT_GENESIS_HASH };
  }

  async function flush(orgId: string, queue: OrgQueue): Promise<void> {
    queue.flushing = true;
    try {
      while (queue.pending.length > 0) {
        const batch = queue.pending.splice(0, MAX_BATCH);
        try {
          queue.head ??= await loadHead(orgId);
          let { seq, hash } = queue.head;
          const chained = batch.map(({ content }) => {
            const record = { ...content, orgId, seq: ++seq, prevHash: hash };
            hash = hashAuditRecord(record);
            return { ...record, hash };
          });
          let inserted = chained.length;
          try {
            await records(db).insertMany(
              chained.map((r) => ({ ...r })),
              { ordered: true },
            );
          } catch (error) {
            if (!(error instanceof MongoBulkWriteError) || error.code !== 11000) throw error;
            inserted = error.result.insertedCount;
          }
          const last = chained[inserted - 1];
          if (last) {
            // The head moves before callers resume, so a verifier that runs after them sees it.
            await orgs(db)
              .updateOne(
                {
                  // The organization document's _id is its orgId: a bare _id filter (primary key).
                  _id: orgId,
                  $or: [{ auditHead: { $exists: false } }, { 'auditHead.seq': { $lt: last.seq } }],
                },
                { $set: { auditHead: { seq: last.seq, hash: last.hash } } },
              )
              .catch(() => undefined); // the records are durable; the next batch moves the head again
          }
          for (const [i, p] of batch.slice(0, inserted).entries()) p.resolve(chained[i]!);
          if (inserted < chained.length) {
            // Another instance appended first: retry the rest after the real head.
            queue.pending.unshift(...batch.slice(inserted));
            queue.head = undefined;
            continue;
          }
          queue.head = { seq, hash };
        } catch (error) {
          queue.head = undefined;
          for (const p of batch) p.reject(error);
        }
      }
    } finally {
      queue.flushing = false;
    }
  }

  return {
    append(scope: TenantScope, content: AuditContent): Promise<AuditRecord> {
      let queue = queues.get(scope.orgId);
      if (!queue) {
        queue = { pending: [], flushing: false };
        queues.set(scope.orgId, queue);
      }
      const q = queue;
      const done = new Promise<AuditRecord>((resolve, reject) =>
        q.pending.push({ content, resolve, reject }),
      );
      if (!q.flushing) void flush(scope.orgId, q);
      return done;
    },
    async list(
      scope: TenantScope,
      input: { afterSeq?: number; limit: number; action?: string; actor?: string; failedOnly?: boolean },
    ): Promise<AuditRecord[]> {
      const query: Record<string, unknown> = { orgId: scope.orgId, seq: { $gt: input.afterSeq ?? 0 } };
      if (input.action) query.action = input.action;
      if (input.actor) query.actor = input.actor;
      if (input.failedOnly) query.status = { $gte: 400 };
      return await records(db)
        .find(query, { projection: { _id: 0 } })
        .sort({ seq: 1 })
        .limit(input.limit)
        .toArray();
    },
    /** Streams an organization's whole chain in order, for `mrv audit verify`. */
    chain(orgId: string): AsyncIterable<AuditRecord> {
      return records(db)
        .find({ orgId }, { projection: { _id: 0 } })
        .sort({ seq: 1 });
    },
    async head(orgId: string): Promise<{ seq: number; hash: string } | undefined> {
      return (await orgs(db).findOne({ _id: orgId }))?.auditHead;
    },
  };
}

export type AuditLogStore = ReturnType<typeof auditLogStore>;
