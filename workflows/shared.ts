/** Task queues and deterministic workflow ids shared by the client, the worker and workflow code. */
export const taskQueues = {
  /** Workflow tasks and light activities. */
  main: 'mrv-main',
} as const;

/**
 * Ids derive from business keys, so a retried API call addresses the same workflow instead of
 * starting a duplicate (Temporal refuses a second running workflow with the same id).
 */
export const workflowIds = {
  selfTest: (probeId: string) => `selftest/${probeId}`,
  device: (orgId: string, deviceId: string) => `device/${orgId}/${deviceId}`,
  readingReview: (orgId: string, readingId: string) => `review/${orgId}/${readingId}`,
  period: (orgId: string, projectId: string, period: string) => `period/${orgId}/${projectId}/${period}`,
} as const;

export const workflowTypes = {
  device: 'deviceLifecycleWorkflow',
  readingReview: 'readingReviewWorkflow',
  period: 'periodIssuanceWorkflow',
} as const;
