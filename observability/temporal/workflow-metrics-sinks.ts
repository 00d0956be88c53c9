import type { InjectedSinks } from '@temporalio/worker';
import type { WorkflowInfo } from '@temporalio/workflow';
import {
  workflowDurationSeconds,
  workflowsCompletedTotal,
  workflowsFailedTotal,
  workflowsStartedTotal,
} from '../metrics.ts';
import type { MrvObservabilitySinks } from './sinks.ts';

/**
 * The worker side of the `mrvMetrics` sink: records workflow starts, completions and failures by
 * workflow type. `now` is the wall clock (ms) used for run durations.
 */
export function createWorkflowMetricsSinks(
  now: () => number = Date.now,
): InjectedSinks<MrvObservabilitySinks> {
  const ended = (info: WorkflowInfo, outcome: 'completed' | 'failed') => {
    const seconds = Math.max(0, (now() - info.runStartTime.getTime()) / 1000);
    workflowDurationSeconds.observe({ workflow_type: info.workflowType, outcome }, seconds);
  };
  return {
    mrvMetrics: {
      workflowStarted: {
        fn: (info) => workflowsStartedTotal.inc({ workflow_type: info.workflowType }),
      },
      workflowCompleted: {
        fn: (info) => {
          workflowsCompletedTotal.inc({ workflow_type: info.workflowType });
          ended(info, 'completed');
        },
      },
      workflowFailed: {
        fn: (info) => {
          workflowsFailedTotal.inc({ workflow_type: info.workflowType });
          ended(info, 'failed');
        },
      },
    },
  };
}
