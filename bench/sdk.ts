/**
 * `npm run bench:sdk`: per SDK (TypeScript, Python, Go), telemetry documents signed per second
 * (JCS + Ed25519, one core) and end-to-end submits per second (one signed document per POST,
 * sequential, through the SDK's client with its retries and Idempotency-Key) against one live API
 * over real MongoDB-wire and Temporal servers (MONGODB_URI / TEMPORAL_ADDRESS, default the local
 * dev servers). Same run, same server: compare the SDKs by their ratios. Prints JSON on stdout.
 * Options (env): BENCH_SIGN_N (default 5000), BENCH_SUBMIT_N (300).
 */
import { execFile, spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { startApiServer } from '../api/start-api-server.ts';
import { loadConfig } from '../config/index.ts';
import { createLogger } from '../observability/logger.ts';
import { MrvClient, signTelemetry, type TelemetryDocument } from '../sdk/typescript/src/index.ts';

const root = join(import.meta.dirname, '..');
const signN = Number(process.env.BENCH_SIGN_N ?? 5000);
const submitN = Number(process.env.BENCH_SUBMIT_N ?? 300);
const dbName = `bench_sdk_${Date.now().toString(36)}`;
spawnSync('bash', [join(root, 'scripts/install-sdk-tools.sh')], { stdio: 'inherit' });

const config = loadConfig({
  ...process.env,
  MONGODB_DB: dbName,
  API_RATE_LIMIT_PER_HOUR: '100000000',
  MRV_JWT_KEY_FILE: `/tmp/${dbName}.pem`,
  LOG_LEVEL: 'silent',
});
const server = await startApiServer({
  config,
  mongoUri: process.env.MONGODB_URI ?? 'mongodb://127.0.0.1:27017/',
  temporalAddress: process.env.TEMPORAL_ADDRESS ?? '127.0.0.1:7233',
  logger: createLogger({ level: 'silent' }),
  port: 0,
});
try {
  const base = server.url;
  const { api_key } = await MrvClient.registerOrganization(base, 'bench-sdk');
  const admin = new MrvClient({ baseUrl: base, apiKey: api_key.key });
  const upload = await admin.send(
    new Request(`${base}/v1/policy-drafts?file_name=hydro-ams-i-d.yaml`, {
      method: 'POST',
      headers: { 'content-type': 'application/yaml' },
      body: readFileSync(join(root, 'policies/hydro-ams-i-d.yaml'), 'utf8'),
    }),
  );
  const draft = (await upload.json()) as { id: string };
  const policy = await MrvClient.unwrap(
    await admin.api.POST('/v1/policy-drafts/{draftId}/publish', { params: { path: { draftId: draft.id } } }),
  );
  const plant = JSON.parse(
    readFileSync(join(root, 'policies/fixtures/hydro-ams-i-d/plant-small.json'), 'utf8'),
  );
  const project = await MrvClient.unwrap(
    await admin.api.POST('/v1/projects', {
      body: { plant: { ...plant, devices: [] }, policy_version_id: policy.id },
    }),
  );
  const device = async () =>
    await MrvClient.unwrap(
      await admin.api.POST('/v1/devices/provision', { body: { project_id: project.id } }),
    );

  const results: Record<string, unknown> = {};
  {
    const d = await device();
    const unsigned = (seq: number): TelemetryDocument => ({
      schema_version: '1.0.0',
      device_id: d.device.did,
      seq,
      timestamp: `2026-01-01T00:${String(seq % 60).padStart(2, '0')}:00Z`,
      interval_s: 900,
      readings: [
        { sensor_id: 'gen_01', type: 'energy', value: 120.5, unit: 'kWh' },
        { sensor_id: 'exp_01', type: 'energy_export', value: 118.2, unit: 'kWh' },
      ],
    });
    let start = performance.now();
    const docs = Array.from({ length: signN }, (_, i) =>
      signTelemetry(unsigned(i + 1), d.pairing.private_key_jwk),
    );
    const signS = (performance.now() - start) / 1000;
    start = performance.now();
    for (const doc of docs.slice(0, submitN)) await admin.submitTelemetry([doc]);
    const submitS = (performance.now() - start) / 1000;
    results.typescript = {
      signed_per_s: Math.round(signN / signS),
      submits_per_s: Math.round((submitN / submitS) * 10) / 10,
    };
  }
  for (const [sdk, command, args, cwd] of [
    ['python', join(root, '.tools/sdk-venv/bin/python'), [join(root, 'bench/sdk/bench_python.py')], root],
    ['go', 'go', ['run', './internal/benchsdk'], join(root, 'sdk/go')],
  ] as const) {
    const d = await device();
    // Asynchronously: the API answering these requests runs in this process.
    const r = await promisify(execFile)(command, [...args], {
      cwd,
      encoding: 'utf8',
      maxBuffer: 16 * 1024 * 1024,
      env: {
        ...process.env,
        PYTHONPATH: join(root, 'sdk/python/src'),
        MRV_API_URL: base,
        MRV_API_KEY: api_key.key,
        MRV_DEVICE_DID: d.device.did,
        MRV_DEVICE_JWK: JSON.stringify(d.pairing.private_key_jwk),
        BENCH_SIGN_N: String(signN),
        BENCH_SUBMIT_N: String(submitN),
      },
    });
    results[sdk] = JSON.parse(r.stdout.trim().split('\n').at(-1)!);
  }
  process.stdout.write(
    `${JSON.stringify(
      {
        benchmark: 'sdk',
        conditions: {
          documents_signed: signN,
          submits: submitN,
          submit_mode:
            'one signed document per POST, sequential, via each SDK client (auth, Idempotency-Key, retry)',
          server:
            'one API process on loopback over MongoDB-wire (FerretDB or MongoDB) and Temporal; no worker',
          machine: 'shared; figures are noisy — compare SDKs by ratio within one run',
          node: process.version,
        },
        results,
      },
      null,
      2,
    )}\n`,
  );
} finally {
  await server.close();
}
