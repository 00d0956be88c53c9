import { randomBytes } from 'node:crypto';
import type { Db } from 'mongodb';
import type { Config } from '../../config/index.ts';
import { createEncryptedKeyStore } from '../../identity/encrypted-key-store.ts';
import type { KeyStore } from '../../identity/key-store.ts';
import { masterKeyFromBase64 } from '../../identity/master-key.ts';
import type { Logger } from '../../observability/logger.ts';
import { auditLogStore } from '../../store/audit-log-store.ts';
import { createMongoKeyRecords } from '../../store/key-store.ts';
import { createCertificateRefusalAuditor } from '../auth/audit-certificate-refusal.ts';
import { type MtlsListener, startMtlsListener } from './mtls-listener.ts';
import { createPkiCache, type PkiCache } from './pki-cache.ts';
import { loadOrCreateServerCertificate } from './server-certificate.ts';

/** What `createApp` needs for gateway certificates, from the configuration (API process and `mrv up`). */
export async function apiPkiServices(options: {
  config: Config;
  db: Db;
  logger: Logger;
  masterKey?: string;
}) {
  const { config } = options;
  const masterKey = options.masterKey ?? config.masterKey;
  const keyStore: KeyStore | undefined = masterKey
    ? createEncryptedKeyStore({
        masterKey: masterKeyFromBase64(masterKey, 'MRV_MASTER_KEY'),
        records: await createMongoKeyRecords({ db: options.db }),
        randomBytes: (n) => randomBytes(n),
      })
    : undefined;
  const pki: PkiCache = createPkiCache({ db: options.db, logger: options.logger });
  const mtlsUrl =
    config.mtls.port === undefined
      ? null
      : (config.mtls.publicUrl ?? `https://${config.api.host}:${config.mtls.port}`);
  return {
    appDeps: { pki, mtlsUrl, trustedProxies: config.mtls.trustedProxies, ...(keyStore ? { keyStore } : {}) },
    /** Starts the mTLS listener when MTLS_PORT is set; `dataDir` allows a self-signed certificate. */
    async startListener(
      // biome-ignore lint/suspicious/noExplicitAny: any Hono app
      app: { fetch: any },
      dataDir?: string,
    ): Promise<MtlsListener | undefined> {
      if (config.mtls.port === undefined) return undefined;
      const server = await loadOrCreateServerCertificate({
        certFile: config.mtls.certFile,
        keyFile: config.mtls.keyFile,
        host: config.api.host,
        ...(dataDir ? { dataDir } : {}),
      });
      return await startMtlsListener({
        app: app as never,
        pki,
        host: config.api.host,
        port: config.mtls.port,
        serverCertPem: server.certPem,
        serverKeyPem: server.keyPem,
        logger: options.logger,
        auditRefusal: createCertificateRefusalAuditor(auditLogStore(options.db), options.logger),
      });
    },
  };
}
