import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { serve } from '@hono/node-server';
import { createApp } from '../api/app.ts';
import { loadOrCreateJwtKeys } from '../api/auth/jwt-keys.ts';
import { ensureDemoOrganization } from '../api/ensure-demo-organization.ts';
import { apiPkiServices } from '../api/pki/api-pki-services.ts';
import type { DependencyCheck } from '../api/routes/health.ts';
import type { Config } from '../config/index.ts';
import { startLocalNetwork } from '../ledger/local-network/index.ts';
import { pingHedera } from '../ledger/ping-hedera.ts';
import type { Logger } from '../observability/logger.ts';
import { ensureTenantIndexes } from '../store/collections.ts';
import { connectMongo } from '../store/mongo.ts';
import { connectWorkflowGateway } from '../workflows/client.ts';
import { startReviewQueueSampler } from '../workflows/review-queue-sampler.ts';
import { installTemporalRuntime } from '../workflows/temporal-runtime.ts';
import { createMrvWorker } from '../workflows/worker.ts';
import { createWorkerServices } from '../workflows/worker-services.ts';
import { resumeAfterRestore } from './backup/resume-after-restore.ts';
import { type EmbeddedService, pingMongo, startEmbeddedMongo } from './embedded-mongodb.ts';
import { startEmbeddedTemporal } from './embedded-temporal.ts';
import { ensureMasterKey } from './master-key.ts';
import { assertPortFree } from './ports.ts';
import { acquireRunLock } from './run-lock.ts';
import { type SupervisedService, superviseService } from './supervise-service.ts';

export interface RunningStack {
  apiUrl: string;
  docsUrl: string;
  temporalUiUrl?: string;
  demo: { orgId: string; apiKey?: string };
  services: Record<string, string>;
  /** Resolves with a message when an embedded server died and could not be restarted. */
  failed: Promise<string>;
  stop(): Promise<void>;
}

/**
 * Brings up the whole system on one machine: embedded servers for what is not configured
 * externally, then the worker and the API in this process. Stops in reverse order on failure.
 */
