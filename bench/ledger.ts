/**
 * `npm run bench:ledger`: the chaos scenario of issue 3 as a benchmark. 1,000 anchors and 200 mints
 * through the exactly-once adapter (real SDK) against the local Hedera network with 20% injected
 * faults of every kind plus a 3 s outage, intents in a real MongoDB-wire server (MONGODB_URI, default
 * the local dev server). Prints one JSON line:
 * {ops, fault_rate, confirmed, duplicates, p50_ms, p95_ms, ops_per_s}.
 * Options: --anchors N --mints N --concurrency N --fault-rate R --mirror-lag MIN[:MAX] (ms of mirror
 * ingestion lag on every endpoint, fixed or uniformly random; the report is read once the mirror caught up).
 */
import { parseArgs } from 'node:util';
import { createHederaClient } from '../ledger/create-hedera-client.ts';
import { createHederaLedger } from '../ledger/hedera-ledger.ts';
import { startLocalNetwork } from '../ledger/local-network/index.ts';
import { runChaosScenario } from '../ledger/run-chaos-scenario.ts';
import { ledgerIntentStore } from '../store/ledger-intent-store.ts';
import { connectMongo } from '../store/mongo.ts';

const { values } = parseArgs({
  options: {
    anchors: { type: 'string', default: '1000' },
    mints: { type: 'string', default: '200' },
    concurrency: { type: 'string', default: '40' },
    'fault-rate': { type: 'string', default: '0.2' },
    'mirror-lag': { type: 'string', default: '0' },
  },
});
const [lagMin, lagMax] = values['mirror-lag'].split(':').map(Number) as [number, number | undefined];
if (!Number.isFinite(lagMin) || lagMin < 0 || (lagMax !== undefined && !(lagMax >= lagMin))) {
  throw new Error('--mirror-lag must be MIN or MIN:MAX milliseconds');
}
const mirrorLag =
  lagMin > 0 || (lagMax ?? 0) > 0
    ? { default: { minMs: lagMin, ...(lagMax === undefined ? {} : { maxMs: lagMax }) } }
    : undefined;
const faultRate = Number(values['fault-rate']);
// Four independently drawn fault kinds; each rate r with 1 - (1 - r)^4 = faultRate.
const perKind = 1 - (1 - faultRate) ** (1 / 4);

const network = await startLocalNetwork({ grpcPort: 0, mirrorGrpcPort: 0, mirrorRestPort: 0 });
const mongo = await connectMongo({
  uri: process.env.MONGODB_URI ?? 'mongodb://127.0.0.1:27017/',
  dbName: `bench_ledger_${Date.now().toString(36)}`,
});
const store = ledgerIntentStore(mongo.db);
await store.ensureIndexes();
const connect = () =>
  createHederaClient({
    network: 'local',
    operatorId: network.operator.accountId,
    operatorKey: network.operator.privateKey,
    mirrorUrl: network.mirrorRestUrl,
    local: { grpcEndpoint: network.grpcEndpoint, nodeAccountId: network.nodeAccountId },
    requestTimeoutMs: 1_500,
  });
// The valid window is shortened (30 s) so proofs of non-execution arrive in seconds, as in the tests.
const tuning = {
  validDurationS: 30,
  validStartBackdateMs: 1_000,
  mirrorGraceMs: 500,
  pollIntervalMs: 100,
  backoffBaseMs: 20,
  backoffMaxMs: 500,
  breakerFailures: 10,
  breakerOpenMs: 200,
  maxRetries: 200,
  maxElapsedMs: 30 * 60_000,
};
const [a, b] = [connect(), connect()];
const ledger = createHederaLedger({ hedera: a, store, tuning });
const twin = createHederaLedger({ hedera: b, store, tuning });

const t0 = Date.now();
network.setFaults({
  busy: perKind,
  platformNotActive: perKind,
  dropResponseAfterConsensus: perKind,
  delayConsensusPastValidWindow: perKind,
  outages: [{ fromMs: t0 + 3_000, toMs: t0 + 6_000 }],
  ...(mirrorLag ? { mirrorLag } : {}),
});
try {
  const report = await runChaosScenario({
    ledger,
    twin,
    twinEvery: 10,
    orgId: 'bench',
    runId: `bench-${t0}`,
    anchors: Number(values.anchors),
    mints: Number(values.mints),
    concurrency: Number(values.concurrency),
    beforeMirrorRead: () => new Promise((resolve) => setTimeout(resolve, (lagMax ?? lagMin) + 500)),
  });
  network.setFaults({});
  const sorted = [...report.latenciesMs].sort((x, y) => x - y);
  const pct = (p: number) =>
    sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? null;
  const supplyExact = report.supplyOnMirror === report.mintedRequested;
  process.stdout.write(
    `${JSON.stringify({
      ops: report.ops,
      fault_rate: faultRate,
      mirror_lag_ms: values['mirror-lag'],
      confirmed: report.confirmed,
      duplicates: report.duplicates,
      p50_ms: pct(50),
      p95_ms: pct(95),
      ops_per_s: Number(((report.ops / report.elapsedMs) * 1000).toFixed(2)),
      supply_exact: supplyExact,
      failed: report.failed.length,
    })}\n`,
  );
  if (report.failed.length > 0 || report.duplicates > 0 || !supplyExact) process.exitCode = 1;
} finally {
  a.close();
  b.close();
  await network.stop();
  await mongo.db.dropDatabase().catch(() => undefined);
  await mongo.close();
}
