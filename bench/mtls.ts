/**
 * `npm run bench:mtls`: the gateways' mutual-TLS listener against the plain listener of the same app,
 * in one run, over a real MongoDB-wire server and real Temporal signalling (MONGODB_URI /
 * TEMPORAL_ADDRESS, default the local dev servers). Prints JSON: new mTLS handshakes per second
 * (full TLS 1.3 handshakes with a P-256 client certificate, BENCH_HANDSHAKE_S seconds, BENCH_PARALLEL
 * at once), and p50/p95 latency of POST /v1/telemetry over one established keep-alive connection,
 * mTLS (certificate principal) vs plain (API key), in interleaved blocks so both see the same load.
 * Options (env): BENCH_REQUESTS (400 per listener), BENCH_HANDSHAKE_S (5), BENCH_PARALLEL (4).
 */
import { createPrivateKey, randomBytes } from 'node:crypto';
import { Agent as HttpAgent, request as httpRequest } from 'node:http';
import { Agent as HttpsAgent, request as httpsRequest } from 'node:https';
import type { AddressInfo } from 'node:net';
import { connect as tlsConnect } from 'node:tls';
import { serve } from '@hono/node-server';
import { createApp } from '../api/app.ts';
import { startMtlsListener } from '../api/pki/mtls-listener.ts';
import { createPkiCache } from '../api/pki/pki-cache.ts';
import { selfSignedServerCertificate } from '../api/pki/server-certificate.ts';
import { signTelemetry } from '../engine/telemetry/index.ts';
import { createEncryptedKeyStore } from '../identity/encrypted-key-store.ts';
import { masterKeyFromBase64 } from '../identity/master-key.ts';
import { createLogger } from '../observability/logger.ts';
import { ensureTenantIndexes } from '../store/collections.ts';
import { createMongoKeyRecords } from '../store/key-store.ts';
import { connectMongo } from '../store/mongo.ts';
import { connectWorkflowGateway } from '../workflows/client.ts';
import { benchFixtures } from './mtls-fixtures.ts';

const requests = Number(process.env.BENCH_REQUESTS ?? 400);
const handshakeS = Number(process.env.BENCH_HANDSHAKE_S ?? 5);
const parallel = Number(process.env.BENCH_PARALLEL ?? 4);
const mongoUri = process.env.MONGODB_URI ?? 'mongodb://127.0.0.1:27017/';
const temporalAddress = process.env.TEMPORAL_ADDRESS ?? '127.0.0.1:7233';
const dbName = `bench_mtls_${Date.now().toString(36)}`;

const logger = createLogger({ level: 'silent' });
const mongo = await connectMongo({ uri: mongoUri, dbName });
await ensureTenantIndexes(mongo.db);
const workflows = await connectWorkflowGateway({
  address: temporalAddress,
  taskQueue: `bench-mtls-${Date.now()}`,
});
const keyStore = createEncryptedKeyStore({
  masterKey: masterKeyFromBase64(randomBytes(32).toString('base64')),
  records: await createMongoKeyRecords({ db: mongo.db }),
  randomBytes: (n) => randomBytes(n),
});
const pki = createPkiCache({ db: mongo.db, logger });
const app = createApp({
  db: mongo.db,
  workflows,
  logger,
  checks: [],
  keyStore,
  pki,
  limits: { ratePerHour: 1e9 },
});
const plain = await new Promise<ReturnType<typeof serve>>((resolve) => {
  const s = serve({ fetch: app.fetch, hostname: '127.0.0.1', port: 0 }, () => resolve(s));
});
const plainUrl = `http://127.0.0.1:${(plain.address() as AddressInfo).port}`;
const server = await selfSignedServerCertificate('127.0.0.1');
const mtls = await startMtlsListener({
  app,
  pki,
  host: '127.0.0.1',
  port: 0,
  serverCertPem: server.certPem,
  serverKeyPem: server.keyPem,
  logger,
});

