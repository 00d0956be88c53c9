import * as grpc from '@grpc/grpc-js';
import {
  Client,
  type SubscriptionHandle,
  TopicCreateTransaction,
  type TopicMessage,
  TopicMessageQuery,
  TopicMessageSubmitTransaction,
} from '@hashgraph/sdk';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { int64, timestampProto, topicIdProto } from '../../../ledger/local-network/entity-id.ts';
import {
  LOCAL_NODE_DEFAULTS,
  LOCAL_NODE_GENESIS_KEY,
  startLocalNetwork,
} from '../../../ledger/local-network/index.ts';
import { mirrorProto, proto } from '../../../ledger/local-network/proto.ts';
import { type Fixture, startFixture } from './network-fixture.ts';

let f: Fixture;
beforeAll(async () => {
  f = await startFixture();
});
afterAll(async () => {
  await f?.close();
});

function collect(
  query: TopicMessageQuery,
  count: number,
): Promise<{ messages: TopicMessage[]; handle: SubscriptionHandle }> {
  return new Promise((resolve, reject) => {
    const messages: TopicMessage[] = [];
    const handle = query.subscribe(
      f.client,
      (_message, error) => reject(error),
      (message) => {
        messages.push(message);
        if (messages.length === count) resolve({ messages, handle });
      },
    );
  });
}

function rawSubscribe(request: Buffer): Promise<{ code: number; messages: number }> {
  const client = new grpc.Client(f.network.mirrorGrpcEndpoint, grpc.credentials.createInsecure());
  return new Promise((resolve) => {
    let messages = 0;
    const call = client.makeServerStreamRequest(
      '/com.hedera.mirror.api.proto.ConsensusService/subscribeTopic',
      (b: Buffer) => b,
      (b: Buffer) => b,
      request,
    );
    call.on('data', () => {
      messages += 1;
    });
    call.on('status', (status) => {
      client.close();
      resolve({ code: status.code, messages });
    });
    call.on('error', () => {});
  });
}

describe('mirror gRPC subscribeTopic', () => {
  it('streams history and then live messages, reassembling chunked messages in the SDK', async () => {
    const topicId = (await (await new TopicCreateTransaction().execute(f.client)).getReceipt(f.client))
      .topicId!;
    await (
      await new TopicMessageSubmitTransaction({ topicId, message: 'before' }).execute(f.client)
    ).getReceipt(f.client);
    const big = Buffer.alloc(3000, 0x42);
    const collecting = collect(new TopicMessageQuery().setTopicId(topicId).setStartTime(0), 3);
    await (
      await new TopicMessageSubmitTransaction({ topicId, message: 'after' }).execute(f.client)
    ).getReceipt(f.client);
    for (const r of await new TopicMessageSubmitTransaction({ topicId, message: big }).executeAll(f.client)) {
      await r.getReceipt(f.client);
    }
    const { messages, handle } = await collecting;
    handle.unsubscribe();
    expect(messages.map((m) => Buffer.from(m.contents).length)).toEqual([6, 5, 3000]);
    expect(Buffer.from(messages[0]!.contents).toString()).toBe('before');
    expect(Buffer.from(messages[2]!.contents).equals(big)).toBe(true);
    expect(messages[2]!.chunks).toHaveLength(3);
    expect(messages.map((m) => m.sequenceNumber.toNumber())).toEqual([1, 2, 5]);
  });

  it('honours limit and end time and then completes the stream', async () => {
    const topicId = (await (await new TopicCreateTransaction().execute(f.client)).getReceipt(f.client))
      .topicId!;
    for (const message of ['1', '2', '3']) {
      await (await new TopicMessageSubmitTransaction({ topicId, message }).execute(f.client)).getReceipt(
        f.client,
      );
    }
    const query = (limit: number, end?: Date) =>
      mirrorProto.ConsensusTopicQuery.encode({
        topicID: topicIdProto(BigInt(topicId.num.toString())),
        consensusStartTime: timestampProto(0n),
        ...(end ? { consensusEndTime: timestampProto(BigInt(end.getTime()) * 1_000_000n) } : {}),
        limit: int64(BigInt(limit)),
      }).finish();
    expect(await rawSubscribe(Buffer.from(query(2)))).toEqual({ code: grpc.status.OK, messages: 2 });
    expect(await rawSubscribe(Buffer.from(query(0, new Date(Date.now() + 2000))))).toMatchObject({
      messages: 3,
    });
  });

  it('answers NOT_FOUND for an unknown topic and INVALID_ARGUMENT for a malformed query', async () => {
    const unknown = mirrorProto.ConsensusTopicQuery.encode({ topicID: topicIdProto(987654n) }).finish();
    expect(await rawSubscribe(Buffer.from(unknown))).toEqual({ code: grpc.status.NOT_FOUND, messages: 0 });
    expect((await rawSubscribe(Buffer.from([0x0a, 0xff, 0x01]))).code).toBe(grpc.status.INVALID_ARGUMENT);
  });

  it('serves its own address book over NetworkService.getNodes', async () => {
    const client = new grpc.Client(f.network.mirrorGrpcEndpoint, grpc.credentials.createInsecure());
    const nodes = await new Promise<Buffer[]>((resolve, reject) => {
      const out: Buffer[] = [];
      const call = client.makeServerStreamRequest(
        '/com.hedera.mirror.api.proto.NetworkService/getNodes',
        (b: Buffer) => b,
        (b: Buffer) => b,
        Buffer.alloc(0),
      );
      call.on('data', (b: Buffer) => out.push(b));
      call.on('end', () => resolve(out));
      call.on('error', reject);
    });
    client.close();
    const address = proto.NodeAddress.decode(nodes[0]!);
    expect(Number(address.nodeAccountId?.accountNum)).toBe(3);
    expect(`127.0.0.1:${address.serviceEndpoint[0]!.port}`).toBe(f.network.grpcEndpoint);
  });
});

describe('Hedera local node conventions', () => {
  it('uses the endpoints Client.forLocalNode() expects by default', () => {
    const client = Client.forLocalNode();
    try {
      const network = Object.fromEntries(Object.entries(client.network).map(([k, v]) => [k, v.toString()]));
      expect(network).toEqual({
        [`${LOCAL_NODE_DEFAULTS.host}:${LOCAL_NODE_DEFAULTS.grpcPort}`]: LOCAL_NODE_DEFAULTS.nodeAccountId,
      });
      expect(client.mirrorNetwork).toEqual([
        `${LOCAL_NODE_DEFAULTS.host}:${LOCAL_NODE_DEFAULTS.mirrorGrpcPort}`,
      ]);
    } finally {
      client.close();
    }
  });

  it('makes genesis account 0.0.2 the operator with the published development key by default', () => {
    expect(f.network.operator).toEqual({ accountId: '0.0.2', privateKey: LOCAL_NODE_GENESIS_KEY });
    expect(f.network.nodeAccountId).toBe('0.0.3');
  });

  it('refuses unusable options', async () => {
    await expect(startLocalNetwork({ grpcPort: 70000 })).rejects.toMatchObject({ code: 'INVALID_OPTIONS' });
    await expect(startLocalNetwork({ nodeAccountId: 'node-3' })).rejects.toMatchObject({
      code: 'INVALID_OPTIONS',
    });
    await expect(startLocalNetwork({ genesisPrivateKey: 'zz' })).rejects.toMatchObject({
      code: 'INVALID_OPTIONS',
    });
  });
});
