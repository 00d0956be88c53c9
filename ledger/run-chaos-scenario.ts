import canonicalize from 'canonicalize';
import { anchorBatch } from '../engine/anchoring/index.ts';
import type { HederaLedger } from './hedera-ledger.ts';

export interface ChaosReport {
  ops: number;
  confirmed: number;
  failed: { key: string; error: string }[];
  /** Topic messages beyond one per idempotency key, counted on the mirror node. */
  duplicates: number;
  messagesOnMirror: number;
  mintedRequested: string;
  supplyOnMirror: string;
  latenciesMs: number[];
  elapsedMs: number;
}

/**
 * The chaos drill of issue 3: `anchors` HCS anchor messages and `mints` token mints, each through the
 * exactly-once adapter while the network injects faults. Every operation is also started a second
 * time on `twin` (another adapter over the same intent store — a second worker) for every
 * `twinEvery`-th key, so concurrent runners are exercised too. Afterwards the mirror node is read
 * back: one message per key, and total supply equal to the sum requested.
 */
export async function runChaosScenario(o: {
  ledger: HederaLedger;
  twin?: HederaLedger;
  twinEvery?: number;
  orgId: string;
  runId: string;
  anchors: number;
  mints: number;
  concurrency: number;
  now?: () => number;
  random?: () => number;
  /** Awaited before the mirror node is read for the report (e.g. to let a lagging mirror catch up). */
  beforeMirrorRead?: () => Promise<void>;
}): Promise<ChaosReport> {
  const now = o.now ?? Date.now;
  const random = o.random ?? Math.random;
  const { ledger, orgId } = o;
  const started = now();
  const { topicId } = await ledger.ensureTopic({
    orgId,
    idempotencyKey: `${o.runId}/topic`,
    restrictSubmit: true,
  });
  const { tokenId } = await ledger.createToken({
    orgId,
    idempotencyKey: `${o.runId}/token`,
    name: 'Chaos Credit',
    symbol: 'CHAOS',
    decimals: 3,
  });

  const latenciesMs: number[] = [];
  const failed: ChaosReport['failed'] = [];
  const roots = new Set<string>();
  let requested = 0n;
  const jobs: (() => Promise<void>)[] = [];
  const twinned = (i: number) => o.twin !== undefined && i % (o.twinEvery ?? 10) === 0;

  for (let i = 0; i < o.anchors; i++) {
    const batch = anchorBatch({
      documents: [
        { run: o.runId, batch: i, reading: 1 },
        { run: o.runId, batch: i, reading: 2 },
      ],
      policyHash: `sha256:${'0'.repeat(64)}`,
      period: '2025-01',
    });
    roots.add(batch.root);
    const input = { orgId, idempotencyKey: `${o.runId}/anchor/${i}`, topicId, message: batch.message };
    jobs.push(() => timed(input.idempotencyKey, () => both(i, (l) => l.submitMessage(input))));
  }
  for (let i = 0; i < o.mints; i++) {
    const amount = BigInt(1 + Math.floor(random() * 1_000_000));
    requested += amount;
    const input = { orgId, idempotencyKey: `${o.runId}/mint/${i}`, tokenId, amount, memo: `chaos ${i}` };
    jobs.push(() => timed(input.idempotencyKey, () => both(i, (l) => l.mint(input))));
  }

  async function both(i: number, run: (l: HederaLedger) => Promise<unknown>): Promise<void> {
    const runs = [run(ledger)];
    if (twinned(i)) runs.push(run(o.twin!));
    const results = await Promise.all(runs);
    if (results.length === 2 && canonicalize(results[0]) !== canonicalize(results[1])) {
      throw new Error(
        `two workers saw different results: ${canonicalize(results[0])} vs ${canonicalize(results[1])}`,
      );
    }
  }

  async function timed(key: string, run: () => Promise<void>): Promise<void> {
    const t0 = now();
    try {
      await run();
      latenciesMs.push(now() - t0);
    } catch (error) {
      failed.push({ key, error: error instanceof Error ? error.message : String(error) });
    }
  }

  // Interleave anchors and mints (Fisher–Yates) so both meet the same fault periods.
  const order = [...jobs];
  for (let i = order.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [order[i], order[j]] = [order[j]!, order[i]!];
  }
  let next = 0;
  await Promise.all(
    Array.from({ length: o.concurrency }, async () => {
      while (next < order.length) await order[next++]!();
    }),
  );
  const elapsedMs = now() - started;
  // A lagging mirror node is read only once it has caught up (the caller knows its lag).
  await o.beforeMirrorRead?.();

  const seen = new Map<string, number>();
  let messagesOnMirror = 0;
  for await (const m of ledger.mirror.topicMessages(topicId)) {
    messagesOnMirror += 1;
    const text = Buffer.from(m.message, 'base64').toString();
    const root = /"root":"([0-9a-f]{64})"/.exec(text)?.[1] ?? text;
    seen.set(root, (seen.get(root) ?? 0) + 1);
  }
  const duplicates = [...seen.values()].reduce((sum, n) => sum + n - 1, 0);
  const unknown = [...seen.keys()].filter((root) => !roots.has(root)).length;
  const token = await ledger.mirror.getToken(tokenId);
  return {
    ops: o.anchors + o.mints,
    confirmed: latenciesMs.length,
    failed,
    duplicates: duplicates + unknown,
    messagesOnMirror,
    mintedRequested: requested.toString(),
    supplyOnMirror: token?.total_supply ?? 'missing',
    latenciesMs,
    elapsedMs,
  };
}
