import type { Sinks } from '@temporalio/workflow';

/**
 * Sinks the workflow interceptors call to leave the sandbox: workflow code cannot touch prom-client,
 * so it reports lifecycle events and the worker records them (see workflow-metrics-sinks.ts).
 * Sink calls are not repeated during replay, so a counter counts each run once.
 */
export interface MrvObservabilitySinks extends Sinks {
  mrvMetrics: {
    workflowStarted(): void;
    workflowCompleted(): void;
    workflowFailed(): void;
  };
}
