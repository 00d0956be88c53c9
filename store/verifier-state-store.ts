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

/**
 * As stored: the state as JSON text. DeviceState holds nested arrays (e.g. `seq_ranges: [[1, 500]]`),
 * which FerretDB refuses as document values, and the verifier only ever reads it whole.
 */
type StoredRecord = Omit<VerifierStateRecord, 'state'> & { stateJson: string };

const states = (db: Db) => db.collection<StoredRecord>('verifier_states');
const idOf = (scope: TenantScope, deviceId: string) => `${scope.orgId}/${deviceId}`;

export function verifierStateStore(db: Db) {
  return {
    async get(scope: TenantScope, deviceId: string): Promise<VerifierStateRecord | null> {
      // By bare `_id` (the only filter FerretDB hands to its index), the organization checked here.
      const stored = await states(db).findOne({ _id: idOf(scope, deviceId) });
      if (!stored || stored.orgId !== scope.orgId) return null;
      const { stateJson, ...record } = stored;
      // Records written before states were stored as text carry no stateJson (only null states ever
      // got stored that way): they read as an empty history.
      return { ...record, state: stateJson === undefined ? null : (JSON.parse(stateJson) as unknown) };
    },
    /** Compare-and-set on `version` (0 = not stored yet); false when another writer got there first. */
    async save(
      scope: TenantScope,
      input: { deviceId: string; state: unknown; batch: string; expectedVersion: number; at: Date },
    ): Promise<boolean> {
      const { deviceId, batch, expectedVersion, at } = input;
      const stateJson = JSON.stringify(input.state ?? null);
      if (expectedVersion === 0) {
        try {
          await states(db).insertOne({
            _id: idOf(scope, deviceId),
            orgId: scope.orgId,
            deviceId,
            stateJson,
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
        { _id: idOf(scope, deviceId), orgId: scope.orgId, version: expectedVersion },
        { $set: { stateJson, lastBatch: batch, updatedAt: at }, $inc: { version: 1 } },
      );
      return result.modifiedCount === 1;
    },
  };
}
