import { ledgerActivities } from './activity-proxies.ts';

export interface PolicyPublicationInput {
  orgId: string;
  policyVersionId: string;
}

/**
 * Anchors a published policy version on the organization's anchor topic (started by the publish
 * route, id `policy-publication/{org}/{version}`). The activity is idempotent by the version's batch
 * id and the ledger adapter by its idempotency key, so a second start or a retried activity never
 * submits twice; the ledger adapter rides out outages while the activity heartbeats.
 */
export async function policyPublicationWorkflow(
  input: PolicyPublicationInput,
): Promise<{ topicId: string; sequenceNumber: number }> {
  const { topicId, sequenceNumber } = await ledgerActivities.anchorPolicyPublication(input);
  return { topicId, sequenceNumber };
}
