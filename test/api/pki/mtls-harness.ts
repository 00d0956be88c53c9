import { randomBytes } from 'node:crypto';
import type { Hono } from 'hono';
import { createCertificateRefusalAuditor } from '../../../api/auth/audit-certificate-refusal.ts';
import type { ApiEnv } from '../../../api/env.ts';
import { type MtlsListener, startMtlsListener } from '../../../api/pki/mtls-listener.ts';
import { createPkiCache, type PkiCache } from '../../../api/pki/pki-cache.ts';
import { selfSignedServerCertificate } from '../../../api/pki/server-certificate.ts';
import { createEncryptedKeyStore } from '../../../identity/encrypted-key-store.ts';
import type { KeyStore } from '../../../identity/key-store.ts';
import { masterKeyFromBase64 } from '../../../identity/master-key.ts';
import { createLogger } from '../../../observability/logger.ts';
import { auditLogStore } from '../../../store/audit-log-store.ts';
import { createMongoKeyRecords } from '../../../store/key-store.ts';
import { type ApiHarness, call, registerOrganization, startApiHarness } from '../support/api-harness.ts';
import { provisionDevice, setUpProject } from '../support/fixtures.ts';
import { csrFor, gatewayKey } from './pki-fixtures.ts';

export interface Instance {
  app: Hono<ApiEnv>;
  pki: PkiCache;
  listener: MtlsListener;
}

/** A real database, one or more API instances each with its own PKI cache and mTLS listener on loopback. */
export async function startMtlsHarness(name: string, options: { masterKey?: string } = {}) {
  const harness: ApiHarness = await startApiHarness(name);
  const keyStore: KeyStore = createEncryptedKeyStore({
    masterKey: masterKeyFromBase64(options.masterKey ?? randomBytes(32).toString('base64')),
    records: await createMongoKeyRecords({ db: harness.mongo.db }),
    randomBytes: (n) => randomBytes(n),
  });
  const server = await selfSignedServerCertificate('127.0.0.1');
  const logger = createLogger({ level: 'silent' });
  const instances: Instance[] = [];

  async function instance(
    options: { trustedProxies?: string[]; handshakeTimeoutMs?: number } = {},
  ): Promise<Instance> {
    const pki = createPkiCache({ db: harness.mongo.db, logger });
    const app = harness.app({
      keyStore,
      pki,
      trustedProxies: options.trustedProxies ?? [],
      mtlsUrl: 'https://127.0.0.1:0',
    });
    const listener = await startMtlsListener({
      app,
      pki,
      host: '127.0.0.1',
      port: 0,
      serverCertPem: server.certPem,
      serverKeyPem: server.keyPem,
      logger,
      handshakeTimeoutMs: options.handshakeTimeoutMs ?? 1000,
      auditRefusal: createCertificateRefusalAuditor(auditLogStore(harness.mongo.db), logger),
    });
    const made = { app, pki, listener };
    instances.push(made);
    return made;
  }

  return {
    harness,
    keyStore,
    serverCertPem: server.certPem,
    instance,
    async close() {
      for (const i of instances) await i.listener.close();
      await harness.close();
    },
  };
}

/** An organization with a project, `devices` devices and a gateway for the first `onGateway` of them. */
export async function setUpGateway(
  app: Hono<ApiEnv>,
  options: { devices?: number; onGateway?: number } = {},
) {
  const org = await registerOrganization(app, `Gateway Hydro ${Math.random()}`);
  const project = await setUpProject(app, org.key);
  const devices = [project.device];
  for (let i = 1; i < (options.devices ?? 2); i++)
    devices.push(await provisionDevice(app, org.key, project.projectId));
  const created = await call(app, 'POST', '/v1/gateways', {
    key: org.key,
    body: { name: 'Plant gateway', device_ids: devices.slice(0, options.onGateway ?? 1).map((d) => d.id) },
  });
  if (created.status !== 201) throw new Error(`gateway: ${created.status} ${created.text}`);
  return {
    org,
    project,
    devices,
    gatewayId: created.json.gateway.id as string,
    token: created.json.enrollment.token as string,
    created: created.json,
  };
}

/** Enrolls a certificate for the gateway (its token, else the admin key); returns what a TLS client needs. */
export async function enrollCertificate(
  app: Hono<ApiEnv>,
  g: { gatewayId: string; org: { key: string } },
  options: { token?: string; kind?: 'p256' | 'ed25519'; dids?: string[] } = {},
) {
  const key = await gatewayKey(options.kind ?? 'p256');
  const res = await call(app, 'POST', `/v1/gateways/${g.gatewayId}/certificates`, {
    headers: { authorization: `Bearer ${options.token ?? g.org.key}` },
    body: { csr: await csrFor(key, options.dids ?? []) },
  });
  if (res.status !== 201) throw new Error(`enroll: ${res.status} ${res.text}`);
  return {
    keyPem: key.keyPem,
    certPem: res.json.certificate.pem as string,
    sha256: res.json.certificate.sha256 as string,
    key,
  };
}
