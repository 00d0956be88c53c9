import * as grpc from '@grpc/grpc-js';
import {
  AccountCreateTransaction,
  AccountId,
  Client,
  Hbar,
  PrecheckStatusError,
  PrivateKey,
  Status,
  Timestamp,
  TopicCreateTransaction,
  TopicMessageSubmitTransaction,
  Transaction,
  TransactionId,
  TransactionReceiptQuery,
  TransferTransaction,
} from '@hashgraph/sdk';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { proto } from '../../../ledger/local-network/proto.ts';
import { clientFor, type Fixture, mirrorGet, startFixture } from './network-fixture.ts';

let f: Fixture;
let clockOffsetMs = 0;
beforeAll(async () => {
  f = await startFixture({ now: () => Date.now() + clockOffsetMs });
});
afterAll(async () => {
  await f?.close();
});

async function topic() {
  return (await (await new TopicCreateTransaction().execute(f.client)).getReceipt(f.client)).topicId!;
}

function rawCall(method: string, request: Buffer): Promise<Buffer> {
  const client = new grpc.Client(f.network.grpcEndpoint, grpc.credentials.createInsecure());
  return new Promise((resolve, reject) =>
    client.makeUnaryRequest(
      method,
      (b: Buffer) => b,
      (b: Buffer) => b,
      request,
      (error, response) => {
        client.close();
        if (error) reject(error);
        else resolve(response!);
      },
    ),
  );
}

