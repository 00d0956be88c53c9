import { fileURLToPath } from 'node:url';
import type { ClientInterceptors } from '@temporalio/client';
import type { InjectedSinks, WorkerInterceptors } from '@temporalio/worker';
import { activityObservabilityInterceptors } from './activity-interceptors.ts';
import { CorrelationClientInterceptor } from './client-interceptor.ts';
import type { MrvObservabilitySinks } from './sinks.ts';
import { createWorkflowMetricsSinks } from './workflow-metrics-sinks.ts';

/** Path of the sandbox-safe workflow interceptor module (Worker option `interceptors.workflowModules`). */
export const workflowInterceptorsPath = fileURLToPath(new URL('./workflow-interceptors.ts', import.meta.url));

/**
 * What a Worker needs for correlation ids and workflow/activity metrics, ready to spread:
 * `Worker.create({ ...options, ...workerObservability() })` (merge by hand if you have your own
 * interceptors or sinks).
 */
export function workerObservability(): {
  interceptors: Required<Pick<WorkerInterceptors, 'workflowModules' | 'activity'>>;
  sinks: InjectedSinks<MrvObservabilitySinks>;
} {
  return {
    interceptors: {
      workflowModules: [workflowInterceptorsPath],
      activity: [(ctx) => activityObservabilityInterceptors(ctx)],
    },
    sinks: createWorkflowMetricsSinks(),
  };
}

/** Client interceptors that put the current correlation id on workflow starts, signals and updates. */
export function clientObservability(): Required<Pick<ClientInterceptors, 'workflow'>> {
  return { workflow: [new CorrelationClientInterceptor()] };
}
