import { fileURLToPath } from 'node:url';
import { bundleWorkflowCode, NativeConnection, Worker, type WorkerOptions } from '@temporalio/worker';
import type { Db } from 'mongodb';
import {
  workerObservability,
  workflowInterceptorsPath,
} from '../observability/temporal/worker-observability.ts';
import { createCredentialActivities } from './activities/credential-activities.ts';
import { createLedgerActivities } from './activities/ledger-activities.ts';
import { createPeriodActivities } from './activities/period-activities.ts';
import { createPolicyActivities } from './activities/policy-activities.ts';
import { createReadingActivities } from './activities/reading-activities.ts';
import { createStoreActivities } from './activities/store-activities.ts';
import { createTaskActivities } from './activities/task-activities.ts';
import { createTrustChainActivities } from './activities/trust-chain-activities.ts';
import { taskQueues } from './shared.ts';
import type { WorkerServices } from './worker-services.ts';

/** Path of the workflow bundle's entry; the worker bundles it with webpack (deterministic sandbox). */
export const workflowsPath = fileURLToPath(new URL('./definitions/index.ts', import.meta.url));

export interface WorkerDeps {
  temporalAddress: string;
  namespace?: string;
  db: Db;
  taskQueue?: string;
  services: WorkerServices;
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
  const { db, services } = deps;
  const activities = {
    ...createStoreActivities({ db }),
    ...createPolicyActivities({ db }),
    ...createReadingActivities({ db }),
    ...createTaskActivities({ db }),
    ...createCredentialActivities({ db, keyStore: services.keyStore }),
    ...createPeriodActivities({ db }),
    ...createTrustChainActivities({ db, keyStore: services.keyStore, mirrorUrl: services.mirrorUrl }),
    ...createLedgerActivities({ db, ledger: services.ledger }),
  };
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
