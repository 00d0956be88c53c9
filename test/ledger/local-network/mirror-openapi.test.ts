/**
 * Every mirror REST endpoint we serve, validated with ajv (JSON Schema 2020-12) against the mirror node's
 * own OpenAPI 3.1 document; the document's examples are the fixtures for the shape (same fields as ours).
 */
import {
  AccountCreateTransaction,
  Hbar,
  PrivateKey,
  TokenAssociateTransaction,
  TokenCreateTransaction,
  TopicCreateTransaction,
  TopicMessageSubmitTransaction,
  TransferTransaction,
} from '@hashgraph/sdk';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MirrorOpenApi } from './mirror-openapi/mirror-openapi.ts';
import { type Fixture, mirrorGet, startFixture } from './network-fixture.ts';

const api = new MirrorOpenApi();
let f: Fixture;
let topic: string;
let token: string;
let account: string;
let transactionId: string;

beforeAll(async () => {
  f = await startFixture();
  const key = f.operatorKey.publicKey;
  const receipt = async (tx: {
    execute(c: typeof f.client): Promise<{ getReceipt(c: typeof f.client): Promise<unknown> }>;
  }) => (await (await tx.execute(f.client)).getReceipt(f.client)) as Record<string, { toString(): string }>;
  topic = (
    await receipt(
      new TopicCreateTransaction().setAdminKey(key).setSubmitKey(key).setAutoRenewAccountId('0.0.2'),
    )
  ).topicId!.toString();
  // Two chunks, so chunk_info is filled in.
  await new TopicMessageSubmitTransaction()
    .setTopicId(topic)
    .setMessage('x'.repeat(1500))
    .setChunkSize(1024)
    .execute(f.client);
  token = (
    await receipt(
      new TokenCreateTransaction()
        .setTokenName('Hydro')
        .setTokenSymbol('HCU')
        .setDecimals(2)
        .setInitialSupply(1000)
        .setTreasuryAccountId('0.0.2')
        .setAdminKey(key)
        .setSupplyKey(key)
        .setFreezeKey(key)
        .setPauseKey(key)
        .setMetadataKey(key)
        .setMetadata(new Uint8Array([1, 2, 3])),
    )
  ).tokenId!.toString();
  const userKey = PrivateKey.generateED25519();
  account = (
    await receipt(
      new AccountCreateTransaction().setKeyWithoutAlias(userKey.publicKey).setInitialBalance(new Hbar(2)),
    )
  ).accountId!.toString();
  const associate = await new TokenAssociateTransaction()
    .setAccountId(account)
    .setTokenIds([token])
    .freezeWith(f.client)
    .sign(userKey);
  await (await associate.execute(f.client)).getReceipt(f.client);
  const transfer = await new TransferTransaction()
    .addTokenTransfer(token, '0.0.2', -10)
    .addTokenTransfer(token, account, 10)
    .execute(f.client);
  await transfer.getReceipt(f.client);
  transactionId = transfer.transactionId.toString();
}, 60_000);
afterAll(async () => {
  await f?.close();
});

