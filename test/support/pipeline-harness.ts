import { randomBytes } from 'node:crypto';
import { Client, Connection } from '@temporalio/client';
import type { WorkerOptions } from '@temporalio/worker';
import type { Hono } from 'hono';
import { createApp } from '../../api/app.ts';
import type { ApiEnv } from '../../api/env.ts';
import { type LocalNetwork, startLocalNetwork } from '../../ledger/local-network/index.ts';
import { createLogger } from '../../observability/logger.ts';
import { ensureTenantIndexes } from '../../store/collections.ts';
import { connectMongo, type MongoHandle } from '../../store/mongo.ts';
import { connectWorkflowGateway, type WorkflowGateway } from '../../workflows/client.ts';
import { createMrvWorker, type MrvWorker, type WorkerConcern } from '../../workflows/worker.ts';
import { createWorkerServices, type WorkerServices } from '../../workflows/worker-services.ts';
import { mongoUri, temporalAddress, uniqueDbName } from './services.ts';

/**
 * The real pipeline for one test file: a MongoDB-wire database, the local Hedera network on free
 * ports, the worker's services and the API over a task queue of its own. Workers are started with
 * `startWorker` (several may run at once, e.g. to crash one and start another).
 */
export interface PipelineHarness {
  mongo: MongoHandle;
  network: LocalNetwork;
  services: WorkerServices;
  gateway: WorkflowGateway;
  /** A Temporal client for what the gateway does not offer (histories, describe, raw signals). */
  client: Client;
  taskQueue: string;
  /** What an operator's `mrv` command needs to reach this harness's database and keys. */
  operatorEnv: { MONGODB_DB: string; MRV_MASTER_KEY: string };
  app(): Hono<ApiEnv>;
  /**
   * A worker on the harness's task queues; `ledger` swaps the ledger adapter (e.g. a crashing
   * wrapper), `concerns` limits which queues it polls (default: all).
   */
  startWorker(options?: {
    ledger?: WorkerServices['ledger'];
    concerns?: readonly WorkerConcern[];
  }): Promise<{ worker: MrvWorker; stop(): Promise<void> }>;
  close(): Promise<void>;
}

let bundle: Promise<NonNullable<WorkerOptions['workflowBundle']>> | undefined;

export async function startPipelineHarness(
  name: string,
  options: { temporalAddress?: string } = {},
): Promise<PipelineHarness> {
  const temporal = options.temporalAddress ?? temporalAddress();
  const network = await startLocalNetwork({ grpcPort: 0, mirrorGrpcPort: 0, mirrorRestPort: 0 });
  const dbName = uniqueDbName(name);
  const mongo = await connectMongo({ uri: mongoUri(), dbName });
  await ensureTenantIndexes(mongo.db);
  const masterKey = randomBytes(32).toString('base64');
  const [host, port] = network.grpcEndpoint.split(':') as [string, string];
  const services = await createWorkerServices({
    db: mongo.db,
    hedera: {
      network: 'local',
      mirrorUrl: network.mirrorRestUrl,
      local: { host, grpcPort: Number(port), mirrorGrpcPort: 0, mirrorRestPort: 0 },
    },
    masterKey,
  });
  const taskQueue = `${name}-${process.pid}-${Date.now()}`;
  const gateway = await connectWorkflowGateway({ address: temporal, taskQueue });
  const connection = await Connection.connect({ address: temporal });
  const workers: { stop(): Promise<void> }[] = [];
  const logger = createLogger({ level: 'silent' });
  if (!bundle) {
    const { bundleMrvWorkflows } = await import('../../workflows/worker.ts');
    bundle = bundleMrvWorkflows();
  }
  return {
    mongo,
    network,
    services,
    gateway,
    client: new Client({ connection }),
    taskQueue,
    operatorEnv: { MONGODB_DB: dbName, MRV_MASTER_KEY: masterKey },
    // With the worker's key store, as `mrv up` runs it (the registry's plant registrations sign with it).
    app: () =>
      createApp({ db: mongo.db, workflows: gateway, logger, checks: [], keyStore: services.keyStore }),
    async startWorker(workerOptions = {}) {
      const { worker, close } = await createMrvWorker({
        temporalAddress: temporal,
        db: mongo.db,
        taskQueue,
        concerns: workerOptions.concerns,
        services: workerOptions.ledger ? { ...services, ledger: workerOptions.ledger } : services,
        workflowBundle: await bundle!,
      });
      const running = worker.run();
      let stopped = false;
      const handle = {
        worker,
        async stop() {
          if (stopped) return;
          stopped = true;
          if (worker.getState() === 'RUNNING') worker.shutdown();
          await running.catch(() => undefined);
          await close();
        },
      };
      workers.push(handle);
      return handle;
    },
    async close() {
      await gateway.close();
      await connection.close();
      for (const w of workers) await w.stop();
      services.close();
      await network.stop();
      await mongo.db.dropDatabase();
      await mongo.close();
    },
  };
}
