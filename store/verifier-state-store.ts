import type { Db } from 'mongodb';
import type { TenantScope } from './tenant-scope.ts';

/**
 * A device's verification history (engine/verification DeviceState: fixed-size windows) between
 * batches. `lastBatch` makes the verify activity idempotent: a retried batch whose state was already
 * saved returns the verdicts it stored instead of verifying again against the advanced state.
 */
export interface VerifierStateRecord {
  _id: string;
  orgId: string;
  deviceId: string;
  state: unknown;
  lastBatch?: string;
  version: number;
  updatedAt: Date;
}

const states = (db: Db) => db.collection<VerifierStateRecord>('verifier_states');

export function verifierStateStore(db: Db) {
  return {
    async get(scope: TenantScope, deviceId: string): Promise<VerifierStateRecord | null> {
      return await states(db).findOne({ orgId: scope.orgId, deviceId });
    },
    /** Compare-and-set on `version` (0 = not stored yet); false when another writer got there first. */
    async save(
      scope: TenantScope,
      input: { deviceId: string; state: unknown; batch: string; expectedVersion: number; at: Date },
    ): Promise<boolean> {
      const { deviceId, state, batch, expectedVersion, at } = input;
      if (expectedVersion === 0) {
        try {
          await states(db).insertOne({
            _id: `${scope.orgId}/${deviceId}`,
            orgId: scope.orgId,
            deviceId,
            state,
            lastBatch: batch,
            version: 1,
            updatedAt: at,
          });
          return true;
        } catch (error) {
          if ((error as { code?: number }).code === 11000) return false;
          throw error;
        }
      }
      const result = await states(db).updateOne(
        { orgId: scope.orgId, deviceId, version: expectedVersion },
        { $set: { state, lastBatch: batch, updatedAt: at }, $inc: { version: 1 } },
      );
      return result.modifiedCount === 1;
    },
  };
}
