import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runChaosScenario } from '../../../ledger/run-chaos-scenario.ts';
import { type LedgerFixture, startLedgerFixture } from './ledger-fixture.ts';

// Throughput is bounded by the MongoDB-wire server (FerretDB/SQLite serialises writes), so the
// generous timeout is for a loaded CI machine, not an expectation.
// 20% of node calls meet a fault: (1 - 0.0543)^4 ≈ 0.8 across the four independently drawn kinds.
const RATE = 0.0543;
let f: LedgerFixture;

beforeAll(async () => {
  f = await startLedgerFixture({ prefix: 'ledger_chaos', requestTimeoutMs: 1_500 });
});
afterAll(async () => {
  await f?.close();
});

describe('exactly-once under chaos', () => {
  it('confirms 1,000 anchors and 200 mints once each through faults of every kind and an outage', async () => {
    const t0 = Date.now();
    f.network.setFaults({
      busy: RATE,
      platformNotActive: RATE,
      dropResponseAfterConsensus: RATE,
      delayConsensusPastValidWindow: RATE,
      outages: [{ fromMs: t0 + 3_000, toMs: t0 + 6_000 }],
    });
    const twin = f.newLedger();
    const report = await runChaosScenario({
      ledger: f.ledger,
      twin,
      twinEvery: 10,
      orgId: 'org-chaos',
      runId: 'chaos-1',
      anchors: 1000,
      mints: 200,
      concurrency: 40,
    });
    f.network.setFaults({});
    expect(report.failed).toEqual([]);
    expect(report.confirmed).toBe(1200);
    expect(report.messagesOnMirror).toBe(1000);
    expect(report.duplicates).toBe(0);
    expect(report.supplyOnMirror).toBe(report.mintedRequested);
    const statuses = await f.db
      .collection('ledger_intents')
      .aggregate([{ $group: { _id: '$status', n: { $sum: 1 } } }])
      .toArray();
    expect(statuses).toEqual([{ _id: 'CONFIRMED', n: 1202 }]);
  }, 2_400_000);

  it('confirms operations whose responses hang until the deadline', async () => {
    f.network.setFaults({ dropResponseAfterConsensus: 0.5, dropResponseMode: 'hang' });
    const report = await runChaosScenario({
      ledger: f.ledger,
      orgId: 'org-chaos',
      runId: 'chaos-hang',
      anchors: 30,
      mints: 10,
      concurrency: 10,
    });
    f.network.setFaults({});
    expect(report.failed).toEqual([]);
    expect(report.messagesOnMirror).toBe(30);
    expect(report.duplicates).toBe(0);
    expect(report.supplyOnMirror).toBe(report.mintedRequested);
  }, 300_000);
});
