/**
 * `npm run bench:pipeline`: readings per second from HTTP accept to verified-and-batched, and device
 * workflows per second from provisioning to an active, credentialed, anchored device — the whole
 * pipeline on one machine: the API (real HTTP, POST /v1/telemetry: schema, signature, durable
 * group-committed insert, coalesced `readingsAccepted` signals), a Temporal worker (batched
 * verification through the policy, review children for flagged readings, Merkle anchoring on the
 * local Hedera network), MongoDB-wire and Temporal servers (MONGODB_URI / TEMPORAL_ADDRESS, else
 * throw-away embedded ones). Prints JSON on stdout.
 * Options (env): BENCH_DEVICES (default 10), BENCH_READINGS (1000), BENCH_CONNECTIONS (50),
 * BENCH_BATCH (documents per request, default 1; >1 posts `{ "documents": [...] }` as a gateway does),
 * BENCH_PROFILE=1 (adds `profile`: MongoDB time per command and collection, CPU seconds per process).
 */
import { createPrivateKey, type KeyObject } from 'node:crypto';
import { readFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { setTimeout as sleep } from 'node:timers/promises';
import { serve } from '@hono/node-server';
import autocannon from 'autocannon';
import { createApp } from '../api/app.ts';
import { ensureDemoOrganization } from '../api/ensure-demo-organization.ts';
import { createLogger } from '../observability/logger.ts';
import { mongoCommandDurationSeconds } from '../observability/metrics.ts';
import { startThrowawayServices } from '../stack/test-services.ts';
import { startPipelineHarness } from '../test/support/pipeline-harness.ts';
import { flushAnchorsSignal } from '../workflows/definitions/messages.ts';
import { workflowIds } from '../workflows/shared.ts';
import { installTemporalRuntime } from '../workflows/temporal-runtime.ts';
import { honestReading } from './honest-reading.ts';

const deviceCount = Number(process.env.BENCH_DEVICES ?? 10);
const readingCount = Number(process.env.BENCH_READINGS ?? 1000);
const connections = Number(process.env.BENCH_CONNECTIONS ?? 50);
/** Documents per request: 1 (a device posting alone) or more (a plant gateway posting `{ documents }`). */
const batchSize = Math.max(1, Math.min(1000, Number(process.env.BENCH_BATCH ?? 1)));
const profiling = process.env.BENCH_PROFILE === '1';

/** CPU seconds (user + system) a process has used so far, from /proc (Linux). */
function cpuSeconds(pid: number): number {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
    return (Number(fields[11]) + Number(fields[12])) / 100;
  } catch {
    return Number.NaN;
  }
}

/** Where the time went: MongoDB command time by command and collection, CPU per process. */
async function profileOf(pids: Record<string, number>, cpuAtStart: Record<string, number>) {
  const metric = await mongoCommandDurationSeconds.get();
  const byLabel = new Map<string, { n: number; s: number }>();
  for (const v of metric.values) {
    const l = v.labels as Record<string, string>;
    const k = `${l.command} ${l.collection}`;
    const e = byLabel.get(k) ?? { n: 0, s: 0 };
    if (v.metricName?.endsWith('_count')) e.n += v.value;
    else if (v.metricName?.endsWith('_sum')) e.s += v.value;
    byLabel.set(k, e);
  }
  const mongo = Object.fromEntries(
    [...byLabel]
      .sort((a, b) => b[1].s - a[1].s)
      .slice(0, 20)
      .map(([k, e]) => [
        k,
        { n: e.n, s: Math.round(e.s * 100) / 100, ms_avg: Math.round((e.s / e.n) * 1e4) / 10 },
      ]),
  );
  const cpu = Object.fromEntries(
    Object.entries(pids).map(([name, pid]) => [
      name,
      Math.round((cpuSeconds(pid) - cpuAtStart[name]!) * 10) / 10,
    ]),
  );
  return { mongo_seconds: mongo, cpu_seconds_during_readings: cpu };
}

installTemporalRuntime(undefined, 'ERROR');
const servers = await startThrowawayServices();
Object.assign(process.env, servers.env);
const harness = await startPipelineHarness('bench_pipeline');
const app = createApp({
  db: harness.mongo.db,
  workflows: harness.gateway,
  logger: createLogger({ level: 'silent' }),
  checks: [],
  limits: { ratePerHour: 1e9 },
});
const http = serve({ fetch: app.fetch, hostname: '127.0.0.1', port: 0 });
await new Promise((resolve) => http.once('listening', resolve));
const base = `http://127.0.0.1:${(http.address() as AddressInfo).port}`;