/** [our URL, the document's path template, status] for every endpoint and its documented errors. */
const cases = (): [string, string, number][] => [
  [`/api/v1/topics/${topic}/messages?limit=1`, '/api/v1/topics/{topicId}/messages', 200],
  [`/api/v1/topics/${topic}/messages?encoding=utf-8`, '/api/v1/topics/{topicId}/messages', 200],
  [`/api/v1/topics/${topic}/messages?limit=x`, '/api/v1/topics/{topicId}/messages', 400],
  [`/api/v1/topics/0.0.99999/messages`, '/api/v1/topics/{topicId}/messages', 404],
  [`/api/v1/topics/${topic}/messages/2`, '/api/v1/topics/{topicId}/messages/{sequenceNumber}', 200],
  [`/api/v1/topics/${topic}/messages/99`, '/api/v1/topics/{topicId}/messages/{sequenceNumber}', 404],
  [`/api/v1/topics/${topic}`, '/api/v1/topics/{topicId}', 200],
  [`/api/v1/topics/not-an-id`, '/api/v1/topics/{topicId}', 400],
  [`/api/v1/topics/0.0.99999`, '/api/v1/topics/{topicId}', 404],
  [`/api/v1/transactions?limit=3`, '/api/v1/transactions', 200],
  [`/api/v1/transactions?account.id=${account}&transactiontype=cryptotransfer`, '/api/v1/transactions', 200],
  [`/api/v1/transactions?order=sideways`, '/api/v1/transactions', 400],
  [`/api/v1/transactions/${transactionId}`, '/api/v1/transactions/{transactionId}', 200],
  [`/api/v1/transactions/0.0.2-1-000000001`, '/api/v1/transactions/{transactionId}', 404],
  [`/api/v1/transactions/nonsense`, '/api/v1/transactions/{transactionId}', 400],
  [`/api/v1/tokens/${token}`, '/api/v1/tokens/{tokenId}', 200],
  [`/api/v1/tokens/0.0.99999`, '/api/v1/tokens/{tokenId}', 404],
  [`/api/v1/accounts/${account}`, '/api/v1/accounts/{idOrAliasOrEvmAddress}', 200],
  [`/api/v1/accounts/0.0.2`, '/api/v1/accounts/{idOrAliasOrEvmAddress}', 200],
  [`/api/v1/accounts/0.0.99999`, '/api/v1/accounts/{idOrAliasOrEvmAddress}', 404],
];

/**
 * Fields of the Transaction schema (HIP-551 batch key, HIP-991 fee limits) that the older TransactionDetail
 * example lacks. (The examples are fixtures for field names only: many example values do not validate
 * against their own schemas — numbers for string fields, a string for chunk_info.initial_transaction_id.)
 */
const NEWER_THAN_EXAMPLE = ['transactions[].batch_key', 'transactions[].max_custom_fees'];

/** Field names of an object, and of the first element of each of its lists of objects. */
function shape(value: unknown): string[] {
  if (value === null || typeof value !== 'object') return [];
  return Object.entries(value).flatMap(([k, v]) =>
    Array.isArray(v) && v[0] && typeof v[0] === 'object'
      ? [k, ...Object.keys(v[0]).map((n) => `${k}[].${n}`)]
      : [k],
  );
}

describe('mirror REST against the mirror node OpenAPI document', () => {
  it('answers every served endpoint with a body valid against the document', async () => {
    const invalid: string[] = [];
    for (const [url, docPath, status] of cases()) {
      const res = await mirrorGet(f.network, url);
      expect(res.status, url).toBe(status);
      for (const e of api.errors(docPath, status, res.body))
        invalid.push(`${url}: ${e.instancePath} ${e.message}`);
    }
    expect(invalid).toEqual([]);
  });

  it("has exactly the fields of the document's own examples", async () => {
    const differences: string[] = [];
    for (const [url, docPath, status] of cases()) {
      const ours = shape((await mirrorGet(f.network, url)).body);
      const example = shape(api.example(docPath, status));
      // A list we answer empty has no element fields to compare.
      const comparable = example.filter(
        (k) => !k.includes('[].') || ours.some((o) => o.startsWith(`${k.split('[]')[0]}[].`)),
      );
      for (const k of comparable) if (!ours.includes(k)) differences.push(`${url}: lacks ${k}`);
      for (const k of ours) {
        if (!example.includes(k) && !NEWER_THAN_EXAMPLE.includes(k)) differences.push(`${url}: adds ${k}`);
      }
    }
    expect(differences).toEqual([]);
  });

  it('gives consensus timestamps nanosecond resolution', async () => {
    const { body } = await mirrorGet(f.network, '/api/v1/transactions?limit=25');
    const nanos = body.transactions.map(
      (t: { consensus_timestamp: string }) => t.consensus_timestamp.split('.')[1],
    );
    expect(nanos.every((n: string) => /^\d{9}$/.test(n))).toBe(true);
    // Millisecond timestamps would end in 000000 every time (1 in 10^6 by chance).
    expect(nanos.some((n: string) => !n.endsWith('000000'))).toBe(true);
  });
});
