import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { calibrationStore } from '../../store/calibration-store.ts';
import { credentialStore } from '../../store/credential-store.ts';
import { newId } from '../../store/ids.ts';
import { issueTenantScope } from '../../store/tenant-scope.ts';
import { type PipelineHarness, startPipelineHarness } from '../support/pipeline-harness.ts';
import { actors, registerDevices } from './support/drive-pipeline.ts';
import { type SeededProject, seedProject } from './support/seed-project.ts';

/** A certificate as the API stores it after its checks (api/routes/v1-devices-calibrations-submit.ts). */
async function submitted(harness: PipelineHarness, seeded: SeededProject, index: number) {
  const device = seeded.devices[index]!;
  const scope = issueTenantScope(seeded.orgId);
  return await calibrationStore(harness.mongo.db).insert(scope, {
    _id: newId('cal'),
    projectId: seeded.projectId,
    deviceId: device.deviceId,
    did: device.did,
    meterType: 'energy_export',
    sensorId: 'exp_01',
    accuracyClass: 0.2,
    certificate: {
      certificate_id: `NABL-CC-${index}`,
      laboratory: 'ERDA Vadodara',
      calibrated_on: '2026-04-02',
      next_due: '2028-04-01',
    },
    document: { mediaType: 'application/json', sha256: 'ab'.repeat(32), base64: 'e30=' },
    status: 'submitted',
    submittedBy: 'key_developer',
    submittedAt: new Date(),
  });
}

const meters = [{ type: 'energy_export', sensor_id: 'exp_01', accuracy_class: 0.5, full_scale: 4000 }];

describe('the calibration workflow', () => {
  let harness: PipelineHarness;
  let seeded: SeededProject;

  beforeAll(async () => {
    harness = await startPipelineHarness('calibration');
    await harness.startWorker();
    seeded = await seedProject(harness.mongo.db, { days: 1, seed: 3 });
    // As POST /v1/devices stores them: the registration credential must state them for the auditor.
    await harness.mongo.db
      .collection('devices')
      .updateOne({ _id: seeded.devices[0]!.deviceId as never }, { $set: { meters } });
    await registerDevices(harness, seeded);
  }, 240_000);
  afterAll(async () => {
    await harness?.close();
  });

  it("lets only the policy's approver decide, issues and anchors a MeterCalibration credential, and records it once", async () => {
    const { orgId } = seeded;
    const scope = issueTenantScope(orgId);
    const cal = await submitted(harness, seeded, 0);
    const deviceId = seeded.devices[0]!.deviceId;
    await expect(
      harness.gateway.calibrationDecision({
        orgId,
        deviceId,
        calibrationId: cal._id,
        decision: 'approve',
        reason: 'my own meter',
        reviewer: actors.developer,
      }),
    ).rejects.toThrow(/verifier/);
    const answer = await harness.gateway.calibrationDecision({
      orgId,
      deviceId,
      calibrationId: cal._id,
      decision: 'approve',
      reason: 'certificate checked against the laboratory register',
      reviewer: actors.verifier,
    });
    expect(answer?.status).toBe('approved');
    expect(answer?.credentialId).toBeTruthy();
    const stored = await calibrationStore(harness.mongo.db).get(scope, cal._id);
    expect(stored).toMatchObject({ status: 'approved', credentialId: answer!.credentialId });
    expect(stored!.decision?.reviewer).toBe('verifier:key_verifier');
    const credential = await credentialStore(harness.mongo.db).get(scope, answer!.credentialId!);
    expect(credential?.type).toBe('MeterCalibration');
    const subject = (credential!.credential as { credentialSubject: Record<string, unknown> })
      .credentialSubject;
    expect(subject).toMatchObject({
      id: seeded.devices[0]!.did,
      certificateId: 'NABL-CC-0',
      documentSha256: 'ab'.repeat(32),
      meterType: 'energy_export',
      sensorId: 'exp_01',
      accuracyClass: 0.2,
    });
    // The registry's DeviceRegistration states the meters the device was registered with.
    const [registration] = await credentialStore(harness.mongo.db).list(scope, {
      type: 'DeviceRegistration',
      subjectId: seeded.devices[0]!.did,
    });
    expect(
      (registration!.credential as { credentialSubject: Record<string, unknown> }).credentialSubject.meters,
    ).toEqual(meters);
    // A second decision on a decided certificate changes nothing.
    const again = await harness.gateway.calibrationDecision({
      orgId,
      deviceId,
      calibrationId: cal._id,
      decision: 'reject',
      reason: 'changed my mind',
      reviewer: actors.verifier,
    });
    expect(again?.status).toBe('approved');
  }, 240_000);

  it('records a rejection without a credential and refuses a certificate of another device', async () => {
    const { orgId } = seeded;
    const cal = await submitted(harness, seeded, 1);
    const answer = await harness.gateway.calibrationDecision({
      orgId,
      deviceId: seeded.devices[1]!.deviceId,
      calibrationId: cal._id,
      decision: 'reject',
      reason: 'laboratory not accredited for this range',
      reviewer: actors.verifier,
    });
    expect(answer).toEqual({ status: 'rejected' });
    await expect(
      harness.gateway.calibrationDecision({
        orgId,
        deviceId: seeded.devices[0]!.deviceId,
        calibrationId: cal._id,
        decision: 'approve',
        reason: 'wrong device',
        reviewer: actors.verifier,
      }),
    ).rejects.toThrow(/no calibration/);
  }, 240_000);
});
