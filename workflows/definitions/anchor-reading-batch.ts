import type { AnchoredVerdict } from '../../store/anchor-batch-store.ts';
import type { DeviceContext } from '../activities/policy-activities.ts';
import { ledgerActivities, storeActivities } from './activity-proxies.ts';

/** A verified reading waiting for the device's next anchor batch. */
export interface ApprovedReading {
  readingId: string;
  /** Monitoring period (YYYY-MM) the reading belongs to. */
  period: string;
  /**
   * The rules' verdict and the verifier clock it was computed with: every verdict is anchored
   * (patch `anchor-every-verdict`). Absent for a reading queued once approved, as before the patch.
   */
  verdict?: AnchoredVerdict;
}

/**
 * Anchors the next Merkle batch of a device's verified readings (every verdict, in the order they
 * were verified, i.e. seq order): up to the policy's batch size, all from the oldest waiting
 * reading's monitoring period (so each anchor belongs to exactly one period's issuance), each with
 * its verdict. Then issues the batch's VerifiedReadingBatch credential and links it to the batch.
 * Returns the ids anchored; `batchId` must be unique per batch (the device's anchor counter).
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
  // A reading queued twice is anchored once, with the verdict it was first queued with.
  const members = new Map<string, ApprovedReading>();
  for (const a of batch) if (!members.has(a.readingId)) members.set(a.readingId, a);
  const ids = new Set(members.keys());
  const anchored = await ledgerActivities.anchorReadings({
    orgId,
    projectId,
    batchId: input.batchId,
    readingIds: [...ids],
    // Only batches holding a recorded verdict say so: earlier histories anchored without the field.
    ...(batch.some((a) => a.verdict)
      ? { verdicts: [...members.values()].map((a) => a.verdict ?? null) }
      : {}),
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
