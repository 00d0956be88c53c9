import { TopicCreateTransaction, TopicMessageSubmitTransaction } from '@hashgraph/sdk';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Fixture, mirrorGet, startFixture } from './network-fixture.ts';

let f: Fixture;
let topicId: string;
const TOTAL = 12;

beforeAll(async () => {
  f = await startFixture();
  const created = await (await new TopicCreateTransaction().execute(f.client)).getReceipt(f.client);
  topicId = created.topicId!.toString();
  for (let i = 1; i <= TOTAL; i++) {
    await (
      await new TopicMessageSubmitTransaction({ topicId, message: `m${i}` }).execute(f.client)
    ).getReceipt(f.client);
  }
});
afterAll(async () => {
  await f?.close();
});

async function followAll(path: string): Promise<number[]> {
  const seen: number[] = [];
  let next: string | null = path;
  let pages = 0;
  while (next) {
    const { status, body } = await mirrorGet(f.network, next);
    expect(status).toBe(200);
    seen.push(...body.messages.map((m: { sequence_number: number }) => m.sequence_number));
    next = body.links.next;
    pages += 1;
    expect(pages).toBeLessThan(20);
  }
  return seen;
}

describe('mirror REST', () => {
  it('pages topic messages through links.next in ascending order', async () => {
    const seqs = await followAll(`/api/v1/topics/${topicId}/messages?limit=5`);
    expect(seqs).toEqual(Array.from({ length: TOTAL }, (_, i) => i + 1));
  });

  it('pages in descending order and keeps other filters in links.next', async () => {
    const seqs = await followAll(
      `/api/v1/topics/${topicId}/messages?limit=4&order=desc&sequencenumber=gte:3`,
    );
    expect(seqs).toEqual(Array.from({ length: TOTAL - 2 }, (_, i) => TOTAL - i));
  });

  it('filters by sequence number range and by timestamp', async () => {
    const { body } = await mirrorGet(
      f.network,
      `/api/v1/topics/${topicId}/messages?sequencenumber=gt:3&sequencenumber=lte:5`,
    );
    expect(body.messages.map((m: { sequence_number: number }) => m.sequence_number)).toEqual([4, 5]);
    const ts = body.messages[0].consensus_timestamp;
    const after = await mirrorGet(
      f.network,
      `/api/v1/topics/${topicId}/messages?timestamp=gte:${ts}&limit=2`,
    );
    expect(after.body.messages.map((m: { sequence_number: number }) => m.sequence_number)).toEqual([4, 5]);
    expect(after.body.links.next).toMatch(/sequencenumber=gt:5/);
  });

  it('serves one message by sequence number with Hedera field names', async () => {
    const { status, body } = await mirrorGet(f.network, `/api/v1/topics/${topicId}/messages/2`);
    expect(status).toBe(200);
    expect(Object.keys(body).sort()).toEqual([
      'chunk_info',
      'consensus_timestamp',
      'message',
      'payer_account_id',
      'running_hash',
      'running_hash_version',
      'sequence_number',
      'topic_id',
    ]);
    expect(Buffer.from(body.message, 'base64').toString()).toBe('m2');
    expect(body.consensus_timestamp).toMatch(/^\d+\.\d{9}$/);
    expect((await mirrorGet(f.network, `/api/v1/topics/${topicId}/messages/999`)).status).toBe(404);
  });

  it('lists transactions with paging and serves one by transaction id', async () => {
    const { body } = await mirrorGet(
      f.network,
      '/api/v1/transactions?transactiontype=consensussubmitmessage&limit=5',
    );
    expect(body.transactions).toHaveLength(5);
    expect(body.links.next).toMatch(/timestamp=lt:/);
    const one = await mirrorGet(f.network, `/api/v1/transactions/${body.transactions[0].transaction_id}`);
    expect(one.body.transactions[0]).toMatchObject({
      name: 'CONSENSUSSUBMITMESSAGE',
      result: 'SUCCESS',
      entity_id: topicId,
    });
  });

  it('answers 400 with the mirror error shape for malformed parameters and 404 for unknown entities', async () => {
    const bad = [
      `/api/v1/topics/${topicId}/messages?limit=abc`,
      `/api/v1/topics/${topicId}/messages?limit=0`,
      `/api/v1/topics/${topicId}/messages?order=sideways`,
      `/api/v1/topics/${topicId}/messages?sequencenumber=gt:-1`,
      `/api/v1/topics/${topicId}/messages?timestamp=yesterday`,
      `/api/v1/topics/${topicId}/messages?sequencenumber=${'1&sequencenumber='.repeat(11)}1`,
      '/api/v1/topics/1.2.3.4/messages',
      '/api/v1/topics/0.0.99999999999999999999/messages',
      '/api/v1/transactions/not-an-id',
      '/api/v1/tokens/%00',
    ];
    for (const path of bad) {
      const { status, body } = await mirrorGet(f.network, path);
      expect(status, path).toBe(400);
      expect(body._status.messages[0].message).toMatch(/^Invalid parameter/);
    }
    for (const path of [
      '/api/v1/topics/0.0.424242/messages',
      '/api/v1/tokens/0.0.424242',
      '/api/v1/accounts/0.0.424242',
      '/nope',
    ]) {
      const { status, body } = await mirrorGet(f.network, path);
      expect(status, path).toBe(404);
      expect(body._status.messages[0].message).toBe('Not found');
    }
  });

  it('caps limit at 100', async () => {
    const { body } = await mirrorGet(f.network, `/api/v1/topics/${topicId}/messages?limit=5000`);
    expect(body.messages).toHaveLength(TOTAL);
  });
});
