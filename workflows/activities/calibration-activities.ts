import type { Db } from 'mongodb';
import type { ApprovedCalibration } from '../../engine/plant/apply-calibrations.ts';
import { type Calibration, calibrationStore } from '../../store/calibration-store.ts';
import { issueTenantScope, type TenantScope } from '../../store/tenant-scope.ts';

/** The record a calibration becomes once approved: what verification applies to the device's meter. */
export function approvedCalibration(c: Calibration): ApprovedCalibration {
  return {
    meterType: c.meterType,
    ...(c.sensorId === undefined ? {} : { sensorId: c.sensorId }),
    accuracyClass: c.accuracyClass,
    record: {
      ...c.certificate,
      sha256: c.document.sha256,
      ...(c.credentialId ? { credential_id: c.credentialId } : {}),
    },
  };
}

/** The approved calibrations of a device (verification applies them over the plant file's records). */
export async function approvedCalibrationsOf(db: Db, scope: TenantScope, deviceId: string) {
  const all = await calibrationStore(db).listForDevice(scope, deviceId);
  return all.filter((c) => c.status === 'approved').map(approvedCalibration);
}

/** Calibration certificates: what the device workflow reads and records about them. */
export function createCalibrationActivities(deps: { db: Db }) {
  const store = calibrationStore(deps.db);
  return {
    /** The certificate's essentials for the decision (null when there is no such certificate of the device). */
    async loadCalibration(input: { orgId: string; deviceId: string; calibrationId: string }) {
      const c = await store.get(issueTenantScope(input.orgId), input.calibrationId);
      if (!c || c.deviceId !== input.deviceId) return null;
      return {
        status: c.status,
        did: c.did,
        meterType: c.meterType,
        ...(c.sensorId === undefined ? {} : { sensorId: c.sensorId }),
        accuracyClass: c.accuracyClass,
        certificate: c.certificate,
        sha256: c.document.sha256,
      };
    },
    /** Records the verifier's decision (and the credential an approval produced) once. */
    async recordCalibrationDecision(input: {
      orgId: string;
      calibrationId: string;
      decision: 'approve' | 'reject';
      reason: string;
      reviewer: string;
      decidedAtMs: number;
      credentialId?: string;
    }): Promise<{ status: string }> {
      const after = await store.decide(issueTenantScope(input.orgId), input.calibrationId, {
        decision: {
          decision: input.decision,
          reason: input.reason,
          reviewer: input.reviewer,
          decidedAt: new Date(input.decidedAtMs),
        },
        ...(input.credentialId ? { credentialId: input.credentialId } : {}),
      });
      return { status: after?.status ?? 'missing' };
    },
  };
}
