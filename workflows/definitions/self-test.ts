import { proxyActivities, workflowInfo } from '@temporalio/workflow';
import type { createStoreActivities } from '../activities/store-activities.ts';

const { recordSelfTest } = proxyActivities<ReturnType<typeof createStoreActivities>>({
  startToCloseTimeout: '30 seconds',
  retry: { maximumAttempts: 5 },
});

export interface SelfTestInput {
  probeId: string;
  requestedAt: string;
}

/** The walking skeleton: a workflow that writes one record to MongoDB through an activity. */
export async function selfTestWorkflow(input: SelfTestInput): Promise<{ probeId: string }> {
  await recordSelfTest({ ...input, workflowId: workflowInfo().workflowId });
  return { probeId: input.probeId };
}
