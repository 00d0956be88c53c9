import {
  PrivateKey,
  ReceiptStatusError,
  Status,
  TopicCreateTransaction,
  TopicDeleteTransaction,
  TopicInfoQuery,
  TopicMessageSubmitTransaction,
  TopicUpdateTransaction,
} from '@hashgraph/sdk';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Fixture, mirrorGet, startFixture } from './network-fixture.ts';

let f: Fixture;
beforeAll(async () => {
  f = await startFixture();
});
afterAll(async () => {
  await f?.close();
});

async function createTopic(submitKey?: PrivateKey, adminKey?: PrivateKey) {
  let tx = new TopicCreateTransaction().setTopicMemo('anchors');
  if (submitKey) tx = tx.setSubmitKey(submitKey.publicKey);
  if (adminKey) tx = tx.setAdminKey(adminKey.publicKey).freezeWith(f.client);
  if (adminKey) tx = await tx.sign(adminKey);
  const receipt = await (await tx.execute(f.client)).getReceipt(f.client);
  return receipt.topicId!;
}

describe('ConsensusService', () => {
  it('creates a topic and numbers its messages from 1 with strictly increasing consensus timestamps', async () => {
    const topicId = await createTopic();
    const seqs: number[] = [];
    for (const message of ['a', 'b', 'c']) {
      const response = await new TopicMessageSubmitTransaction({ topicId, message }).execute(f.client);
      seqs.push((await response.getReceipt(f.client)).topicSequenceNumber!.toNumber());
    }
    expect(seqs).toEqual([1, 2, 3]);
    const { body } = await mirrorGet(f.network, `/api/v1/topics/${topicId}/messages`);
    const stamps = body.messages.map((m: { consensus_timestamp: string }) => m.consensus_timestamp);
    const asNs = stamps.map((s: string) => BigInt(s.replace('.', '')));
    for (let i = 1; i < asNs.length; i++) expect(asNs[i] > asNs[i - 1]).toBe(true);
    const info = await new TopicInfoQuery().setTopicId(topicId).execute(f.client);
    expect(info.sequenceNumber.toNumber()).toBe(3);
    expect(info.topicMemo).toBe('anchors');
    expect(Buffer.from(info.runningHash).toString('base64')).toBe(body.messages[2].running_hash);
  });

  it('rejects a message not signed by the topic submit key with INVALID_SIGNATURE', async () => {
    const submitKey = PrivateKey.generateED25519();
    const topicId = await createTopic(submitKey);
    const unsigned = await new TopicMessageSubmitTransaction({ topicId, message: 'x' }).execute(f.client);
    await expect(unsigned.getReceipt(f.client)).rejects.toMatchObject({ status: Status.InvalidSignature });
    const signed = await (
      await new TopicMessageSubmitTransaction({ topicId, message: 'x' }).freezeWith(f.client).sign(submitKey)
    ).execute(f.client);
    expect((await signed.getReceipt(f.client)).topicSequenceNumber!.toNumber()).toBe(1);
  });

  it('requires the admin key to sign topic creation, update and deletion', async () => {
    const adminKey = PrivateKey.generateED25519();
    const unsignedCreate = await new TopicCreateTransaction()
      .setAdminKey(adminKey.publicKey)
      .execute(f.client);
    await expect(unsignedCreate.getReceipt(f.client)).rejects.toBeInstanceOf(ReceiptStatusError);

    const topicId = await createTopic(undefined, adminKey);
    const unsignedUpdate = await new TopicUpdateTransaction()
      .setTopicId(topicId)
      .setTopicMemo('new')
      .execute(f.client);
    await expect(unsignedUpdate.getReceipt(f.client)).rejects.toMatchObject({
      status: Status.InvalidSignature,
    });
    const update = await (
      await new TopicUpdateTransaction()
        .setTopicId(topicId)
        .setTopicMemo('new')
        .freezeWith(f.client)
        .sign(adminKey)
    ).execute(f.client);
    expect((await update.getReceipt(f.client)).status).toBe(Status.Success);
    expect((await new TopicInfoQuery().setTopicId(topicId).execute(f.client)).topicMemo).toBe('new');

    const del = await (
      await new TopicDeleteTransaction().setTopicId(topicId).freezeWith(f.client).sign(adminKey)
    ).execute(f.client);
    expect((await del.getReceipt(f.client)).status).toBe(Status.Success);
    const late = await new TopicMessageSubmitTransaction({ topicId, message: 'late' }).execute(f.client);
    await expect(late.getReceipt(f.client)).rejects.toMatchObject({ status: Status.InvalidTopicId });
  });

  it('refuses to delete a topic without an admin key (UNAUTHORIZED)', async () => {
    const topicId = await createTopic();
    const del = await new TopicDeleteTransaction().setTopicId(topicId).execute(f.client);
    await expect(del.getReceipt(f.client)).rejects.toMatchObject({ status: Status.Unauthorized });
  });

  it('splits a message over 1024 bytes into chunks that the mirror node shows with chunk_info', async () => {
    const topicId = await createTopic();
    const message = Buffer.alloc(2500, 0x61);
    const responses = await new TopicMessageSubmitTransaction({ topicId, message }).executeAll(f.client);
    expect(responses).toHaveLength(3);
    for (const r of responses) expect((await r.getReceipt(f.client)).status).toBe(Status.Success);
    const { body } = await mirrorGet(f.network, `/api/v1/topics/${topicId}/messages`);
    expect(body.messages.map((m: { chunk_info: { number: number } }) => m.chunk_info.number)).toEqual([
      1, 2, 3,
    ]);
    const initial = body.messages[0].chunk_info.initial_transaction_id;
    for (const m of body.messages) {
      expect(m.chunk_info.total).toBe(3);
      expect(m.chunk_info.initial_transaction_id).toEqual(initial);
    }
    const joined = Buffer.concat(
      body.messages.map((m: { message: string }) => Buffer.from(m.message, 'base64')),
    );
    expect(joined.equals(message)).toBe(true);
  });
});
