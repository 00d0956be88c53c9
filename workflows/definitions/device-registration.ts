import type { DeviceContext } from '../activities/policy-activities.ts';
import { storeActivities } from './activity-proxies.ts';

/**
 * Issues a device's DeviceRegistration credential (revocable, so decommissioning can revoke it),
 * signed by the approving principal when there is one,
 * once per `key`: a retried activity or a replayed workflow finds the credential already issued.
 * Returns the credential's id.
 */
export async function issueDeviceRegistration(input: {
  orgId: string;
  projectId: string;
  context: DeviceContext;
  key: string;
  /** The approving principal, who signs it (see IssueCredentialInput.issuedBy). */
  issuedBy?: { actorId: string };
  /** From when it is in force (the registry's `effective_from`); the issuing time when absent. */
  effectiveFrom?: string;
}): Promise<string> {
  const { orgId, projectId, context } = input;
  const registeredAt = new Date(input.effectiveFrom ?? Date.now()).toISOString();
  const { credentialId } = await storeActivities.issuePolicyCredential({
    orgId,
    projectId,
    type: 'DeviceRegistration',
    key: input.key,
    subject: {
      id: context.did,
      orgId,
      projectId,
      plantId: context.plantId,
      scope: context.scope,
      registeredAt,
      policyHash: context.policy.hash,
      // The auditor's re-run of verification needs the meters' accuracy classes and calibration records.
      ...(context.meters ? { meters: context.meters } : {}),
    },
    known: {
      device_id: { value: context.did },
      plant_id: { value: context.plantId },
      project_id: { value: projectId },
      scope: { value: context.scope },
      registered_at: { value: registeredAt },
      policy_hash: { value: context.policy.hash },
    },
    revocable: true,
    ...(input.issuedBy ? { issuedBy: input.issuedBy } : {}),
    issuedAtMs: Date.now(),
  });
  return credentialId;
}
