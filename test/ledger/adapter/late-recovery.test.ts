/**
 * Exactly-once after a long absence: a worker dies after its transaction reached consensus and returns
 * once the node has forgotten the receipt and record (180 s), so that only the mirror node can tell what
 * happened. Each test has its own network whose clock (and the adapter's) runs 95 s behind real time
 * while the worker dies, and 90 s ahead when it returns: 185 s later. The SDK's query payments keep real
 * time, which is what makes the dying worker's record query fail (its first transient failure, where it is
 * killed) and the returning worker's succeed.
 */
import {
  Timestamp,
  TokenCreateTransaction,
  TopicCreateTransaction,
  TopicMessageSubmitTransaction,
  TransactionId,
} from '@hashgraph/sdk';
import { afterEach, describe, expect, it } from 'vitest';
import type { ExecutorEvent } from '../../../ledger/exactly-once-executor.ts';
import { createHederaLedger, type HederaLedger } from '../../../ledger/hedera-ledger.ts';
import type { FaultConfig } from '../../../ledger/local-network/index.ts';
import { fastTuning, type LedgerFixture, mirrorMessages, startLedgerFixture } from './ledger-fixture.ts';

const DYING_MS = -95_000;
const RETURNED_MS = 90_000;
const org = 'org-late';
const bytes = (s: string) => new TextEncoder().encode(s);
const worlds: LedgerFixture[] = [];
afterEach(async () => {
  for (const f of worlds.splice(0)) await f.close();
});

/** A network, store and adapter whose clock starts 95 s in the past, with a topic and a token made there. */
async function lateWorld(faults?: FaultConfig) {
  let offsetMs = DYING_MS;
  const clock = () => Date.now() + offsetMs;
  const f = await startLedgerFixture({
    prefix: 'ledger_late',
    networkNow: clock,
    ...(faults ? { faults } : {}),
  });
  worlds.push(f);
  const { client, operatorId, operatorKey } = f.hedera;
  // Built with the SDK and ids on the network's clock: receipts are free, so none of this needs a payment.
  const id = () => TransactionId.withValidStart(operatorId, Timestamp.fromDate(new Date(clock() - 1_000)));
  const topicTx = await new TopicCreateTransaction().setTransactionId(id()).execute(client);
  const topicId = (await topicTx.getReceipt(client)).topicId!.toString();
  const tokenTx = await new TokenCreateTransaction()
    .setTokenName('L')
    .setTokenSymbol('L')
    .setTreasuryAccountId(operatorId)
    .setSupplyKey(operatorKey.publicKey)
    .setTransactionId(id())
    .execute(client);
  const tokenId = (await tokenTx.getReceipt(client)).tokenId!.toString();
  const ledger = (observe?: (e: ExecutorEvent) => void): HederaLedger =>
    createHederaLedger({
      hedera: f.hedera,
      store: f.ledger.store,
      tuning: fastTuning,
      now: clock,
      ...(observe ? { observe } : {}),
    });
  return {
    f,
    clock,
    topicId,
    tokenId,
    ledger,
    setOffset: (ms: number) => {
      offsetMs = ms;
    },
    /** Runs `call` on a worker that is killed at its first transient failure, after consensus. */
    async dieAfterConsensus(call: (ledger: HederaLedger) => Promise<unknown>): Promise<void> {
      const dying = ledger((e) => {
        if (e.step === 'transient') throw new Error('process killed');
      });
      await expect(call(dying)).rejects.toThrowError('process killed');
    },
  };
}

