import { fileURLToPath } from 'node:url';
import { bundleWorkflowCode, NativeConnection, Worker, type WorkerOptions } from '@temporalio/worker';
import type { Db } from 'mongodb';
import {
  workerObservability,
  workflowInterceptorsPath,
} from '../observability/temporal/worker-observability.ts';
import { createStoreActivities } from './activities/store-activities.ts';
import { taskQueues } from './shared.ts';

/** Path of the workflow bundle's entry; the worker bundles it with webpack (deterministic sandbox). */
export const workflowsPath = fileURLToPath(new URL('./definitions/index.ts', import.meta.url));

export interface WorkerDeps {
  temporalAddress: string;
  namespace?: string;
  db: Db;
  taskQueue?: string;
  /** A pre-built bundle (tests reuse one across workers to save the webpack step). */
  workflowBundle?: WorkerOptions['workflowBundle'];
}

/**
 * The one place activities are wired to their dependencies. Returns a started-able Worker and
 * the connection it owns (closed by `shutdown`).
 */
export async function createMrvWorker(
  deps: WorkerDeps,
): Promise<{ worker: Worker; close: () => Promise<void> }> {
  const connection = await NativeConnection.connect({ address: deps.temporalAddress });
  const activities = { ...createStoreActivities({ db: deps.db }) };
  const worker = await Worker.create({
    connection,
    namespace: deps.namespace ?? 'default',
    taskQueue: deps.taskQueue ?? taskQueues.main,
    activities,
    // Correlation ids and workflow/activity metrics (observability/temporal). A prebuilt bundle must
    // have been bundled with the same workflow interceptor module (see bundleMrvWorkflows).
    ...workerObservability(),
    ...(deps.workflowBundle ? { workflowBundle: deps.workflowBundle } : { workflowsPath }),
  });
  return { worker, close: () => connection.close() };
}

/** Bundles the workflow code once (webpack, a few seconds) so several workers in one process share it. */
export async function bundleMrvWorkflows(): Promise<NonNullable<WorkerOptions['workflowBundle']>> {
  return await bundleWorkflowCode({ workflowsPath, workflowInterceptorModules: [workflowInterceptorsPath] });
}
