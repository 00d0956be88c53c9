import { TopicCreateTransaction, TopicMessageSubmitTransaction } from '@hashgraph/sdk';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { nextRunningHash } from '../../../ledger/local-network/index.ts';
import { type Fixture, mirrorGet, startFixture } from './network-fixture.ts';

const id = (num: bigint) => ({ shard: 0n, realm: 0n, num });

/**
 * Expected values were produced by Java's own ObjectOutputStream with the statement sequence of
 * hedera-services' ConsensusSubmitMessageHandler (writeObject(prevHash), writeLong(3), payer and topic
 * shard/realm/num, writeLong(seconds), writeInt(nanos), writeLong(seq), writeObject(sha384(message))),
 * run once with `javac`/`java` — an implementation independent of ours.
 */
const JAVA_VECTORS = [
  'bdf349cf1112be3f7cd26dc210fea07cdb2b4e6032dc6ddfa37be6e18395daab6be4be62713f9a86b28ff711eb5fe746',
  '17877416574fa40ad0140520554c52a443d481b76047eac97932c842c82314c5095c2169e50a42f94815841e31fa792e',
  '6c3a22fc896f35957d4180555f4e1ee79a8f95ef35c27ad29a5797c3b0d7b128bc878f29bda3935b03dd6dc9253772f2',
];

describe('running hash version 3', () => {
  it('matches Java ObjectOutputStream serialization as Hedera computes it', () => {
    const h1 = nextRunningHash({
      previousRunningHash: new Uint8Array(48),
      payer: id(2n),
      topic: id(1001n),
      consensusSeconds: 1_700_000_000n,
      consensusNanos: 123_456_789,
      sequenceNumber: 1n,
      message: Buffer.from('hello hedera'),
    });
    const h2 = nextRunningHash({
      previousRunningHash: h1,
      payer: id(1002n),
      topic: id(1001n),
      consensusSeconds: 1_700_000_001n,
      consensusNanos: 5,
      sequenceNumber: 2n,
      message: new Uint8Array(0),
    });
    const h3 = nextRunningHash({
      previousRunningHash: h2,
      payer: id(2n),
      topic: id(1001n),
      consensusSeconds: 1_700_000_002n,
      consensusNanos: 999_999_999,
      sequenceNumber: 3n,
      message: new Uint8Array(1024).map((_, i) => (i * 7) & 0xff),
    });
    expect([h1, h2, h3].map((h) => h.toString('hex'))).toEqual(JAVA_VECTORS);
  });

  it('refuses a previous running hash that is not 48 bytes', () => {
    expect(() =>
      nextRunningHash({
        previousRunningHash: new Uint8Array(32),
        payer: id(2n),
        topic: id(1001n),
        consensusSeconds: 1n,
        consensusNanos: 0,
        sequenceNumber: 1n,
        message: Buffer.from('x'),
      }),
    ).toThrow(RangeError);
  });

  describe('on the network', () => {
    let f: Fixture;
    beforeAll(async () => {
      f = await startFixture();
    });
    afterAll(async () => {
      await f?.close();
    });

    it('chains every message of a topic from 48 zero bytes, verifiable from mirror data alone', async () => {
      const topicId = (await (await new TopicCreateTransaction().execute(f.client)).getReceipt(f.client))
        .topicId!;
      let lastReceiptHash = Buffer.alloc(0);
      for (const message of ['first', 'second', 'third', 'fourth']) {
        const response = await new TopicMessageSubmitTransaction({ topicId, message }).execute(f.client);
        lastReceiptHash = Buffer.from((await response.getReceipt(f.client)).topicRunningHash!);
      }
      const { body } = await mirrorGet(f.network, `/api/v1/topics/${topicId}/messages`);
      let previous: Uint8Array = new Uint8Array(48);
      for (const m of body.messages) {
        const [seconds, nanos] = m.consensus_timestamp.split('.');
        const expected = nextRunningHash({
          previousRunningHash: previous,
          payer: id(BigInt(m.payer_account_id.split('.')[2])),
          topic: id(BigInt(topicId.num.toString())),
          consensusSeconds: BigInt(seconds),
          consensusNanos: Number(nanos),
          sequenceNumber: BigInt(m.sequence_number),
          message: Buffer.from(m.message, 'base64'),
        });
        expect(m.running_hash).toBe(expected.toString('base64'));
        expect(m.running_hash_version).toBe(3);
        previous = expected;
      }
      expect(Buffer.from(previous).equals(lastReceiptHash)).toBe(true);
    });
  });
});