describe('recovery after the node forgot the receipt', () => {
  it('confirms a topic, a message and a token from the mirror node, without executing them again', async () => {
    const w = await lateWorld();
    const calls = {
      'late/topic': (l: HederaLedger) => l.ensureTopic({ orgId: org, idempotencyKey: 'late/topic' }),
      'late/message': (l: HederaLedger) =>
        l.submitMessage({
          orgId: org,
          idempotencyKey: 'late/message',
          topicId: w.topicId,
          message: bytes('late'),
        }),
      'late/token': (l: HederaLedger) =>
        l.createToken({ orgId: org, idempotencyKey: 'late/token', name: 'T', symbol: 'T', decimals: 2 }),
    };
    for (const call of Object.values(calls)) await w.dieAfterConsensus(call);
    for (const key of Object.keys(calls)) {
      expect((await w.f.ledger.store.get(org, key))?.attempts.map((a) => a.state)).toEqual(['OPEN']);
    }
    w.setOffset(RETURNED_MS);
    // The mirror node is down for a moment as the worker returns: a transient failure, then it reads on.
    w.f.network.setFaults({ mirrorOutages: [{ fromMs: w.clock(), toMs: w.clock() + 300 }] });
    const back = w.ledger();
    const results = {
      'late/topic': await calls['late/topic'](back),
      'late/message': await calls['late/message'](back),
      'late/token': await calls['late/token'](back),
    };
    expect(results['late/topic'].topicId).toMatch(/^0\.0\.\d+$/);
    expect(results['late/message'].sequenceNumber).toBe(1);
    expect((await w.f.ledger.mirror.getToken(results['late/token'].tokenId))?.decimals).toBe('2');
    for (const [key, result] of Object.entries(results)) {
      const intent = await w.f.ledger.store.get(org, key);
      expect(intent?.status, key).toBe('CONFIRMED');
      expect(
        intent?.attempts.map((a) => [a.state, a.transactionId]),
        key,
      ).toEqual([['SUCCEEDED', result.transactionId]]);
    }
    expect(await mirrorMessages(w.f.ledger, w.topicId)).toEqual(['late']);
  });

  it('waits for the topic message when the mirror has the transaction but not the message yet', async () => {
    // Messages show on the mirror 190 s after consensus: just after the worker returns.
    const w = await lateWorld({ mirrorLag: { topicMessages: { minMs: 190_000 } } });
    const input = { orgId: org, idempotencyKey: 'late/lagging', topicId: w.topicId, message: bytes('lag') };
    await w.dieAfterConsensus((l) => l.submitMessage(input));
    w.setOffset(RETURNED_MS);
    const waits: string[] = [];
    const back = w.ledger((e) => {
      if (e.step !== 'wait') return;
      waits.push(String(e.detail));
      w.setOffset(RETURNED_MS + 10_000); // time passes while it waits
    });
    const result = await back.submitMessage(input);
    expect(result.sequenceNumber).toBe(1);
    expect(waits[0]).toMatch(/not its topic message yet/);
    expect((await w.f.ledger.store.get(org, 'late/lagging'))?.attempts).toHaveLength(1);
  });

  it('finds a mint by its memo when the mirror lagged past the valid window, instead of minting again', async () => {
    // Transactions show on the mirror 190 s after consensus: the returning worker first finds no trace
    // (the window has passed: NOT_EXECUTED), and before minting afresh searches by memo once more.
    const w = await lateWorld({ mirrorLag: { transactions: { minMs: 190_000 } } });
    const input = { orgId: org, idempotencyKey: 'late/mint', tokenId: w.tokenId, amount: 40 };
    await w.dieAfterConsensus((l) => l.mint(input));
    w.setOffset(RETURNED_MS);
    const back = w.ledger((e) => {
      if (e.step === 'progress') w.setOffset(RETURNED_MS + 10_000);
    });
    const minted = await back.mint(input);
    const intent = await w.f.ledger.store.get(org, 'late/mint');
    // The attempt judged NOT_EXECUTED is the one found by its memo: it ends SUCCEEDED, and no other mint exists.
    expect(intent?.history.map((h) => h.event)).toEqual([
      'created',
      'attempt',
      'not-executed',
      'found-by-memo',
      'confirmed',
    ]);
    expect(new Set(intent?.attempts.map((a) => a.transactionId))).toEqual(new Set([minted.transactionId]));
    expect(intent?.attempts.every((a) => a.state === 'SUCCEEDED')).toBe(true);
    expect((await w.f.ledger.mirror.getToken(w.tokenId))?.total_supply).toBe('40');
  });
});

describe('transaction id collisions', () => {
  it('refuses to take another transaction with the same id as its own result', async () => {
    const w = await lateWorld();
    w.setOffset(0);
    // A frozen clock and randomness make the adapter's next transaction id known in advance.
    const t0 = Date.now();
    const validStartNs = BigInt(t0 - fastTuning.validStartBackdateMs!) * 1_000_000n + 500_000n;
    const txId = TransactionId.withValidStart(
      w.f.hedera.operatorId,
      new Timestamp(Number(validStartNs / 1_000_000_000n), Number(validStartNs % 1_000_000_000n)),
    );
    const impostor = await new TopicMessageSubmitTransaction({ topicId: w.topicId, message: 'impostor' })
      .setTransactionId(txId)
      .setTransactionMemo('not mrv')
      .execute(w.f.hedera.client);
    await impostor.getReceipt(w.f.hedera.client);
    const frozen = createHederaLedger({
      hedera: w.f.hedera,
      store: w.f.ledger.store,
      tuning: fastTuning,
      now: () => t0,
      random: () => 0.5,
    });
    const input = { orgId: org, idempotencyKey: 'collide', topicId: w.topicId, message: bytes('mine') };
    await expect(frozen.submitMessage(input)).rejects.toMatchObject({ code: 'TRANSACTION_ID_COLLISION' });
    const intent = await w.f.ledger.store.get(org, 'collide');
    expect(intent?.attempts[0]?.transactionId).toBe(txId.toString());
    expect(intent?.status).toBe('FAILED');
    expect(await mirrorMessages(w.f.ledger, w.topicId)).toEqual(['impostor']);
  });
});
