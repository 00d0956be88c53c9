import { type ServerType, serve } from '@hono/node-server';
import type { Config } from '../config/index.ts';
import type { Logger } from '../observability/logger.ts';
import { ensureTenantIndexes } from '../store/collections.ts';
import { connectMongo } from '../store/mongo.ts';
import { connectWorkflowGateway } from '../workflows/client.ts';
import { createApp } from './app.ts';
import { loadOrCreateJwtKeys } from './auth/jwt-keys.ts';
import { apiPkiServices } from './pki/api-pki-services.ts';

/** Connects to MongoDB and Temporal, builds the app and listens. Resolves once it is listening. */
export async function startApiServer(options: {
  config: Config;
  mongoUri: string;
  temporalAddress: string;
  logger: Logger;
  port?: number;
}): Promise<{ url: string; close(): Promise<void> }> {
  const { config, logger } = options;
  const mongo = await connectMongo({ uri: options.mongoUri, dbName: config.mongodb.db, appName: 'mrv-api' });
  await ensureTenantIndexes(mongo.db);
  const workflows = await connectWorkflowGateway({
    address: options.temporalAddress,
    namespace: config.temporal.namespace,
  });
  const pki = await apiPkiServices({ config, db: mongo.db, logger });
  const app = createApp({
    ...pki.appDeps,
    db: mongo.db,
    workflows,
    logger,
    jwtKeys: loadOrCreateJwtKeys(config.api.jwtKeyFile),
    publicUrl: config.api.publicUrl,
    ...(config.hedera.mirrorUrl ? { mirrorUrl: config.hedera.mirrorUrl } : {}),
    limits: {
      bodyBytes: config.api.bodyLimitBytes,
      ratePerHour: config.api.rateLimitPerHour,
      signupsPerHour: config.api.signupLimitPerHour,
      publicReadsPerMinute: config.api.publicReadsPerMinute,
    },
    checks: [
      { name: 'mongodb', check: () => mongo.db.command({ ping: 1 }) },
      { name: 'temporal', check: () => workflows.ping() },
    ],
  });
  const port = options.port ?? config.api.port;
  const server: ServerType = await new Promise((resolve) => {
    const s = serve({ fetch: app.fetch, hostname: config.api.host, port }, () => resolve(s));
  });
  const address = server.address();
  const actualPort = typeof address === 'object' && address ? address.port : port;
  const url = `http://${config.api.host}:${actualPort}`;
  logger.info({ url }, 'API listening');
  const mtls = await pki.startListener(app);
  return {
    url,
    async close() {
      await mtls?.close();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await workflows.close();
      await mongo.close();
    },
  };
}
