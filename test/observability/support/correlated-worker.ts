import { fileURLToPath } from 'node:url';
import { NativeConnection, Worker, type WorkerOptions } from '@temporalio/worker';
import type { Logger } from '../../../observability/logger.ts';
import { workerObservability } from '../../../observability/temporal/worker-observability.ts';
import { temporalAddress } from '../../support/services.ts';
import { createCorrelatedActivities } from '../fixtures/correlated-activities.ts';

/**
 * Runs an in-process worker for the fixture workflows with the observability interceptors and sinks
 * registered as a product worker registers them. Returns the function that stops it.
 */
export async function startCorrelatedWorker(options: {
  taskQueue: string;
  logger: Logger;
  plugins?: WorkerOptions['plugins'];
}): Promise<() => Promise<void>> {
  const connection = await NativeConnection.connect({ address: temporalAddress() });
  const observability = workerObservability();
  const worker = await Worker.create({
    connection,
    taskQueue: options.taskQueue,
    workflowsPath: fileURLToPath(new URL('../fixtures/correlated-workflows.ts', import.meta.url)),
    activities: createCorrelatedActivities({ logger: options.logger }),
    interceptors: observability.interceptors,
    sinks: observability.sinks,
    plugins: options.plugins,
  });
  const running = worker.run();
  return async () => {
    worker.shutdown();
    await running;
    await connection.close();
  };
}
