import {
  type Client,
  type PrivateKey,
  TopicCreateTransaction,
  TopicMessageSubmitTransaction,
} from '@hashgraph/sdk';
import type { DidTopicWriter } from './hedera-did-registrar.ts';

/**
 * A DidTopicWriter straight over `@hashgraph/sdk`, for use until (or where) the exactly-once ledger
 * adapter is not wired. DID replay tolerates a duplicated message (a second create is ignored, a repeated
 * update is a no-op), so at-least-once submission is safe here.
 */
export function createSdkDidTopicWriter(options: { client: Client; submitKey: PrivateKey }): DidTopicWriter {
  const { client, submitKey } = options;
  return {
    async createTopic({ memo }) {
      const response = await new TopicCreateTransaction()
        .setTopicMemo(memo)
        .setSubmitKey(submitKey.publicKey)
        .setAdminKey(submitKey.publicKey)
        .execute(client);
      const receipt = await response.getReceipt(client);
      if (!receipt.topicId) throw new Error('topic create receipt has no topic id');
      return { topicId: receipt.topicId.toString() };
    },
    async submitMessage({ topicId, message }) {
      const tx = await new TopicMessageSubmitTransaction({ topicId, message })
        .freezeWith(client)
        .sign(submitKey);
      const response = await tx.execute(client);
      const receipt = await response.getReceipt(client);
      return { sequenceNumber: Number(receipt.topicSequenceNumber) };
    },
  };
}
