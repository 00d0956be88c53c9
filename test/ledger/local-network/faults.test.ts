import * as grpc from '@grpc/grpc-js';
import {
  Status,
  TopicCreateTransaction,
  TopicMessageSubmitTransaction,
  TransactionReceiptQuery,
} from '@hashgraph/sdk';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseFaultConfig } from '../../../ledger/local-network/index.ts';
import { proto } from '../../../ledger/local-network/proto.ts';
import { clientFor, type Fixture, mirrorGet, startFixture } from './network-fixture.ts';

let f: Fixture;
let clockOffsetMs = 0;
const now = () => Date.now() + clockOffsetMs;
// Deterministic draws: every other call meets a fault whose rate is 0.5.
let draw = 0;
const random = () => (draw++ % 2 === 0 ? 0.1 : 0.9);
beforeAll(async () => {
  f = await startFixture({ now, random });
  f.client
    .setMinBackoff(10)
    .setMaxBackoff(50)
    .setNodeMinBackoff(10)
    .setNodeMaxBackoff(50)
    .setNodeMinReadmitPeriod(10);
});
afterAll(async () => {
  await f?.close();
});

async function topic() {
  f.network.setFaults({});
  return (await (await new TopicCreateTransaction().execute(f.client)).getReceipt(f.client)).topicId!;
}

/** Sends a real, correctly signed submitMessage over raw gRPC and returns the precheck code or gRPC error code. */
async function rawSubmit(
  topicId: Awaited<ReturnType<typeof topic>>,
  deadlineMs = 30_000,
): Promise<{ precheck?: number; grpcCode?: number }> {
  const tx = await new TopicMessageSubmitTransaction({ topicId, message: 'raw' })
    .freezeWith(f.client)
    .signWithOperator(f.client);
  const list = proto.TransactionList.decode(tx.toBytes());
  const bytes = Buffer.from(proto.Transaction.encode(list.transactionList[0]!).finish());
  const client = new grpc.Client(f.network.grpcEndpoint, grpc.credentials.createInsecure());
  return new Promise((resolve) =>
    client.makeUnaryRequest(
      '/proto.ConsensusService/submitMessage',
      (b: Buffer) => b,
      (b: Buffer) => b,
      bytes,
      { deadline: Date.now() + deadlineMs },
      (error, response) => {
        client.close();
        if (error) resolve({ grpcCode: error.code });
        else resolve({ precheck: proto.TransactionResponse.decode(response!).nodeTransactionPrecheckCode });
      },
    ),
  );
}