export async function startEmbeddedStack(options: { config: Config; logger: Logger }): Promise<RunningStack> {
  const { config, logger } = options;
  const dataDir = resolve(config.dataDir);
  const releaseLock = acquireRunLock(join(dataDir, 'run', 'mrv-up.lock'));
  const stops: (() => Promise<void>)[] = [async () => releaseLock()];
  const stop = async () => {
    for (const s of stops.reverse()) await s().catch((err) => logger.warn({ err }, 'error while stopping'));
  };
  const services: Record<string, string> = {};
  const supervised: SupervisedService[] = [];
  const supervise = async <S extends EmbeddedService>(name: string, start: () => Promise<S>) => {
    const service = await superviseService({ name, start, logger });
    supervised.push(service);
    stops.push(() => service.stop());
    return service;
  };
  try {
    await assertPortFree({
      host: config.api.host,
      port: config.api.port,
      variable: 'API_PORT',
      what: 'The API',
    });
    process.env.MRV_MASTER_KEY = ensureMasterKey({
      configured: config.masterKey,
      file: join(dataDir, 'master.key'),
    });

    let mongoUri = config.mongodb.uri;
    if (!mongoUri) {
      logger.info('starting embedded MongoDB-wire server (FerretDB, SQLite)');
      const mongo = await supervise('ferretdb', () =>
        startEmbeddedMongo({ dataDir, port: config.mongodb.port }),
      );
      mongoUri = mongo.current().address;
    }
    services.mongodb = mongoUri.replace(/\/\/[^@/]*@/, '//***@');

    let temporalAddress = config.temporal.address;
    let temporalUiUrl: string | undefined;
    if (!temporalAddress) {
      logger.info('starting embedded Temporal dev server (SQLite)');
      const temporal = await supervise('temporal', () =>
        startEmbeddedTemporal({
          dataDir,
          port: config.temporal.port,
          uiPort: config.temporal.uiPort,
          namespace: config.temporal.namespace,
        }),
      );
      temporalAddress = temporal.current().address;
      temporalUiUrl = temporal.current().uiUrl;
    }
    services.temporal = temporalAddress;

    if (config.hedera.network === 'local') {
      logger.info('starting the local Hedera network (protocol level)');
      const { host, grpcPort, mirrorGrpcPort, mirrorRestPort } = config.hedera.local;
      for (const [port, variable] of [
        [grpcPort, 'HEDERA_LOCAL_GRPC_PORT'],
        [mirrorGrpcPort, 'HEDERA_LOCAL_MIRROR_GRPC_PORT'],
        [mirrorRestPort, 'HEDERA_LOCAL_MIRROR_REST_PORT'],
      ] as const) {
        await assertPortFree({ host, port, variable, what: 'The local Hedera network' });
      }
      const network = await startLocalNetwork({
        dataDir: join(dataDir, 'hedera'),
        host,
        grpcPort,
        mirrorGrpcPort,
        mirrorRestPort,
      });
      stops.push(() => network.stop());
      services.hedera = `local node ${network.nodeAccountId} at ${network.grpcEndpoint}, mirror ${network.mirrorRestUrl}`;
    } else {
      services.hedera = config.hedera.network;
    }

    const mongo = await connectMongo({ uri: mongoUri, dbName: config.mongodb.db, appName: 'mrv-up' });
    stops.push(() => mongo.close());

    installTemporalRuntime(logger);
    const workerServices = await createWorkerServices({
      db: mongo.db,
      hedera: config.hedera,
      masterKey: process.env.MRV_MASTER_KEY,
    });
    stops.push(async () => workerServices.close());
    const { worker, close: closeWorkerConnection } = await createMrvWorker({
      temporalAddress,
      namespace: config.temporal.namespace,
      db: mongo.db,
      services: workerServices,
    });
    const workerRun = worker.run();
    const stopSampler = startReviewQueueSampler({ db: mongo.db });
    stops.push(async () => stopSampler());
    stops.push(async () => {
      worker.shutdown();
      await workerRun;
      await closeWorkerConnection();
    });

    const workflows = await connectWorkflowGateway({
      address: temporalAddress,
      namespace: config.temporal.namespace,
    });
    stops.push(() => workflows.close());
    const checks: DependencyCheck[] = [
      { name: 'mongodb', check: () => pingMongo(mongoUri) },
      { name: 'temporal', check: () => workflows.ping() },
      { name: 'hedera', check: () => pingHedera(workerServices.hedera) },
    ];
    await ensureTenantIndexes(mongo.db);
    // A restored data directory: readings its Temporal snapshot may not know go to their workflows.
    await resumeAfterRestore({ dataDir, db: mongo.db, workflows, logger }).catch((err) =>
      logger.error({ err }, 'resuming after a restore failed; the next start tries again'),
    );
    const demo = await ensureDemoOrganization(mongo.db);
    const demoKeyFile = join(dataDir, 'demo-api-key');
    // Only a hash of an API key is stored, so the demo key is kept (0600) for later starts to print.
    if (demo.apiKey) writeFileSync(demoKeyFile, `${demo.apiKey}\n`, { mode: 0o600 });
    const demoApiKey = existsSync(demoKeyFile) ? readFileSync(demoKeyFile, 'utf8').trim() : undefined;
    // `mrv up` runs the gateways' mTLS listener too (8443 unless MTLS_PORT says otherwise).
    const withMtls = { ...config, mtls: { ...config.mtls, port: config.mtls.port ?? 8443 } };
    const pki = await apiPkiServices({
      config: withMtls,
      db: mongo.db,
      logger,
      masterKey: process.env.MRV_MASTER_KEY,
    });
    const app = createApp({
      ...pki.appDeps,
      db: mongo.db,
      workflows,
      checks,
      logger,
      jwtKeys: loadOrCreateJwtKeys(config.api.jwtKeyFile),
      publicUrl: config.api.publicUrl,
      mirrorUrl: workerServices.mirrorUrl,
      limits: {
        bodyBytes: config.api.bodyLimitBytes,
        ratePerHour: config.api.rateLimitPerHour,
        signupsPerHour: config.api.signupLimitPerHour,
        publicReadsPerMinute: config.api.publicReadsPerMinute,
      },
    });
    const server = serve({ fetch: app.fetch, hostname: config.api.host, port: config.api.port });
    stops.push(() => new Promise<void>((done) => server.close(() => done())));
    const mtls = await pki.startListener(app, dataDir);
    if (mtls) {
      stops.push(() => mtls.close());
      services.mtls = `${mtls.url} (server certificate ${join(dataDir, 'mtls', 'server-cert.pem')})`;
    }

    return {
      apiUrl: config.api.publicUrl,
      docsUrl: `${config.api.publicUrl}/docs`,
      temporalUiUrl,
      demo: { orgId: demo.orgId, apiKey: demoApiKey },
      services,
      // Never settles when every server is external (nothing is supervised).
      failed: Promise.race(supervised.map((service) => service.gaveUp)),
      stop,
    };
  } catch (error) {
    await stop();
    throw error;
  }
}
