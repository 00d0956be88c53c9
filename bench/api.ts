/**
 * `npm run bench:api`: autocannon against POST /v1/telemetry with signed documents, over a real
 * MongoDB-wire server and real Temporal signalling (MONGODB_URI / TEMPORAL_ADDRESS, default the local
 * dev servers). Prints {rps, p50_ms, p95_ms, p99_ms, errors, ...} as JSON on stdout.
 * Options (env): BENCH_RATE (default 500 req/s), BENCH_DURATION_S (10), BENCH_CONNECTIONS (50).
 */
import { createPrivateKey } from 'node:crypto';
import autocannon from 'autocannon';
import { startApiServer } from '../api/start-api-server.ts';
import { loadConfig } from '../config/index.ts';
import { signTelemetry, type TelemetryDocument } from '../engine/telemetry/index.ts';
import { createLogger } from '../observability/logger.ts';
import { connectMongo } from '../store/mongo.ts';
import { benchProject, json } from './bench-project.ts';

const rate = Number(process.env.BENCH_RATE ?? 500);
const durationS = Number(process.env.BENCH_DURATION_S ?? 10);
const connections = Number(process.env.BENCH_CONNECTIONS ?? 50);
const mongoUri = process.env.MONGODB_URI ?? 'mongodb://127.0.0.1:27017/';
const temporalAddress = process.env.TEMPORAL_ADDRESS ?? '127.0.0.1:7233';
const dbName = `bench_api_${Date.now().toString(36)}`;

const config = loadConfig({
  ...process.env,
  MONGODB_DB: dbName,
  API_RATE_LIMIT_PER_HOUR: '100000000',
  MRV_JWT_KEY_FILE: `/tmp/${dbName}.pem`,
  LOG_LEVEL: 'silent',
});
const server = await startApiServer({
  config,
  mongoUri,
  temporalAddress,
  logger: createLogger({ level: 'silent' }),
  port: 0,
});
try {
  const base = server.url;
  const { key, projectId } = await benchProject(base, 'bench');
  // Several devices, so the signals spread over several device workflows as in a real fleet.
  const devices = [];
  for (let i = 0; i < 10; i++) {
    const d = await json(`${base}/v1/devices/provision`, {
      method: 'POST',
      key,
      body: JSON.stringify({ project_id: projectId }),
    });
    devices.push({
      did: d.device.did as string,
      privateKey: createPrivateKey({ key: d.pairing.private_key_jwk, format: 'jwk' }),
    });
  }
  const total = Math.ceil(rate * durationS * 1.2) + 100;
  const bodies: string[] = [];
  for (let i = 0; i < total; i++) {
    const device = devices[i % devices.length]!;
    const seq = Math.floor(i / devices.length) + 1;
    const doc: TelemetryDocument = signTelemetry(
      {
        schema_version: '1.0.0',
        device_id: device.did,
        seq,
        timestamp: new Date(Date.UTC(2026, 0, 1) + seq * 900_000).toISOString().replace('.000Z', 'Z'),
        interval_s: 900,
        readings: [
          { sensor_id: 'gen_01', type: 'energy', value: 120 + (seq % 7), unit: 'kWh' },
          { sensor_id: 'exp_01', type: 'energy_export', value: 118 + (seq % 7), unit: 'kWh' },
        ],
      } as never,
      device.privateKey,
    );
    bodies.push(JSON.stringify(doc));
  }
  let next = 0;
  const latencies: number[] = [];
  const statuses = new Map<number, number>();
  let finish!: (r: autocannon.Result) => void;
  let fail!: (e: unknown) => void;
  const done = new Promise<autocannon.Result>((resolve, reject) => {
    finish = resolve;
    fail = reject;
  });
  const instance = autocannon(
    {
      url: base,
      connections,
      duration: durationS,
      overallRate: rate,
      requests: [
        {
          method: 'POST',
          path: '/v1/telemetry',
          headers: { authorization: `Bearer ${key}`, 'content-type': 'application/json' },
          setupRequest: (req) => ({ ...req, body: bodies[next++ % bodies.length] }),
        },
      ],
    },
    (error, result) => (error ? fail(error) : finish(result)),
  );
  instance.on('response', (_client, statusCode, _bytes, responseTime) => {
    latencies.push(responseTime);
    statuses.set(statusCode, (statuses.get(statusCode) ?? 0) + 1);
  });
  const result = await done;
  latencies.sort((a, b) => a - b);
  const pct = (p: number) =>
    Math.round(
      (latencies[Math.min(latencies.length - 1, Math.floor((p / 100) * latencies.length))] ?? 0) * 100,
    ) / 100;
  const non202 = [...statuses].filter(([s]) => s !== 202).reduce((n, [, c]) => n + c, 0);
  process.stdout.write(
    `${JSON.stringify({
      rps: Math.round(result.requests.average),
      p50_ms: pct(50),
      p95_ms: pct(95),
      p99_ms: pct(99),
      errors: result.errors + result.timeouts + non202,
      target_rate: rate,
      duration_s: durationS,
      connections,
      requests: latencies.length,
      statuses: Object.fromEntries(statuses),
    })}\n`,
  );
} finally {
  await server.close();
  const mongo = await connectMongo({ uri: mongoUri, dbName });
  await mongo.db.dropDatabase();
  await mongo.close();
}
