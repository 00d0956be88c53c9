/** Task queues and deterministic workflow ids shared by the client, the worker and workflow code. */
export const taskQueues = {
  /** Workflow tasks and light activities. */
  main: 'mrv-main',
} as const;

export const workflowIds = {
  selfTest: (probeId: string) => `selftest/${probeId}`,
} as const;
