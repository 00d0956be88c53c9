import { type Db, MongoServerError } from 'mongodb';
import type { TenantScope } from './tenant-scope.ts';

/** A POST's stored outcome under its Idempotency-Key, per organization and credential. */
export interface IdempotencyRecord {
  orgId: string;
  principal: string;
  key: string;
  /** SHA-256 of method, path and body: the same key with another request is refused. */
  requestHash: string;
  state: 'pending' | 'done';
  status?: number;
  contentType?: string;
  /** Absent when the response carried a secret shown once (it is never stored). */
  body?: string;
  secretWithheld?: boolean;
  createdAt: Date;
  expiresAt: Date;
}

const records = (db: Db) => db.collection<IdempotencyRecord>('idempotency_records');

export type ClaimResult = { claimed: true } | { claimed: false; existing: IdempotencyRecord };

export function idempotencyStore(db: Db) {
  return {
    /**
     * Claims the key for this request. An expired record is replaced (it no longer counts);
     * a live one is returned so the caller can replay or refuse.
     */
    async claim(
      scope: TenantScope,
      input: { principal: string; key: string; requestHash: string; now: Date; ttlMs: number },
    ): Promise<ClaimResult> {
      const filter = { orgId: scope.orgId, principal: input.principal, key: input.key };
      const fresh: IdempotencyRecord = {
        ...filter,
        requestHash: input.requestHash,
        state: 'pending',
        createdAt: input.now,
        expiresAt: new Date(input.now.getTime() + input.ttlMs),
      };
      for (let attempt = 0; attempt < 3; attempt++) {
        try {
          await records(db).insertOne({ ...fresh });
          return { claimed: true };
        } catch (error) {
          if (!(error instanceof MongoServerError && error.code === 11000)) throw error;
        }
        const existing = await records(db).findOne(filter);
        if (!existing) continue;
        if (existing.expiresAt > input.now) return { claimed: false, existing };
        await records(db).deleteOne({ ...filter, expiresAt: existing.expiresAt });
      }
      throw new Error('idempotency key is contended');
    },
    async complete(
      scope: TenantScope,
      input: { principal: string; key: string; status: number; contentType: string; body?: string },
    ): Promise<void> {
      const set: Partial<IdempotencyRecord> = {
        state: 'done',
        status: input.status,
        contentType: input.contentType,
      };
      if (input.body === undefined) set.secretWithheld = true;
      else set.body = input.body;
      await records(db).updateOne(
        { orgId: scope.orgId, principal: input.principal, key: input.key },
        { $set: set },
      );
    },
    /** A failed request (5xx or thrown) releases its key so the client can retry. */
    async release(scope: TenantScope, input: { principal: string; key: string }): Promise<void> {
      await records(db).deleteOne({
        orgId: scope.orgId,
        principal: input.principal,
        key: input.key,
        state: 'pending',
      });
    },
  };
}

export type IdempotencyStore = ReturnType<typeof idempotencyStore>;
