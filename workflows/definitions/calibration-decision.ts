import { patched, setHandler } from '@temporalio/workflow';
import type { DeviceContext } from '../activities/policy-activities.ts';
import { ledgerActivities, storeActivities } from './activity-proxies.ts';
import { type CalibrationDecision, calibrationDecisionUpdate } from './messages.ts';
import { refusal } from './refusal.ts';

/** Patch id: device histories recorded before calibration decisions never ran this handler. */
const CALIBRATION_PATCH = 'calibration-decisions';

/**
 * The device workflow's part of the calibration workflow: the policy's `approver_role` (its
 * `verification.calibration` section) approves or rejects an uploaded certificate through the
 * `calibrationDecision` Update. An approval issues the MeterCalibration credential (signed by the
 * organization's issuer, naming the certificate's hash) and anchors it, so it joins the trust
 * chain; then the decision is recorded on the certificate, and verification applies it to the meter.
 */
export function handleCalibrationDecisions(input: {
  orgId: string;
  projectId: string;
  deviceId: string;
  context: DeviceContext;
  workflowId: string;
}): void {
  const { orgId, projectId, deviceId, context, workflowId } = input;
  const approverRole = context.policy.document.verification.calibration?.approver_role;
  const inFlight = new Set<string>();

  async function decide(d: CalibrationDecision): Promise<{ status: string; credentialId?: string }> {
    patched(CALIBRATION_PATCH);
    const cal = await storeActivities.loadCalibration({ orgId, deviceId, calibrationId: d.calibrationId });
    if (!cal) throw refusal(`no calibration ${d.calibrationId} of this device`, 'state');
    if (cal.status !== 'submitted') return { status: cal.status };
    let credentialId: string | undefined;
    if (d.decision === 'approve') {
      const subject = {
        id: cal.did,
        certificateId: cal.certificate.certificate_id,
        meterType: cal.meterType,
        ...(cal.sensorId === undefined ? {} : { sensorId: cal.sensorId }),
        accuracyClass: cal.accuracyClass,
        laboratory: cal.certificate.laboratory,
        calibratedOn: cal.certificate.calibrated_on,
        nextDue: cal.certificate.next_due,
        documentSha256: cal.sha256,
        approvedBy: `${d.reviewer.role}:${d.reviewer.id}`,
        policyHash: context.policy.hash,
      };
      ({ credentialId } = await storeActivities.issuePolicyCredential({
        orgId,
        projectId,
        type: 'MeterCalibration',
        key: `${workflowId}/calibration/${d.calibrationId}`,
        subject,
        known: {
          device_id: { value: cal.did },
          meter_type: { value: cal.meterType },
          certificate_id: { value: cal.certificate.certificate_id },
          laboratory: { value: cal.certificate.laboratory },
          calibrated_on: { value: cal.certificate.calibrated_on },
          next_due: { value: cal.certificate.next_due },
          document_sha256: { value: cal.sha256 },
        },
        revocable: true,
        issuedAtMs: Date.now(),
      }));
      await ledgerActivities.anchorCredential({
        orgId,
        projectId,
        credentialId,
        batchId: `${orgId}/credential/${credentialId}`,
        period: new Date(Date.now()).toISOString().slice(0, 7),
        policyHash: context.policy.hash,
      });
    }
    const { status } = await storeActivities.recordCalibrationDecision({
      orgId,
      calibrationId: d.calibrationId,
      decision: d.decision,
      reason: d.reason,
      reviewer: `${d.reviewer.role}:${d.reviewer.id}`,
      decidedAtMs: Date.now(),
      ...(credentialId ? { credentialId } : {}),
    });
    return { status, ...(credentialId ? { credentialId } : {}) };
  }

  setHandler(
    calibrationDecisionUpdate,
    async (d) => {
      inFlight.add(d.calibrationId);
      try {
        return await decide(d);
      } finally {
        inFlight.delete(d.calibrationId);
      }
    },
    {
      validator: (d) => {
        if (!approverRole) throw refusal("the project's policy has no calibration section", 'state');
        if (d.reviewer.role !== approverRole) {
          throw refusal(
            `only the policy's ${approverRole} approves calibrations, not ${d.reviewer.role}`,
            'role',
          );
        }
        if (d.decision !== 'approve' && d.decision !== 'reject') {
          throw refusal("decision must be 'approve' or 'reject'", 'state');
        }
        if (!d.reason || d.reason.length > 2000)
          throw refusal('a reason (1–2000 characters) is required', 'state');
        if (inFlight.has(d.calibrationId))
          throw refusal(`calibration ${d.calibrationId} is being decided`, 'state');
      },
    },
  );
}
