import { appendFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  AccountBalanceQuery,
  PrivateKey,
  Status,
  TokenCreateTransaction,
  TokenMintTransaction,
  TopicCreateTransaction,
  TopicInfoQuery,
  TopicMessageSubmitTransaction,
  Transaction,
  TransactionReceiptQuery,
} from '@hashgraph/sdk';
import { afterAll, describe, expect, it } from 'vitest';
import { EVENT_LOG_FILE } from '../../../ledger/local-network/event-log.ts';
import { mirrorGet, startFixture } from './network-fixture.ts';

const dataDir = mkdtempSync(join(tmpdir(), 'hedera-local-'));
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

describe('persistence', () => {
  it('restores topics, messages, running hashes, tokens, balances, receipts and duplicate detection after a restart', async () => {
    const first = await startFixture({ dataDir });
    const supplyKey = PrivateKey.generateED25519();
    const { client } = first;
    const topicId = (await (await new TopicCreateTransaction().execute(client)).getReceipt(client)).topicId!;
    for (const message of ['one', 'two', 'three']) {
      await (await new TopicMessageSubmitTransaction({ topicId, message }).execute(client)).getReceipt(
        client,
      );
    }
    const tokenId = (
      await (
        await new TokenCreateTransaction()
          .setTokenName('Persisted')
          .setTokenSymbol('PST')
          .setDecimals(2)
          .setTreasuryAccountId('0.0.2')
          .setSupplyKey(supplyKey.publicKey)
          .execute(client)
      ).getReceipt(client)
    ).tokenId!;
    const mint = await (
      await new TokenMintTransaction().setTokenId(tokenId).setAmount(4200).freezeWith(client).sign(supplyKey)
    ).execute(client);
    await mint.getReceipt(client);
    const last = await new TopicMessageSubmitTransaction({ topicId, message: 'four' })
      .freezeWith(client)
      .signWithOperator(client);
    const lastBytes = last.toBytes();
    await (await last.execute(client)).getReceipt(client);
    const before = {
      info: await new TopicInfoQuery().setTopicId(topicId).execute(client),
      balance: await new AccountBalanceQuery().setAccountId('0.0.2').execute(client),
      messages: (await mirrorGet(first.network, `/api/v1/topics/${topicId}/messages`)).body,
    };
    await first.close();

    const second = await startFixture({ dataDir });
    try {
      const c = second.client;
      const info = await new TopicInfoQuery().setTopicId(topicId).execute(c);
      expect(info.sequenceNumber.toNumber()).toBe(4);
      expect(Buffer.from(info.runningHash).equals(Buffer.from(before.info.runningHash))).toBe(true);
      expect((await mirrorGet(second.network, `/api/v1/topics/${topicId}/messages`)).body).toEqual(
        before.messages,
      );
      const { body: token } = await mirrorGet(second.network, `/api/v1/tokens/${tokenId}`);
      expect(token.total_supply).toBe('4200');
      const balance = await new AccountBalanceQuery().setAccountId('0.0.2').execute(c);
      // Paid queries cost hbar, so compare the token balance and check hbar only went down by fees.
      expect(balance.tokens?.get(tokenId)?.toNumber()).toBe(4200);
      expect(balance.hbars.toTinybars().lte(before.balance.hbars.toTinybars())).toBe(true);
      const receipt = await new TransactionReceiptQuery().setTransactionId(mint.transactionId).execute(c);
      expect(receipt.status).toBe(Status.Success);
      expect(receipt.totalSupply?.toNumber()).toBe(4200);
      await expect(Transaction.fromBytes(lastBytes).execute(c)).rejects.toMatchObject({
        status: Status.DuplicateTransaction,
      });
      const next = await (
        await new TopicMessageSubmitTransaction({ topicId, message: 'five' }).execute(c)
      ).getReceipt(c);
      expect(next.topicSequenceNumber?.toNumber()).toBe(5);
      const newTopic = (await (await new TopicCreateTransaction().execute(c)).getReceipt(c)).topicId!;
      expect(newTopic.num.toNumber()).toBeGreaterThan(tokenId.num.toNumber());
    } finally {
      await second.close();
    }
  });

  it('recovers from a torn last line left by a crash', async () => {
    appendFileSync(join(dataDir, EVENT_LOG_FILE), '{"c":"17000000');
    const third = await startFixture({ dataDir });
    try {
      const topicId = (
        await (await new TopicCreateTransaction().execute(third.client)).getReceipt(third.client)
      ).topicId!;
      expect(topicId.num.toNumber()).toBeGreaterThan(1001);
    } finally {
      await third.close();
    }
    const fourth = await startFixture({ dataDir });
    await fourth.close();
  });
});
