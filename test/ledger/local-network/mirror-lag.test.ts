/**
 * Mirror-node ingestion lag (fixed, random, per endpoint) and mirror outages from the fault injector.
 * The network's clock is moved forward instead of sleeping, so the lags are exact.
 */
import * as grpc from '@grpc/grpc-js';
import { TopicCreateTransaction, TopicMessageQuery, TopicMessageSubmitTransaction } from '@hashgraph/sdk';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { topicIdProto } from '../../../ledger/local-network/entity-id.ts';
import { mirrorProto } from '../../../ledger/local-network/proto.ts';
import { MirrorClient } from '../../../ledger/mirror-client.ts';
import { type Fixture, mirrorGet, startFixture } from './network-fixture.ts';

let f: Fixture;
let offsetMs = 0;
const now = () => Date.now() + offsetMs;
let draws: number[] = [];
const random = () => draws.shift() ?? 0.5;
let topicId: string;

beforeAll(async () => {
  f = await startFixture({ now, random });
  topicId = (
    await (await new TopicCreateTransaction().execute(f.client)).getReceipt(f.client)
  ).topicId!.toString();
  // The topic is older than the lags below (the clock moves < 100 s in all, inside the SDK's valid window).
  offsetMs += 10_000;
});
afterAll(async () => {
  await f?.close();
});
beforeEach(() => {
  f.network.setFaults({});
  draws = [];
});

async function submit(text: string) {
  const response = await new TopicMessageSubmitTransaction()
    .setTopicId(topicId)
    .setMessage(text)
    .execute(f.client);
  const receipt = await response.getReceipt(f.client);
  return { id: response.transactionId.toString(), seq: receipt.topicSequenceNumber!.toNumber() };
}
const status = async (path: string) => (await mirrorGet(f.network, path)).status;

describe('mirror ingestion lag', () => {
  it('shows a transaction and its message only after a fixed lag', async () => {
    f.network.setFaults({ mirrorLag: { default: { minMs: 5_000 } } });
    const { id, seq } = await submit('late');
    expect(await status(`/api/v1/transactions/${id}`)).toBe(404);
    expect(await status(`/api/v1/topics/${topicId}/messages/${seq}`)).toBe(404);
    const listed = await mirrorGet(f.network, `/api/v1/topics/${topicId}/messages?order=desc&limit=1`);
    expect(listed.body.messages.every((m: { sequence_number: number }) => m.sequence_number < seq)).toBe(
      true,
    );
    offsetMs += 5_100;
    expect(await status(`/api/v1/transactions/${id}`)).toBe(200);
    expect(await status(`/api/v1/topics/${topicId}/messages/${seq}`)).toBe(200);
  });

  it('lags per endpoint: transactions at once, topic messages later', async () => {
    f.network.setFaults({ mirrorLag: { transactions: { minMs: 0 }, topicMessages: { minMs: 20_000 } } });
    const { id, seq } = await submit('split');
    expect(await status(`/api/v1/transactions/${id}`)).toBe(200);
    expect(await status(`/api/v1/topics/${topicId}/messages/${seq}`)).toBe(404);
    offsetMs += 21_000;
    expect(await status(`/api/v1/topics/${topicId}/messages/${seq}`)).toBe(200);
  });

  it('draws a random lag per record but never shows a later record before an earlier one', async () => {
    f.network.setFaults({ mirrorLag: { default: { minMs: 0, maxMs: 10_000 } } });
    const first = await submit('first');
    const second = await submit('second');
    // The first record draws 9 s, the second 1 s: the second still waits for the first.
    draws = [0.9, 0.1];
    expect(await status(`/api/v1/transactions/${second.id}`)).toBe(404);
    offsetMs += 2_000;
    expect(await status(`/api/v1/transactions/${second.id}`)).toBe(404);
    expect(await status(`/api/v1/transactions/${first.id}`)).toBe(404);
    offsetMs += 8_000;
    expect(await status(`/api/v1/transactions/${first.id}`)).toBe(200);
    expect(await status(`/api/v1/transactions/${second.id}`)).toBe(200);
  });

  it('hides an entity until the transaction that created it is ingested', async () => {
    f.network.setFaults({ mirrorLag: { topics: { minMs: 10_000 } } });
    const created = (await (await new TopicCreateTransaction().execute(f.client)).getReceipt(f.client))
      .topicId!;
    expect(await status(`/api/v1/topics/${created}`)).toBe(404);
    offsetMs += 11_000;
    expect(await status(`/api/v1/topics/${created}`)).toBe(200);
  });

  it('streams a message on mirror gRPC only once the topic-message group has ingested it', async () => {
    f.network.setFaults({ mirrorLag: { topicMessages: { minMs: 5_000 } } });
    const received: number[] = [];
    const handle = new TopicMessageQuery()
      .setTopicId(topicId)
      .setStartTime(new Date(Date.now() + offsetMs))
      .subscribe(f.client, null, (m) => received.push(m.sequenceNumber.toNumber()));
    try {
      await new Promise((resolve) => setTimeout(resolve, 500));
      const { seq } = await submit('streamed late');
      await new Promise((resolve) => setTimeout(resolve, 500));
      expect(received).toEqual([]);
      offsetMs += 5_100;
      for (let i = 0; i < 100 && received.length === 0; i++) await new Promise((r) => setTimeout(r, 50));
      expect(received).toEqual([seq]);
    } finally {
      handle.unsubscribe();
    }
  });

  it('never hides again what it has shown when a lag is turned on', async () => {
    const { id } = await submit('shown');
    expect(await status(`/api/v1/transactions/${id}`)).toBe(200);
    f.network.setFaults({ mirrorLag: { default: { minMs: 3_600_000 } } });
    expect(await status(`/api/v1/transactions/${id}`)).toBe(200);
  });
});

