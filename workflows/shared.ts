/** Task queues and deterministic workflow ids shared by the client, the worker and workflow code. */
export const taskQueues = {
  /** Workflow tasks and the light database activities they schedule. */
  main: 'mrv-main',
} as const;

/**
 * Activity concerns with a task queue of their own, so each can be scaled, throttled and drained
 * separately: `ledger` (Hedera side effects; I/O-bound, rate-limited by the network) and
 * `verification` (signature and physics checks; CPU-bound). Everything else runs on the workflow
 * queue.
 */
export const activityConcerns = ['ledger', 'verification'] as const;
export type ActivityConcern = (typeof activityConcerns)[number];

/**
 * The queue of one concern, derived from the workflow queue (`mrv-main` → `mrv-main/ledger`), so a
 * deployment (or a test) that renames its workflow queue moves its activity queues with it, and a
 * workflow finds them from its own `workflowInfo().taskQueue`.
 */
export function activityTaskQueue(workflowQueue: string, concern: ActivityConcern): string {
  return `${workflowQueue}/${concern}`;
}

/**
 * Ids derive from business keys, so a retried API call addresses the same workflow instead of
 * starting a duplicate (Temporal refuses a second running workflow with the same id).
 */
export const workflowIds = {
  selfTest: (probeId: string) => `selftest/${probeId}`,
  device: (orgId: string, deviceId: string) => `device/${orgId}/${deviceId}`,
  readingReview: (orgId: string, readingId: string) => `review/${orgId}/${readingId}`,
  period: (orgId: string, projectId: string, period: string) => `period/${orgId}/${projectId}/${period}`,
  policyPublication: (orgId: string, policyVersionId: string) =>
    `policy-publication/${orgId}/${policyVersionId}`,
} as const;

export const workflowTypes = {
  device: 'deviceLifecycleWorkflow',
  readingReview: 'readingReviewWorkflow',
  period: 'periodIssuanceWorkflow',
  policyPublication: 'policyPublicationWorkflow',
} as const;
