import { pino } from 'pino';
import { loadConfig, requireServices } from '../../config/index.ts';
import { startMetricsServer } from '../../observability/metrics-server.ts';
import { createProcessLogger } from '../../observability/process-logger.ts';
import { connectMongo } from '../../store/mongo.ts';
import { startReviewQueueSampler } from '../../workflows/review-queue-sampler.ts';
import { installTemporalRuntime } from '../../workflows/temporal-runtime.ts';
import { createMrvWorker } from '../../workflows/worker.ts';
import { createWorkerServices } from '../../workflows/worker-services.ts';

export const summary =
  'worker: run a Temporal worker against MONGODB_URI and TEMPORAL_ADDRESS (stateless; run N of them)';

/** A stand-alone worker process (docker-compose's `worker` service). SIGTERM drains and exits. */
export async function run(args: string[]): Promise<number> {
  if (args.length > 0) {
    process.stderr.write(
      'usage: mrv worker   (configuration comes from environment variables; see README)\n',
    );
    return 2;
  }
  const config = loadConfig();
  const { uri, temporalAddress } = requireServices(config, 'worker');
  const { logger, close: closeLogs } = createProcessLogger({
    level: config.logLevel,
    name: 'worker',
    destination: pino.destination(1),
    logStoreUrl: config.logStore.url,
  });
  installTemporalRuntime(logger);
  const metrics = await startMetricsServer({ port: config.metricsPort });
  const mongo = await connectMongo({ uri, dbName: config.mongodb.db, appName: 'mrv-worker' });
  const services = await createWorkerServices({
    db: mongo.db,
    hedera: config.hedera,
    masterKey: config.masterKey,
  });
  const { worker, close } = await createMrvWorker({
    temporalAddress,
    namespace: config.temporal.namespace,
    db: mongo.db,
    concerns: config.workerConcerns,
    services,
  });
  const stopSampler = startReviewQueueSampler({ db: mongo.db });
  const shutdown = (signal: string) => {
    logger.info({ signal }, 'draining worker');
    worker.shutdown();
  };
  process.once('SIGINT', shutdown);
  process.once('SIGTERM', shutdown);
  logger.info(
    { temporal: temporalAddress, namespace: config.temporal.namespace, taskQueues: worker.taskQueues },
    'worker started',
  );
  await worker.run();
  stopSampler();
  await close();
  services.close();
  await mongo.close();
  await metrics.close();
  logger.info('worker stopped');
  await closeLogs();
  return 0;
}