async function api(path: string, key: string, body: string, contentType = 'application/json') {
  const res = await fetch(`${base}${path}`, {
    method: 'POST',
    headers: { authorization: `Bearer ${key}`, 'content-type': contentType },
    body,
  });
  // biome-ignore lint/suspicious/noExplicitAny: the bench reads a few fields of several response shapes
  const json = (await res.json()) as Record<string, any>;
  if (res.status >= 300) throw new Error(`POST ${path}: ${res.status} ${JSON.stringify(json)}`);
  return json;
}

/** Polls `condition` every 50 ms; returns the time it first held (ms since the epoch). */
async function until(condition: () => Promise<boolean>, what: string, timeoutMs = 600_000): Promise<number> {
  const deadline = Date.now() + timeoutMs;
  let report = Date.now() + 5_000;
  while (Date.now() < deadline) {
    if (Date.now() > report) {
      process.stderr.write(`bench:pipeline: waiting for ${what}\n`);
      report = Date.now() + 5_000;
    }
    // A query can fail before the workflow's first task registered its handler: not yet.
    if (await condition().catch(() => false)) return Date.now();
    await sleep(50);
  }
  throw new Error(`bench:pipeline timed out waiting for ${what}`);
}

try {
  await harness.startWorker();
  const { orgId, apiKey } = await ensureDemoOrganization(harness.mongo.db);
  const key = apiKey!;
  const draft = await api(
    '/v1/policy-drafts?file_name=hydro-ams-i-d.yaml',
    key,
    readFileSync('policies/hydro-ams-i-d.yaml', 'utf8'),
    'application/yaml',
  );
  const version = await api(`/v1/policy-drafts/${draft.id}/publish`, key, '');
  const plant = JSON.parse(readFileSync('policies/fixtures/hydro-ams-i-d/plant-small.json', 'utf8'));
  const project = await api(
    '/v1/projects',
    key,
    JSON.stringify({ plant: { ...plant, devices: [] }, policy_version_id: version.id }),
  );

  // Workflows: provisioning starts each device's lifecycle workflow; the registry's approval issues
  // and anchors its DeviceRegistration credential and activates it.
  const registry = { id: 'bench_registry', role: 'registry' };
  const devices: { id: string; did: string; privateKey: KeyObject }[] = [];
  const t0 = Date.now();
  await Promise.all(
    Array.from({ length: deviceCount }, async () => {
      const d = await api('/v1/devices/provision', key, JSON.stringify({ project_id: project.id }));
      devices.push({
        id: d.device.id as string,
        did: d.device.did as string,
        privateKey: createPrivateKey({ key: d.pairing.private_key_jwk, format: 'jwk' }),
      });
      const workflowId = workflowIds.device(orgId, d.device.id);
      await until(
        async () => (await harness.gateway.status(workflowId))?.state === 'pending_approval',
        'registration',
      );
      await harness.gateway.deviceCommand({
        orgId,
        deviceId: d.device.id,
        command: 'approve',
        reason: 'bench',
        actor: registry,
      });
    }),
  );
  const workflowSeconds = (Date.now() - t0) / 1000;

  // Readings: signed telemetry, spread over the devices, BENCH_BATCH documents per request.
  const signed = Array.from({ length: readingCount }, (_, i) => {
    const device = devices[i % devices.length]!;
    const seq = Math.floor(i / devices.length) + 1;
    return honestReading({ did: device.did, privateKey: device.privateKey, seq });
  });
  const bodies: string[] = [];
  for (let i = 0; i < signed.length; i += batchSize) {
    const chunk = signed.slice(i, i + batchSize);
    bodies.push(JSON.stringify(batchSize === 1 ? chunk[0] : { documents: chunk }));
  }
  const readings = harness.mongo.db.collection('readings');
  const pids: Record<string, number> = { bench: process.pid };
  for (const d of servers.describe) {
    const m = /^(\S+).*pid (\d+)/.exec(d);
    if (m) pids[m[1]!] = Number(m[2]);
  }
  const cpuAtStart = Object.fromEntries(Object.entries(pids).map(([k, pid]) => [k, cpuSeconds(pid)]));
  if (profiling) mongoCommandDurationSeconds.reset();
  let next = 0;
  const statuses = new Map<number, number>();
  const start = Date.now();
  const result = await new Promise<autocannon.Result>((resolve, reject) => {
    const instance = autocannon(
      {
        url: base,
        connections,
        amount: bodies.length,
        // A slow answer is still an answer: count it, not a client-side timeout.
        timeout: 120,
        requests: [
          {
            method: 'POST',
            path: '/v1/telemetry',
            headers: { authorization: `Bearer ${key}`, 'content-type': 'application/json' },
            setupRequest: (req) => ({ ...req, body: bodies[next++ % bodies.length] }),
          },
        ],
      },
      (error, r) => (error ? reject(error) : resolve(r)),
    );
    instance.on('response', (_c, statusCode) =>
      statuses.set(statusCode, (statuses.get(statusCode) ?? 0) + 1),
    );
  });
  const accepted = Date.now();
  process.stderr.write(`bench:pipeline: accepted in ${accepted - start} ms\n`);
  const stored = await readings.countDocuments({ orgId });
  // Progress is polled from the device workflows (cheap queries); the database is counted only once
  // they report nothing left, so the bench's own polling does not load the server it measures
  // (a filtered count scans the whole collection on FerretDB/SQLite).
  const workflowsReport = async (done: (s: { pendingReadings: number; awaitingAnchor: number }) => boolean) =>
    (
      await Promise.all(
        devices.map(async (d) => {
          const s = (await harness.gateway.status(workflowIds.device(orgId, d.id))) as unknown as {
            pendingReadings: number;
            awaitingAnchor: number;
          } | null;
          return s !== null && done(s);
        }),
      )
    ).every(Boolean);
  const verified = await until(
    async () =>
      (await workflowsReport((s) => s.pendingReadings === 0)) &&
      (await readings.countDocuments({ orgId, status: 'RECEIVED' })) === 0,
    'verification',
  );
  // The last partial Merkle batch of each device is anchored now rather than at the policy's interval.
  for (const d of devices) {
    await harness.client.workflow.getHandle(workflowIds.device(orgId, d.id)).signal(flushAnchorsSignal);
  }
  const batched = await until(
    async () =>
      (await workflowsReport((s) => s.pendingReadings === 0 && s.awaitingAnchor === 0)) &&
      (await readings.countDocuments({ orgId, status: 'APPROVED' })) ===
        (
          await harness.mongo.db
            .collection<{ members: string[] }>('anchor_batches')
            .find({ orgId, kind: 'readings' }, { projection: { members: 1 } })
            .toArray()
        ).reduce((n, b) => n + b.members.length, 0),
    'anchoring',
  );
  const byStatus = Object.fromEntries(
    (
      await readings
        .aggregate<{ _id: string; n: number }>([
          { $match: { orgId } },
          { $group: { _id: '$status', n: { $sum: 1 } } },
        ])
        .toArray()
    ).map((g) => [g._id, g.n]),
  );
  // Why readings were not approved: error findings per rule (the generated telemetry is honest).
  const notApprovedRules: Record<string, number> = {};
  for await (const r of readings.find(
    { orgId, status: { $ne: 'APPROVED' } },
    { projection: { findings: 1 } },
  )) {
    for (const f of (r.findings ?? []) as { rule: string; severity: string }[]) {
      if (f.severity === 'error') notApprovedRules[f.rule] = (notApprovedRules[f.rule] ?? 0) + 1;
    }
  }
  const batches = await harness.mongo.db
    .collection('anchor_batches')
    .countDocuments({ orgId, kind: 'readings' });
  const perSecond = (n: number, ms: number) => Math.round((n / (ms / 1000)) * 10) / 10;
  process.stdout.write(
    `${JSON.stringify({
      readings: stored,
      readings_per_s_end_to_end: perSecond(stored, batched - start),
      readings_per_s_accepted: perSecond(stored, accepted - start),
      readings_per_s_verified: perSecond(stored, verified - start),
      seconds_to_verified_and_batched: (batched - start) / 1000,
      http_errors:
        result.errors +
        result.timeouts +
        [...statuses].filter(([s]) => s !== 202).reduce((n, [, c]) => n + c, 0),
      statuses: Object.fromEntries(statuses),
      verdicts: byStatus,
      not_approved_rules: notApprovedRules,
      anchor_batches: batches,
      device_workflows: deviceCount,
      workflows_per_s: perSecond(deviceCount, workflowSeconds * 1000),
      connections,
      documents_per_request: batchSize,
      servers: servers.describe,
      ...(profiling ? { profile: await profileOf(pids, cpuAtStart) } : {}),
    })}\n`,
  );
} finally {
  await new Promise<void>((resolve) => http.close(() => resolve()));
  await harness.close();
  await servers.stop();
}
// Temporal's native runtime can keep the event loop alive after everything is closed: end here.
process.exit(0);