try {
  const f = await benchFixtures(plainUrl);
  await pki.refreshNow();
  const device = { did: f.device.did, privateKey: createPrivateKey({ key: f.device.jwk, format: 'jwk' }) };
  let seq = 0;
  const doc = () =>
    JSON.stringify(
      signTelemetry(
        {
          schema_version: '1.0.0',
          device_id: device.did,
          seq: ++seq,
          timestamp: new Date(Date.UTC(2026, 0, 1) + seq * 900_000).toISOString().replace('.000Z', 'Z'),
          interval_s: 900,
          readings: [{ sensor_id: 'gen_01', type: 'energy', value: 120.5, unit: 'kWh' }],
        } as never,
        device.privateKey,
      ),
    );

  const httpsAgent = new HttpsAgent({
    keepAlive: true,
    maxSockets: 1,
    ca: server.certPem,
    key: f.cert.keyPem,
    cert: f.cert.certPem,
  });
  const httpAgent = new HttpAgent({ keepAlive: true, maxSockets: 1 });
  const once = (over: 'mtls' | 'plain', body: string) =>
    new Promise<number>((resolve, reject) => {
      const started = process.hrtime.bigint();
      const options = {
        method: 'POST',
        headers: { 'content-type': 'application/json' } as Record<string, string>,
      };
      const req =
        over === 'mtls'
          ? httpsRequest(`${mtls.url}/v1/telemetry`, { ...options, agent: httpsAgent })
          : httpRequest(`${plainUrl}/v1/telemetry`, {
              ...options,
              headers: { ...options.headers, authorization: `Bearer ${f.key}` },
              agent: httpAgent,
            });
      req.on('response', (res) => {
        res.resume();
        res.on('end', () =>
          res.statusCode === 202
            ? resolve(Number(process.hrtime.bigint() - started) / 1e6)
            : reject(new Error(`${over}: ${res.statusCode}`)),
        );
      });
      req.on('error', reject);
      req.end(body);
    });
  // Warm both connections up, then interleave blocks of 50 so drift in the shared machine's load hits both.
  for (let i = 0; i < 20; i++) {
    await once('mtls', doc());
    await once('plain', doc());
  }
  const lat = { mtls: [] as number[], plain: [] as number[] };
  for (let done = 0; done < requests; done += 50) {
    for (const over of ['mtls', 'plain'] as const)
      for (let i = 0; i < 50; i++) lat[over].push(await once(over, doc()));
  }
  const pct = (xs: number[], p: number) =>
    [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(xs.length * p))]!;

  // New handshakes: each a fresh TCP + TLS 1.3 connection with the client certificate, closed at once.
  let handshakes = 0;
  let failures = 0;
  const until = Date.now() + handshakeS * 1000;
  const started = Date.now();
  await Promise.all(
    Array.from({ length: parallel }, async () => {
      while (Date.now() < until) {
        await new Promise<void>((resolve) => {
          const s = tlsConnect({
            host: '127.0.0.1',
            port: mtls.port,
            ca: server.certPem,
            key: f.cert.keyPem,
            cert: f.cert.certPem,
          });
          s.once('secureConnect', () => {
            handshakes += 1;
            s.destroy();
            resolve();
          });
          s.once('error', () => {
            failures += 1;
            resolve();
          });
        });
      }
    }),
  );
  const elapsedS = (Date.now() - started) / 1000;
  const result = {
    bench: 'mtls',
    conditions: {
      requests_per_listener: requests,
      handshake_seconds: handshakeS,
      handshake_parallel: parallel,
      client_key: 'ECDSA P-256',
      tls: 'TLSv1.3',
      keep_alive: 'one connection per listener, sequential requests',
      mongodb: mongoUri.replace(/\/\/[^@/]*@/, '//***@'),
      node: process.version,
      note: 'shared 2-core machine; absolute figures are noisy, the ratio is measured within one run',
    },
    new_handshakes_per_s: Math.round((handshakes / elapsedS) * 10) / 10,
    handshake_failures: failures,
    telemetry_ms: {
      mtls: { p50: pct(lat.mtls, 0.5), p95: pct(lat.mtls, 0.95) },
      plain: { p50: pct(lat.plain, 0.5), p95: pct(lat.plain, 0.95) },
    },
    p95_ratio_mtls_vs_plain: Math.round((pct(lat.mtls, 0.95) / pct(lat.plain, 0.95)) * 1000) / 1000,
    target: 'keep-alive mTLS p95 within 10% of plain (ratio ≤ 1.10)',
  };
  result.telemetry_ms.mtls.p50 = Math.round(result.telemetry_ms.mtls.p50 * 100) / 100;
  result.telemetry_ms.mtls.p95 = Math.round(result.telemetry_ms.mtls.p95 * 100) / 100;
  result.telemetry_ms.plain.p50 = Math.round(result.telemetry_ms.plain.p50 * 100) / 100;
  result.telemetry_ms.plain.p95 = Math.round(result.telemetry_ms.plain.p95 * 100) / 100;
  process.stdout.write(`${JSON.stringify(result, null, 2)}\n`);
  httpsAgent.destroy();
  httpAgent.destroy();
} finally {
  await mtls.close();
  plain.close();
  await workflows.close();
  await mongo.db.dropDatabase();
  await mongo.close();
}
