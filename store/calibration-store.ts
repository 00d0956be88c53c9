import type { Db } from 'mongodb';
import type { CalibrationRecord, MeterType } from '../engine/plant/plant.ts';
import { findOwned } from './find-owned.ts';
import type { TenantScope } from './tenant-scope.ts';

export type CalibrationStatus = 'submitted' | 'approved' | 'rejected';

/**
 * A meter's calibration certificate as the operator uploaded it: what it states, the document it came
 * in (kept with its sha256), and the verifier's decision, which the device workflow records.
 */
export interface Calibration {
  _id: string;
  orgId: string;
  projectId: string;
  deviceId: string;
  did: string;
  meterType: MeterType;
  sensorId?: string;
  accuracyClass: number;
  certificate: Omit<CalibrationRecord, 'sha256' | 'credential_id'>;
  document: { mediaType: 'application/pdf' | 'application/json'; sha256: string; base64: string };
  status: CalibrationStatus;
  submittedBy: string;
  submittedAt: Date;
  decision?: { decision: 'approve' | 'reject'; reason: string; reviewer: string; decidedAt: Date };
  credentialId?: string;
}

const calibrations = (db: Db) => db.collection<Calibration>('calibrations');

export function calibrationStore(db: Db) {
  return {
    async insert(scope: TenantScope, record: Omit<Calibration, 'orgId'>): Promise<Calibration> {
      const doc = { ...record, orgId: scope.orgId };
      await calibrations(db).insertOne(doc);
      return doc;
    },
    async get(scope: TenantScope, id: string): Promise<Calibration | null> {
      return await findOwned(calibrations(db), scope, id);
    },
    async listForDevice(scope: TenantScope, deviceId: string): Promise<Calibration[]> {
      return await calibrations(db)
        .find({ orgId: scope.orgId, deviceId })
        .sort({ submittedAt: 1 })
        .limit(500)
        .toArray();
    },
    /**
     * Records the decision once: a submitted certificate moves to approved or rejected; a repeat of
     * the same decision (a retried activity) changes nothing. Returns the record after it.
     */
    async decide(
      scope: TenantScope,
      id: string,
      input: { decision: NonNullable<Calibration['decision']>; credentialId?: string },
    ): Promise<Calibration | null> {
      const status: CalibrationStatus = input.decision.decision === 'approve' ? 'approved' : 'rejected';
      await calibrations(db).updateOne(
        { orgId: scope.orgId, _id: id, status: 'submitted' },
        {
          $set: {
            status,
            decision: input.decision,
            ...(input.credentialId ? { credentialId: input.credentialId } : {}),
          },
        },
      );
      return await findOwned(calibrations(db), scope, id);
    },
  };
}

export type CalibrationStore = ReturnType<typeof calibrationStore>;