describe('mirror outages', () => {
  it('answers 503 on REST and UNAVAILABLE on gRPC during the window, the admin endpoint stays up', async () => {
    const set = await fetch(`${f.network.mirrorRestUrl}/admin/faults`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ mirrorOutages: [{ durationMs: 10_000 }] }),
    });
    expect(set.status).toBe(200);
    const down = await mirrorGet(f.network, `/api/v1/topics/${topicId}`);
    expect(down.status).toBe(503);
    expect(down.body._status.messages[0].message).toBe('Service Unavailable');
    await expect(new MirrorClient(f.network.mirrorRestUrl).getToken('0.0.1')).rejects.toMatchObject({
      code: 'MIRROR_UNAVAILABLE',
    });
    const code = await new Promise<number>((resolve) => {
      const client = new grpc.Client(f.network.mirrorGrpcEndpoint, grpc.credentials.createInsecure());
      const call = client.makeServerStreamRequest(
        '/com.hedera.mirror.api.proto.ConsensusService/subscribeTopic',
        (b: Buffer) => b,
        (b: Buffer) => b,
        Buffer.from(mirrorProto.ConsensusTopicQuery.encode({ topicID: topicIdProto(1001n) }).finish()),
      );
      call.on('error', (e: grpc.ServiceError) => {
        client.close();
        resolve(e.code);
      });
      call.on('data', () => undefined);
    });
    expect(code).toBe(grpc.status.UNAVAILABLE);
    expect((await fetch(`${f.network.mirrorRestUrl}/admin/faults`)).status).toBe(200);
    offsetMs += 10_001;
    expect(await status(`/api/v1/topics/${topicId}`)).toBe(200);
  });

  it('refuses malformed lag and outage settings with 400', async () => {
    for (const body of [
      { mirrorLag: { default: { minMs: -1 } } },
      { mirrorLag: { default: { minMs: 5, maxMs: 1 } } },
      { mirrorLag: { nowhere: { minMs: 1 } } },
      { mirrorLag: [] },
      { mirrorLag: { default: { minMs: 1e12 } } },
      { mirrorOutages: [{ fromMs: 5, toMs: 1 }] },
      { mirrorOutages: 'soon' },
    ]) {
      const res = await fetch(`${f.network.mirrorRestUrl}/admin/faults`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(body),
      });
      expect(res.status, JSON.stringify(body)).toBe(400);
    }
  });
});
