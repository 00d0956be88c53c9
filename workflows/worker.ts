import { fileURLToPath } from 'node:url';
import { bundleWorkflowCode, NativeConnection, Worker, type WorkerOptions } from '@temporalio/worker';
import type { Db } from 'mongodb';
import {
  workerObservability,
  workflowInterceptorsPath,
} from '../observability/temporal/worker-observability.ts';
import { createCalibrationActivities } from './activities/calibration-activities.ts';
import { createCredentialActivities } from './activities/credential-activities.ts';
import { createLedgerActivities } from './activities/ledger-activities.ts';
import { createPeriodActivities } from './activities/period-activities.ts';
import { createPolicyActivities } from './activities/policy-activities.ts';
import { createReadingActivities } from './activities/reading-activities.ts';
import { createReviewCredentialActivities } from './activities/review-credential-activities.ts';
import { createDeviceCertificateRevoker } from './activities/revoke-device-certificates.ts';
import { createStoreActivities } from './activities/store-activities.ts';
import { createTaskActivities } from './activities/task-activities.ts';
import { createTrustChainActivities } from './activities/trust-chain-activities.ts';
import { type ActivityConcern, activityTaskQueue, taskQueues } from './shared.ts';
import type { WorkerServices } from './worker-services.ts';

/** Path of the workflow bundle's entry; the worker bundles it with webpack (deterministic sandbox). */
export const workflowsPath = fileURLToPath(new URL('./definitions/index.ts', import.meta.url));

/** What one worker process serves: the workflow queue (workflows and database activities) and/or activity concerns. */
export type WorkerConcern = 'workflows' | ActivityConcern;
export const workerConcerns: readonly WorkerConcern[] = ['workflows', 'ledger', 'verification'];

export interface WorkerDeps {
  temporalAddress: string;
  namespace?: string;
  db: Db;
  /** The workflow queue; activity queues derive from it (`activityTaskQueue`). */
  taskQueue?: string;
  /** Defaults to all of them; a deployment may run e.g. ledger-only workers (MRV_WORKER_CONCERNS). */
  concerns?: readonly WorkerConcern[];
  services: WorkerServices;
  /** A pre-built bundle (tests reuse one across workers to save the webpack step). */
  workflowBundle?: WorkerOptions['workflowBundle'];
}

/** The Temporal workers of one process, one per concern, run and stopped together. */
export interface MrvWorker {
  /** Resolves when every worker has stopped; if one fails, the others are shut down and it rejects. */
  run(): Promise<void>;
  /** Graceful: stop polling, let running tasks finish (or be cancelled at the grace period). */
  shutdown(): void;
  getState(): ReturnType<Worker['getState']>;
  /** Task queues this process polls (for logs and tests). */
  taskQueues: string[];
}

/**
 * The one place activities are wired to their dependencies. Each concern gets its own worker on
 * its own task queue, so ledger calls (I/O-bound, Hedera rate limits) and verification (CPU-bound)
 * can be scaled and throttled apart from workflow progress. Returns the workers and the connection
 * they share (closed by `close`).
 */
export async function createMrvWorker(
  deps: WorkerDeps,
): Promise<{ worker: MrvWorker; close: () => Promise<void> }> {
  const connection = await NativeConnection.connect({ address: deps.temporalAddress });
  const { db, services } = deps;
  const base = deps.taskQueue ?? taskQueues.main;
  const concerns = new Set(deps.concerns ?? workerConcerns);
  const namespace = deps.namespace ?? 'default';
  const observability = workerObservability();
  const { verifyReadings, ...readingActivities } = createReadingActivities({ db });
  const created: Worker[] = [];
  try {
    if (concerns.has('workflows')) {
      created.push(
        await Worker.create({
          connection,
          namespace,
          taskQueue: base,
          activities: {
            ...createStoreActivities({ db }),
            ...createPolicyActivities({ db }),
            ...createCalibrationActivities({ db }),
            ...readingActivities,
            ...createTaskActivities({
              db,
              revokeCertificates: createDeviceCertificateRevoker({
                db,
                keyStore: services.keyStore,
                now: () => new Date(),
              }),
            }),
            ...createCredentialActivities({ db, keyStore: services.keyStore }),
            ...createReviewCredentialActivities({ db, keyStore: services.keyStore }),
            ...createPeriodActivities({ db }),
            ...createTrustChainActivities({ db, keyStore: services.keyStore, mirrorUrl: services.mirrorUrl }),
          },
          // Correlation ids and workflow/activity metrics (observability/temporal). A prebuilt bundle
          // must have been bundled with the same workflow interceptor module (see bundleMrvWorkflows).
          ...observability,
          ...(deps.workflowBundle ? { workflowBundle: deps.workflowBundle } : { workflowsPath }),
        }),
      );
    }
    const activityWorker = (concern: ActivityConcern, activities: object, maxConcurrent: number) =>
      Worker.create({
        connection,
        namespace,
        taskQueue: activityTaskQueue(base, concern),
        activities,
        interceptors: { activity: observability.interceptors.activity },
        maxConcurrentActivityTaskExecutions: maxConcurrent,
      });
    // Verification is CPU-bound on one event loop: a few batches at a time keep latency fair.
    if (concerns.has('verification'))
      created.push(await activityWorker('verification', { verifyReadings }, 4));
    // Ledger calls mostly wait on the network; the adapter's circuit breaker bounds the pressure.
    if (concerns.has('ledger')) {
      created.push(
        await activityWorker(
          'ledger',
          createLedgerActivities({ db, ledger: services.ledger, keyStore: services.keyStore }),
          50,
        ),
      );
    }
  } catch (error) {
    await connection.close();
    throw error;
  }
  if (created.length === 0) throw new Error('createMrvWorker: no concern to serve');
  return { worker: combine(created), close: () => connection.close() };
}

function combine(workers: Worker[]): MrvWorker {
  const shutdown = () => {
    for (const w of workers) if (w.getState() === 'RUNNING') w.shutdown();
  };
  return {
    taskQueues: workers.map((w) => w.options.taskQueue),
    async run() {
      const results = await Promise.allSettled(
        workers.map((w) =>
          w.run().catch((error: unknown) => {
            shutdown();
            throw error;
          }),
        ),
      );
      const failed = results.find((r): r is PromiseRejectedResult => r.status === 'rejected');
      if (failed) throw failed.reason;
    },
    shutdown,
    getState: () => workers[0]!.getState(),
  };
}

/** Bundles the workflow code once (webpack, a few seconds) so several workers in one process share it. */
export async function bundleMrvWorkflows(): Promise<NonNullable<WorkerOptions['workflowBundle']>> {
  return await bundleWorkflowCode({ workflowsPath, workflowInterceptorModules: [workflowInterceptorsPath] });
}
