import type { DidTopicWriter } from './hedera-did-registrar.ts';

/**
 * The slice of the ledger adapter (`createHederaLedger`) a DID registrar needs, stated structurally so
 * identity/ does not depend on ledger/. Both calls are exactly-once per idempotency key.
 */
export interface ExactlyOnceTopics {
  ensureTopic(input: {
    orgId: string;
    idempotencyKey: string;
    topicMemo?: string;
    restrictSubmit?: boolean;
  }): Promise<{ topicId: string }>;
  submitMessage(input: {
    orgId: string;
    idempotencyKey: string;
    topicId: string;
    message: Uint8Array;
  }): Promise<{ sequenceNumber: number }>;
}

/**
 * A DidTopicWriter over the exactly-once ledger adapter: a DID topic is created once per key and each
 * signed DID message (keyed by its digest) reaches HCS once, across retries and crashes. The topic
 * accepts only the operator's submissions, so nobody else can even append noise to it.
 */
export function createLedgerDidTopicWriter(options: {
  ledger: ExactlyOnceTopics;
  orgId: string;
}): DidTopicWriter {
  const { ledger, orgId } = options;
  return {
    async createTopic({ memo, idempotencyKey }) {
      const { topicId } = await ledger.ensureTopic({
        orgId,
        idempotencyKey,
        topicMemo: memo,
        restrictSubmit: true,
      });
      return { topicId };
    },
    async submitMessage({ topicId, message, idempotencyKey }) {
      const { sequenceNumber } = await ledger.submitMessage({ orgId, idempotencyKey, topicId, message });
      return { sequenceNumber };
    },
  };
}