describe('fault injection', () => {
  it('answers BUSY and PLATFORM_NOT_ACTIVE at precheck without executing', async () => {
    const topicId = await topic();
    f.network.setFaults({ busy: 1 });
    expect(await rawSubmit(topicId)).toEqual({ precheck: proto.ResponseCodeEnum.BUSY });
    f.network.setFaults({ platformNotActive: 1 });
    expect(await rawSubmit(topicId)).toEqual({ precheck: proto.ResponseCodeEnum.PLATFORM_NOT_ACTIVE });
    f.network.setFaults({});
    expect((await mirrorGet(f.network, `/api/v1/topics/${topicId}/messages`)).body.messages).toHaveLength(0);
  });

  it('lets the SDK retry through a BUSY rate of one call in two', async () => {
    const topicId = await topic();
    f.network.setFaults({ busy: 0.5 });
    try {
      for (let i = 0; i < 5; i++) {
        const r = await new TopicMessageSubmitTransaction({ topicId, message: `b${i}` }).execute(f.client);
        expect((await r.getReceipt(f.client)).status).toBe(Status.Success);
      }
    } finally {
      f.network.setFaults({});
    }
    expect((await mirrorGet(f.network, `/api/v1/topics/${topicId}/messages`)).body.messages).toHaveLength(5);
  });

  it('executes a transaction whose response is dropped, so the client sees a failure but the receipt says SUCCESS', async () => {
    const topicId = await topic();
    // A client of its own: after a lost response the SDK marks the node unhealthy for a while.
    const submitter = clientFor(f.network).setMaxAttempts(2);
    const tx = await new TopicMessageSubmitTransaction({ topicId, message: 'ambiguous' }).freezeWith(
      submitter,
    );
    f.network.setFaults({ dropResponseAfterConsensus: 1 });
    const error = await tx.execute(submitter).catch((e: unknown) => e);
    f.network.setFaults({});
    submitter.close();
    expect(error).toBeInstanceOf(Error);
    const receipt = await new TransactionReceiptQuery().setTransactionId(tx.transactionId!).execute(f.client);
    expect(receipt.status).toBe(Status.Success);
    expect((await mirrorGet(f.network, `/api/v1/topics/${topicId}/messages`)).body.messages).toHaveLength(1);
  });

  it('in hang mode never answers a dropped call, which reaches its deadline while the message is on the ledger', async () => {
    const topicId = await topic();
    f.network.setFaults({ dropResponseAfterConsensus: 1, dropResponseMode: 'hang' });
    expect(await rawSubmit(topicId, 300)).toEqual({ grpcCode: grpc.status.DEADLINE_EXCEEDED });
    f.network.setFaults({});
    expect((await mirrorGet(f.network, `/api/v1/topics/${topicId}/messages`)).body.messages).toHaveLength(1);
  });

  it('makes a transaction whose consensus is delayed past its valid window fail with TRANSACTION_EXPIRED', async () => {
    const topicId = await topic();
    f.network.setFaults({ delayConsensusPastValidWindow: 1 });
    const response = await new TopicMessageSubmitTransaction({ topicId, message: 'late' }).execute(f.client);
    f.network.setFaults({});
    await expect(response.getReceipt(f.client)).rejects.toMatchObject({ status: Status.TransactionExpired });
    expect((await mirrorGet(f.network, `/api/v1/topics/${topicId}/messages`)).body.messages).toHaveLength(0);
    const id = response.transactionId
      .toString()
      .replace('@', '-')
      .replace(/\.(\d+)$/, '-$1');
    const { body } = await mirrorGet(f.network, `/api/v1/transactions/${id}`);
    expect(body.transactions[0]).toMatchObject({ result: 'TRANSACTION_EXPIRED', charged_tx_fee: 0 });
  });

  it('refuses every call with gRPC UNAVAILABLE during an outage window and recovers after it', async () => {
    const topicId = await topic();
    const start = now();
    f.network.setFaults({ outages: [{ fromMs: start, toMs: start + 60_000 }] });
    expect(await rawSubmit(topicId)).toEqual({ grpcCode: grpc.status.UNAVAILABLE });
    clockOffsetMs += 61_000;
    try {
      expect(await rawSubmit(topicId)).toEqual({ precheck: proto.ResponseCodeEnum.OK });
    } finally {
      clockOffsetMs = 0;
      f.network.setFaults({});
    }
  });

  it('accepts fault settings at runtime over POST /admin/faults, including relative outages', async () => {
    const topicId = await topic();
    const post = (body: string, type = 'application/json') =>
      fetch(`${f.network.mirrorRestUrl}/admin/faults`, {
        method: 'POST',
        headers: { 'content-type': type },
        body,
      });
    const ok = await post(JSON.stringify({ busy: 1 }));
    expect(ok.status).toBe(200);
    expect(await ok.json()).toEqual({ busy: 1 });
    expect(await rawSubmit(topicId)).toEqual({ precheck: proto.ResponseCodeEnum.BUSY });
    await post(JSON.stringify({ outages: [{ durationMs: 60_000 }] }));
    expect(await rawSubmit(topicId)).toEqual({ grpcCode: grpc.status.UNAVAILABLE });
    expect((await mirrorGet(f.network, '/admin/faults')).body.outages).toHaveLength(1);
    await post('{}');
    expect(await rawSubmit(topicId)).toEqual({ precheck: proto.ResponseCodeEnum.OK });
  });

  it('rejects malformed, out-of-range and hostile fault settings with 400 and keeps the old ones', async () => {
    const post = (body: string, type = 'application/json') =>
      fetch(`${f.network.mirrorRestUrl}/admin/faults`, {
        method: 'POST',
        headers: { 'content-type': type },
        body,
      });
    f.network.setFaults({ busy: 0 });
    for (const body of [
      'not json',
      '[]',
      '{"busy":1.5}',
      '{"busy":-0.1}',
      '{"busy":"1"}',
      '{"explode":1}',
      '{"__proto__":{"busy":1}}',
      '{"outages":[{"fromMs":10,"toMs":5}]}',
      `{"outages":${JSON.stringify(Array.from({ length: 101 }, () => ({ fromMs: 0, toMs: 1 })))}}`,
      '{"dropResponseMode":"explode"}',
    ]) {
      expect((await post(body)).status, body).toBe(400);
    }
    expect((await post('{"busy":1}', 'text/plain')).status).toBe(415);
    expect((await post(`{"busy":0,"pad":"${'x'.repeat(70_000)}"}`)).status).toBe(413);
    expect(await (await fetch(`${f.network.mirrorRestUrl}/admin/faults`)).json()).toEqual({ busy: 0 });
  });

  it('validates fault configs given in code', () => {
    expect(() => parseFaultConfig({ busy: 2 })).toThrow(/busy/);
    expect(parseFaultConfig({ busy: 0.2, dropResponseMode: 'hang' })).toEqual({
      busy: 0.2,
      dropResponseMode: 'hang',
    });
  });
});