describe('transaction validity', () => {
  it('answers DUPLICATE_TRANSACTION when the same signed transaction is submitted again', async () => {
    const topicId = await topic();
    const tx = await new TopicMessageSubmitTransaction({ topicId, message: 'once' })
      .freezeWith(f.client)
      .signWithOperator(f.client);
    const bytes = tx.toBytes();
    await (await tx.execute(f.client)).getReceipt(f.client);
    const again = Transaction.fromBytes(bytes);
    await expect(again.execute(f.client)).rejects.toMatchObject({ status: Status.DuplicateTransaction });
    const { body } = await mirrorGet(f.network, `/api/v1/topics/${topicId}/messages`);
    expect(body.messages).toHaveLength(1);
  });

  it('answers TRANSACTION_EXPIRED for a valid start older than the valid duration', async () => {
    const topicId = await topic();
    const validStart = Timestamp.fromDate(new Date(Date.now() - 200_000));
    const tx = new TopicMessageSubmitTransaction({ topicId, message: 'old' }).setTransactionId(
      TransactionId.withValidStart(AccountId.fromString('0.0.2'), validStart),
    );
    const error = await tx.execute(f.client).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(PrecheckStatusError);
    expect((error as PrecheckStatusError).status).toBe(Status.TransactionExpired);
  });

  it('answers INVALID_TRANSACTION_START for a valid start in the future', async () => {
    const topicId = await topic();
    const validStart = Timestamp.fromDate(new Date(Date.now() + 60_000));
    const tx = new TopicMessageSubmitTransaction({ topicId, message: 'early' }).setTransactionId(
      TransactionId.withValidStart(AccountId.fromString('0.0.2'), validStart),
    );
    await expect(tx.execute(f.client)).rejects.toMatchObject({ status: Status.InvalidTransactionStart });
  });

  it('accepts the SDK default backdated valid start', async () => {
    const topicId = await topic();
    const tx = new TopicMessageSubmitTransaction({ topicId, message: 'now' }).freezeWith(f.client);
    expect(tx.transactionId!.validStart!.toDate().getTime()).toBeLessThanOrEqual(Date.now());
    expect((await (await tx.execute(f.client)).getReceipt(f.client)).status).toBe(Status.Success);
  });

  it('keeps a receipt for 180 seconds after consensus, then answers RECEIPT_NOT_FOUND', async () => {
    const topicId = await topic();
    const response = await new TopicMessageSubmitTransaction({ topicId, message: 'ttl' }).execute(f.client);
    clockOffsetMs = 179_000;
    try {
      expect((await response.getReceipt(f.client)).status).toBe(Status.Success);
      clockOffsetMs = 181_000;
      const query = new TransactionReceiptQuery().setTransactionId(response.transactionId).setMaxAttempts(2);
      const error = await query.execute(f.client).catch((e: unknown) => e);
      expect(String(error)).toMatch(/RECEIPT_NOT_FOUND|max attempts/i);
    } finally {
      clockOffsetMs = 0;
    }
    // The mirror node keeps it forever.
    const id = response.transactionId
      .toString()
      .replace('@', '-')
      .replace(/\.(\d+)$/, '-$1');
    const { body } = await mirrorGet(f.network, `/api/v1/transactions/${id}`);
    expect(body.transactions[0].result).toBe('SUCCESS');
  });

  it('debits the fee from the payer and refuses a payer that cannot pay (INSUFFICIENT_PAYER_BALANCE)', async () => {
    const key = PrivateKey.generateED25519();
    const receipt = await (
      await new AccountCreateTransaction()
        .setKeyWithoutAlias(key.publicKey)
        .setInitialBalance(Hbar.fromTinybars(1000))
        .execute(f.client)
    ).getReceipt(f.client);
    const poor = clientFor(f.network).setOperator(receipt.accountId!, key);
    try {
      const topicId = await topic();
      const error = await new TopicMessageSubmitTransaction({ topicId, message: 'x' })
        .execute(poor)
        .catch((e: unknown) => e);
      expect(error).toMatchObject({ status: Status.InsufficientPayerBalance });
    } finally {
      poor.close();
    }
  });

  it('charges exactly the recorded fee to the payer', async () => {
    const key = PrivateKey.generateED25519();
    const created = await (
      await new AccountCreateTransaction()
        .setKeyWithoutAlias(key.publicKey)
        .setInitialBalance(new Hbar(5))
        .execute(f.client)
    ).getReceipt(f.client);
    const payer = clientFor(f.network).setOperator(created.accountId!, key);
    try {
      const topicId = await topic();
      const response = await new TopicMessageSubmitTransaction({ topicId, message: 'fee' }).execute(payer);
      await response.getReceipt(payer);
      const { body } = await mirrorGet(f.network, `/api/v1/accounts/${created.accountId}`);
      const record = (
        await mirrorGet(
          f.network,
          `/api/v1/transactions?account.id=${created.accountId}&transactiontype=CONSENSUSSUBMITMESSAGE`,
        )
      ).body.transactions[0];
      expect(record.charged_tx_fee).toBeGreaterThan(0);
      expect(body.balance.balance).toBe(5 * 100_000_000 - record.charged_tx_fee);
    } finally {
      payer.close();
    }
  });

  it('rejects a transaction whose payer signature is missing with INVALID_SIGNATURE', async () => {
    const stranger = PrivateKey.generateED25519();
    const topicId = await topic();
    const tx = new TopicMessageSubmitTransaction({ topicId, message: 'forged' })
      .setTransactionId(TransactionId.generate('0.0.2'))
      .setNodeAccountIds([AccountId.fromString(f.network.nodeAccountId)])
      .freeze();
    await tx.sign(stranger);
    const noOperator = Client.forNetwork(
      { [f.network.grpcEndpoint]: AccountId.fromString(f.network.nodeAccountId) },
      { scheduleNetworkUpdate: false },
    );
    try {
      await expect(tx.execute(noOperator)).rejects.toMatchObject({ status: Status.InvalidSignature });
    } finally {
      noOperator.close();
    }
  });

  it('rejects a memo over 100 bytes with MEMO_TOO_LONG', async () => {
    const topicId = await topic();
    const tx = new TopicMessageSubmitTransaction({ topicId, message: 'm' }).setTransactionMemo(
      'é'.repeat(51),
    );
    await expect(tx.execute(f.client)).rejects.toMatchObject({ status: Status.MemoTooLong });
  });

  it('answers INVALID_TRANSACTION to bytes that are not a Transaction, and oversize input with TRANSACTION_OVERSIZE', async () => {
    const garbage = await rawCall(
      '/proto.ConsensusService/submitMessage',
      Buffer.from([0xff, 0xff, 0xff, 0x0f, 0x01]),
    );
    expect(proto.TransactionResponse.decode(garbage).nodeTransactionPrecheckCode).toBe(
      proto.ResponseCodeEnum.INVALID_TRANSACTION,
    );
    const empty = await rawCall('/proto.ConsensusService/submitMessage', Buffer.alloc(0));
    expect(proto.TransactionResponse.decode(empty).nodeTransactionPrecheckCode).toBe(
      proto.ResponseCodeEnum.INVALID_TRANSACTION_BODY,
    );
    const huge = await rawCall('/proto.ConsensusService/submitMessage', Buffer.alloc(7000, 1));
    expect(proto.TransactionResponse.decode(huge).nodeTransactionPrecheckCode).toBe(
      proto.ResponseCodeEnum.TRANSACTION_OVERSIZE,
    );
    const query = await rawCall('/proto.CryptoService/getTransactionReceipts', Buffer.from([0x0a, 0xff]));
    expect(proto.Response.decode(query).transactionGetReceipt?.header?.nodeTransactionPrecheckCode).toBe(
      proto.ResponseCodeEnum.INVALID_TRANSACTION,
    );
  });

  it('transfers hbar between accounts only with the sender signature', async () => {
    const key = PrivateKey.generateED25519();
    const created = await (
      await new AccountCreateTransaction()
        .setKeyWithoutAlias(key.publicKey)
        .setInitialBalance(new Hbar(2))
        .execute(f.client)
    ).getReceipt(f.client);
    const steal = await new TransferTransaction()
      .addHbarTransfer(created.accountId!, new Hbar(-1))
      .addHbarTransfer('0.0.2', new Hbar(1))
      .execute(f.client);
    await expect(steal.getReceipt(f.client)).rejects.toMatchObject({ status: Status.InvalidSignature });
    const signed = await (
      await new TransferTransaction()
        .addHbarTransfer(created.accountId!, new Hbar(-1))
        .addHbarTransfer('0.0.2', new Hbar(1))
        .freezeWith(f.client)
        .sign(key)
    ).execute(f.client);
    expect((await signed.getReceipt(f.client)).status).toBe(Status.Success);
    const overdraw = await (
      await new TransferTransaction()
        .addHbarTransfer(created.accountId!, new Hbar(-5))
        .addHbarTransfer('0.0.2', new Hbar(5))
        .freezeWith(f.client)
        .sign(key)
    ).execute(f.client);
    await expect(overdraw.getReceipt(f.client)).rejects.toMatchObject({
      status: Status.InsufficientAccountBalance,
    });
  });
});
