import type { Db } from 'mongodb';
import type { TenantScope } from './tenant-scope.ts';
import { versionedRecords } from './versioned-records.ts';

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

const idOf = (scope: TenantScope, deviceId: string) => `${scope.orgId}/${deviceId}`;

export function verifierStateStore(db: Db) {
  const states = versionedRecords<StoredRecord>(db, {
    heads: 'verifier_states',
    versions: 'verifier_state_versions',
  });
  return {
    async get(scope: TenantScope, deviceId: string): Promise<VerifierStateRecord | null> {
      const stored = await states.get(scope, idOf(scope, deviceId));
      if (!stored) return null;
      const { stateJson, ...record } = stored;
      // Records written before states were stored as text carry no stateJson (only null states ever
      // got stored that way): they read as an empty history.
      return { ...record, state: stateJson === undefined ? null : (JSON.parse(stateJson) as unknown) };
    },
    /**
     * Compare-and-set on `version` (0 = not stored yet); false when another writer got there first
     * (a unique insert decides, as a filtered update is not atomic on FerretDB: versioned-records.ts).
     */
    async save(
      scope: TenantScope,
      input: { deviceId: string; state: unknown; batch: string; expectedVersion: number; at: Date },
    ): Promise<boolean> {
      const { deviceId, batch, expectedVersion, at } = input;
      const fields = {
        deviceId,
        stateJson: JSON.stringify(input.state ?? null),
        lastBatch: batch,
        updatedAt: at,
      };
      if (expectedVersion === 0) return await states.create(scope, { _id: idOf(scope, deviceId), ...fields });
      return await states.replace(scope, idOf(scope, deviceId), expectedVersion, () => fields);
    },
  };
}
