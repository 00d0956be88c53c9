import type { DeviceContext } from '../activities/policy-activities.ts';
import { ledgerActivities, storeActivities } from './activity-proxies.ts';

export interface ApprovedReading {
  readingId: string;
  /** Monitoring period (YYYY-MM) the reading belongs to. */
  period: string;
}

/**
 * Anchors the next Merkle batch of a device's approved readings: up to the policy's batch size, all
 * from the oldest waiting reading's monitoring period (so each anchor belongs to exactly one
 * period's issuance). Then issues the batch's VerifiedReadingBatch credential and links it to the
 * batch. Returns the ids anchored; `batchId` must be unique per batch (the device's anchor counter).
 */
export async function anchorReadingBatch(input: {
  orgId: string;
  projectId: string;
  context: DeviceContext;
  approved: readonly ApprovedReading[];
  batchId: string;
}): Promise<Set<string>> {
  const { orgId, projectId, context } = input;
  const period = input.approved[0]!.period;
  const batch = input.approved.filter((a) => a.period === period).slice(0, context.anchoring.batchSize);
  const ids = new Set(batch.map((a) => a.readingId));
  const anchored = await ledgerActivities.anchorReadings({
    orgId,
    projectId,
    batchId: input.batchId,
    readingIds: [...ids],
    period,
    policyHash: context.policy.hash,
  });
  const { credentialId } = await storeActivities.issueReadingBatchCredential({
    orgId,
    projectId,
    batchId: anchored.batchId,
    deviceDid: context.did,
    period,
    periodStart: `${period}-01T00:00:00.000Z`,
    policyHash: context.policy.hash,
    issuedAtMs: Date.now(),
  });
  await ledgerActivities.linkBatchCredential({ orgId, batchId: anchored.batchId, credentialId });
  return ids;
}
