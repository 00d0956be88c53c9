import { PrivateKey } from '@hashgraph/sdk';
import { MongoClient } from 'mongodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { anchorBatch, verifyInclusion } from '../../../engine/anchoring/index.ts';
import { createHederaClient } from '../../../ledger/create-hedera-client.ts';
import { createHederaLedger, intentId } from '../../../ledger/hedera-ledger.ts';
import { MirrorClient } from '../../../ledger/mirror-client.ts';
import { pingHedera } from '../../../ledger/ping-hedera.ts';
import { ledgerIntentStore } from '../../../store/ledger-intent-store.ts';
import { fastTuning, type LedgerFixture, startLedgerFixture } from './ledger-fixture.ts';

let f: LedgerFixture;
beforeAll(async () => {
  f = await startLedgerFixture({ prefix: 'ledger_adapter' });
});
afterAll(async () => {
  await f?.close();
});

const org = 'org-a';

describe('hedera ledger adapter (real SDK, local network, MongoDB)', () => {
  it('creates a topic once per idempotency key', async () => {
    const first = await f.ledger.ensureTopic({
      orgId: org,
      idempotencyKey: 'topic/anchors',
      topicMemo: 'anchors',
    });
    const again = await f.ledger.ensureTopic({
      orgId: org,
      idempotencyKey: 'topic/anchors',
      topicMemo: 'anchors',
    });
    expect(first.topicId).toMatch(/^0\.0\.\d+$/);
    expect(again).toEqual(first);
  });

  it('anchors a batch once and the proof verifies against the mirror message', async () => {
    const { topicId } = await f.ledger.ensureTopic({ orgId: org, idempotencyKey: 'topic/proofs' });
    const documents = Array.from({ length: 5 }, (_, i) => ({ seq: i, kwh: 10 * i }));
    const batch = anchorBatch({ documents, policyHash: `sha256:${'ab'.repeat(32)}`, period: '2025-03' });
    const input = { orgId: org, idempotencyKey: 'anchor/b1', topicId, message: batch.message };
    const sent = await f.ledger.submitMessage(input);
    const resent = await f.ledger.submitMessage(input);
    expect(resent).toEqual(sent);
    expect(sent.sequenceNumber).toBe(1);
    expect(sent.runningHash).toMatch(/^[0-9a-f]{96}$/);
    const mirrorMessage = await f.ledger.mirror.getTopicMessage(topicId, sent.sequenceNumber);
    expect(mirrorMessage?.consensus_timestamp).toBe(sent.consensusTimestamp);
    expect(verifyInclusion(batch.proofs[3]!, mirrorMessage!, { document: documents[3] }).valid).toBe(true);
  });

  it('creates a token and mints exactly the requested amounts', async () => {
    const token = await f.ledger.createToken({
      orgId: org,
      idempotencyKey: 'token/hydro',
      name: 'Hydro Carbon Credit',
      symbol: 'HCC',
      decimals: 3,
    });
    const m1 = await f.ledger.mint({
      orgId: org,
      idempotencyKey: 'mint/1',
      tokenId: token.tokenId,
      amount: 758000n,
      memo: 'anchor 0.0.5#1',
    });
    const m1again = await f.ledger.mint({
      orgId: org,
      idempotencyKey: 'mint/1',
      tokenId: token.tokenId,
      amount: '758000',
      memo: 'anchor 0.0.5#1',
    });
    const m2 = await f.ledger.mint({
      orgId: org,
      idempotencyKey: 'mint/2',
      tokenId: token.tokenId,
      amount: 42,
    });
    expect(m1.newTotalSupply).toBe('758000');
    expect(m1again).toEqual(m1);
    expect(m2.newTotalSupply).toBe('758042');
    expect((await f.ledger.mirror.getToken(token.tokenId))?.total_supply).toBe('758042');
    const tx = await f.ledger.mirror.getTransaction(m1.transactionId);
    expect(Buffer.from(tx![0]!.memo_base64!, 'base64').toString()).toMatch(
      /^anchor 0\.0\.5#1 mrv:[0-9a-f]{32}$/,
    );
  });

  it('refuses an idempotency key reused for a different request', async () => {
    const { topicId } = await f.ledger.ensureTopic({
      orgId: org,
      idempotencyKey: 'topic/anchors',
      topicMemo: 'anchors',
    });
    const message = new TextEncoder().encode('one');
    await f.ledger.submitMessage({ orgId: org, idempotencyKey: 'msg/reuse', topicId, message });
    await expect(
      f.ledger.submitMessage({
        orgId: org,
        idempotencyKey: 'msg/reuse',
        topicId,
        message: new TextEncoder().encode('two'),
      }),
    ).rejects.toMatchObject({ code: 'IDEMPOTENCY_CONFLICT' });
  });

  it('keeps the same key of two organizations apart', async () => {
    const a = await f.ledger.ensureTopic({ orgId: 'org-x', idempotencyKey: 'topic/shared-name' });
    const b = await f.ledger.ensureTopic({ orgId: 'org-y', idempotencyKey: 'topic/shared-name' });
    expect(a.topicId).not.toBe(b.topicId);
  });

  it('fails fast on a non-retryable status and records it', async () => {
    await expect(
      f.ledger.mint({ orgId: org, idempotencyKey: 'mint/no-token', tokenId: '0.0.999999', amount: 1 }),
    ).rejects.toMatchObject({ code: 'REJECTED', status: 'INVALID_TOKEN_ID' });
    const intent = await f.ledger.store.get(org, 'mint/no-token');
    expect(intent?.status).toBe('FAILED');
    expect(intent?.attempts).toHaveLength(1);
  });

  it('fails fast when the node refuses the signature at precheck', async () => {
    const impostor = createHederaClient({
      network: 'local',
      operatorId: f.network.operator.accountId,
      operatorKey: PrivateKey.generateED25519().toStringDer(),
      mirrorUrl: f.network.mirrorRestUrl,
      local: { grpcEndpoint: f.network.grpcEndpoint, nodeAccountId: f.network.nodeAccountId },
    });
    try {
      const ledger = createHederaLedger({ hedera: impostor, store: f.ledger.store, tuning: fastTuning });
      await expect(
        ledger.ensureTopic({ orgId: org, idempotencyKey: 'topic/impostor' }),
      ).rejects.toMatchObject({
        code: 'REJECTED',
        status: 'INVALID_SIGNATURE',
      });
      const intent = await f.ledger.store.get(org, 'topic/impostor');
      expect(intent?.attempts.map((a) => a.state)).toEqual(['FAILED']);
    } finally {
      impostor.close();
    }
  });

  it('replays a confirmed intent as its result and refuses an unknown intent id', async () => {
    const first = await f.ledger.ensureTopic({ orgId: org, idempotencyKey: 'topic/replayed' });
    expect(await f.ledger.replay(intentId(org, 'topic/replayed'))).toEqual(first);
    await expect(f.ledger.replay('0'.repeat(32))).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });

  it('takes a caller memo of up to 63 bytes, which with the intent tag fills the 100-byte memo exactly', async () => {
    const { tokenId } = await f.ledger.createToken({
      orgId: org,
      idempotencyKey: 'tok/memo',
      name: 'M',
      symbol: 'M',
      decimals: 0,
    });
    const mint = (idempotencyKey: string, memo: string) =>
      f.ledger.mint({ orgId: org, idempotencyKey, tokenId, amount: 1, memo });
    await expect(mint('mint/memo-long', `${'é'.repeat(31)}xx`)).rejects.toMatchObject({
      code: 'INVALID_REQUEST',
    });
    const minted = await mint('mint/memo-full', `${'é'.repeat(31)}x`);
    const [tx] = (await f.ledger.mirror.getTransaction(minted.transactionId)) ?? [];
    expect(Buffer.from(tx!.memo_base64!, 'base64').byteLength).toBe(100);
  });

  it('answers STORE_UNAVAILABLE, having sent nothing, when the intent cannot be recorded', async () => {
    // A real driver against an address nothing listens on: every write fails after server selection.
    const unreachable = new MongoClient('mongodb://127.0.0.1:9/?serverSelectionTimeoutMS=100');
    try {
      const ledger = createHederaLedger({
        hedera: f.hedera,
        store: ledgerIntentStore(unreachable.db('none')),
        tuning: fastTuning,
      });
      const latest = async () => {
        const response = await fetch(`${f.network.mirrorRestUrl}/api/v1/transactions?order=desc&limit=1`);
        const body = (await response.json()) as { transactions: { transaction_id: string }[] };
        return body.transactions[0]?.transaction_id;
      };
      const before = await latest();
      await expect(
        ledger.ensureTopic({ orgId: org, idempotencyKey: 'topic/no-store' }),
      ).rejects.toMatchObject({
        code: 'STORE_UNAVAILABLE',
      });
      expect(await latest()).toBe(before);
    } finally {
      await unreachable.close();
    }
  });
});

describe('readiness and the mirror client', () => {
  it('pings the node and the mirror, and names the mirror when it is down', async () => {
    expect(Number((await pingHedera(f.hedera)).hbars.split(' ')[0])).toBeGreaterThan(0);
    const now = Date.now();
    f.network.setFaults({ mirrorOutages: [{ fromMs: now, toMs: now + 60_000 }] });
    try {
      await expect(pingHedera(f.hedera)).rejects.toThrow(/mirror node answered 503/);
    } finally {
      f.network.setFaults({});
    }
  });

  it('reads nothing for an unknown topic and reports an unreachable mirror as MIRROR_UNAVAILABLE', async () => {
    const messages = [];
    for await (const m of f.ledger.mirror.topicMessages('0.0.987654')) messages.push(m);
    expect(messages).toEqual([]);
    // The node's gRPC port speaks HTTP/2 only: a plain HTTP client cannot read an answer from it.
    const wrong = new MirrorClient(`http://${f.network.grpcEndpoint}`, { timeoutMs: 2_000 });
    await expect(wrong.getToken('0.0.1')).rejects.toMatchObject({ code: 'MIRROR_UNAVAILABLE' });
  });
});
