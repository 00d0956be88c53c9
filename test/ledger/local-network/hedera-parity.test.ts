/**
 * Behaviour the SDK's own integration tests found missing or wrong (issue 14), through the real SDK:
 * token auto-renew/expiry, token relationships, auto-association, entity-checked cost queries, account
 * records, refusal of what is not simulated (no fee), prechecks with Hedera's statuses.
 */
import {
  AccountBalanceQuery,
  AccountCreateTransaction,
  type AccountId,
  AccountInfoQuery,
  AccountRecordsQuery,
  AccountUpdateTransaction,
  CustomFixedFee,
  FileContentsQuery,
  FileCreateTransaction,
  Hbar,
  PrivateKey,
  ScheduleCreateTransaction,
  Status,
  Timestamp,
  TokenAssociateTransaction,
  TokenCreateTransaction,
  TokenDeleteTransaction,
  TokenFreezeTransaction,
  type TokenId,
  TokenInfoQuery,
  TokenMintTransaction,
  TopicCreateTransaction,
  TopicDeleteTransaction,
  TopicInfoQuery,
  TransactionRecordQuery,
  TransferTransaction,
} from '@hashgraph/sdk';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Fixture, startFixture } from './network-fixture.ts';

let f: Fixture;
beforeAll(async () => {
  f = await startFixture();
});
afterAll(async () => {
  await f?.close();
});

const op = () => f.client.operatorAccountId!;
const opKey = () => f.operatorKey.publicKey;

async function token(
  modify: (t: TokenCreateTransaction) => TokenCreateTransaction = (t) => t,
): Promise<TokenId> {
  const tx = modify(
    new TokenCreateTransaction()
      .setTokenName('Hydro')
      .setTokenSymbol('HCU')
      .setInitialSupply(1000)
      .setTreasuryAccountId(op()),
  );
  return (await (await tx.execute(f.client)).getReceipt(f.client)).tokenId!;
}

async function account(maxAuto = 0) {
  const key = PrivateKey.generateED25519();
  const tx = new AccountCreateTransaction().setKeyWithoutAlias(key.publicKey).setInitialBalance(new Hbar(5));
  if (maxAuto !== 0) tx.setMaxAutomaticTokenAssociations(maxAuto);
  const id = (await (await tx.execute(f.client)).getReceipt(f.client)).accountId!;
  return { id, key };
}

async function send(tokenId: TokenId, to: AccountId, amount = 10) {
  const response = await new TransferTransaction()
    .addTokenTransfer(tokenId, op(), -amount)
    .addTokenTransfer(tokenId, to, amount)
    .execute(f.client);
  return { response, receipt: await response.getReceipt(f.client) };
}

const balance = async () =>
  (await new AccountBalanceQuery().setAccountId(op()).execute(f.client)).hbars.toTinybars().toString();

describe('tokens', () => {
  it('keeps the auto-renew account the SDK sets, the period, and a real expiry', async () => {
    const before = Date.now();
    const id = await token();
    const info = await new TokenInfoQuery().setTokenId(id).execute(f.client);
    expect(info.autoRenewAccountId?.toString()).toBe(op().toString());
    expect(info.autoRenewPeriod?.seconds.toNumber()).toBe(7_776_000);
    const expiry = info.expirationTime!.toDate().getTime();
    expect(expiry).toBeGreaterThanOrEqual(before + 7_776_000_000 - 1_000);
    expect(expiry).toBeLessThanOrEqual(Date.now() + 7_776_000_000);
    const explicit = new Timestamp(Math.floor(Date.now() / 1000) + 5_000_000, 0);
    const fixed = await token((t) => t.setExpirationTime(explicit));
    const fixedInfo = await new TokenInfoQuery().setTokenId(fixed).execute(f.client);
    expect(fixedInfo.expirationTime?.toString()).toBe(explicit.toString());
  });

  it('stores and reports every key; KYC and freeze defaults hold in transfers', async () => {
    const kyc = await token((t) =>
      t.setKycKey(opKey()).setFreezeKey(opKey()).setWipeKey(opKey()).setPauseKey(opKey()),
    );
    const info = await new TokenInfoQuery().setTokenId(kyc).execute(f.client);
    expect([info.kycKey, info.freezeKey, info.wipeKey, info.pauseKey].map(String)).toEqual(
      Array(4).fill(opKey().toString()),
    );
    expect(info.defaultKycStatus).toBe(false);
    expect(info.defaultFreezeStatus).toBe(false);
    const user = await account();
    const assoc = await new TokenAssociateTransaction()
      .setAccountId(user.id)
      .setTokenIds([kyc])
      .freezeWith(f.client)
      .sign(user.key);
    await (await assoc.execute(f.client)).getReceipt(f.client);
    await expect(send(kyc, user.id)).rejects.toMatchObject({ status: Status.AccountKycNotGrantedForToken });
    const frozen = await token((t) => t.setFreezeKey(opKey()).setFreezeDefault(true));
    const assoc2 = await new TokenAssociateTransaction()
      .setAccountId(user.id)
      .setTokenIds([frozen])
      .freezeWith(f.client)
      .sign(user.key);
    await (await assoc2.execute(f.client)).getReceipt(f.client);
    await expect(send(frozen, user.id)).rejects.toMatchObject({ status: Status.AccountFrozenForToken });
  });

  it('mints 0 as a no-op and deletes only a token with an admin key', async () => {
    const supply = PrivateKey.generateED25519();
    const immutable = await token((t) => t.setSupplyKey(supply.publicKey));
    const zero = await (
      await new TokenMintTransaction().setTokenId(immutable).freezeWith(f.client).sign(supply)
    ).execute(f.client);
    expect((await zero.getReceipt(f.client)).totalSupply?.toNumber()).toBe(1000);
    const deleteIt = (id: TokenId) =>
      new TokenDeleteTransaction()
        .setTokenId(id)
        .execute(f.client)
        .then((r) => r.getReceipt(f.client));
    await expect(deleteIt(immutable)).rejects.toMatchObject({ status: Status.TokenIsImmutable });
    const mutable = await token((t) => t.setAdminKey(opKey()).setSupplyKey(opKey()));
    await deleteIt(mutable);
    expect((await new TokenInfoQuery().setTokenId(mutable).execute(f.client)).isDeleted).toBe(true);
    const mint = new TokenMintTransaction().setTokenId(mutable).setAmount(1).execute(f.client);
    await expect(mint.then((r) => r.getReceipt(f.client))).rejects.toMatchObject({
      status: Status.TokenWasDeleted,
    });
  });
});

describe('accounts', () => {
  it('lists token relationships in account info', async () => {
    const plain = await token();
    const withKeys = await token((t) => t.setKycKey(opKey()).setFreezeKey(opKey()));
    const info = await new AccountInfoQuery().setAccountId(op()).execute(f.client);
    const a = info.tokenRelationships.get(plain)!;
    expect(a.balance.toNumber()).toBe(1000);
    expect(a.isKycGranted).toBeNull();
    expect(a.isFrozen).toBeNull();
    const b = info.tokenRelationships.get(withKeys)!;
    // The treasury is granted KYC and not frozen.
    expect(b.isKycGranted).toBe(true);
    expect(b.isFrozen).toBe(false);
  });

  it('associates automatically within maxAutomaticTokenAssociations (-1 = unlimited)', async () => {
    const [t1, t2] = [await token(), await token()];
    const one = await account(1);
    const { response } = await send(t1, one.id);
    const record = await new TransactionRecordQuery()
      .setTransactionId(response.transactionId)
      .execute(f.client);
    expect(record.automaticTokenAssociations.map((a) => [String(a.tokenId), String(a.accountId)])).toEqual([
      [t1.toString(), one.id.toString()],
    ]);
    const rel = (await new AccountInfoQuery().setAccountId(one.id).execute(f.client)).tokenRelationships.get(
      t1,
    )!;
    expect(rel.automaticAssociation).toBe(true);
    await expect(send(t2, one.id)).rejects.toMatchObject({ status: Status.NoRemainingAutomaticAssociations });
    const unlimited = await account(-1);
    await send(t1, unlimited.id);
    await send(t2, unlimited.id);
    const none = await account(0);
    await expect(send(t1, none.id)).rejects.toMatchObject({ status: Status.TokenNotAssociatedToAccount });
  });

  it('refuses maxAutomaticTokenAssociations below -1 at precheck', async () => {
    const tx = new AccountCreateTransaction()
      .setKeyWithoutAlias(PrivateKey.generateED25519().publicKey)
      .setMaxAutomaticTokenAssociations(-2);
    await expect(tx.execute(f.client)).rejects.toMatchObject({ status: Status.InvalidMaxAutoAssociations });
  });

  it('answers AccountRecordsQuery with the records the account paid for', async () => {
    const response = await new TransferTransaction()
      .addHbarTransfer(op(), -1)
      .addHbarTransfer('0.0.98', 1)
      .execute(f.client);
    await response.getReceipt(f.client);
    const records = await new AccountRecordsQuery().setAccountId(op()).execute(f.client);
    expect(records.map((r) => r.transactionId.toString())).toContain(response.transactionId.toString());
  });
});

describe('queries', () => {
  it('checks the entity in a cost query: a deleted topic has no price', async () => {
    const topic = (
      await (await new TopicCreateTransaction().setAdminKey(opKey()).execute(f.client)).getReceipt(f.client)
    ).topicId!;
    expect(
      (await new TopicInfoQuery().setTopicId(topic).getCost(f.client)).toTinybars().toNumber(),
    ).toBeGreaterThan(0);
    await (await new TopicDeleteTransaction().setTopicId(topic).execute(f.client)).getReceipt(f.client);
    await expect(new TopicInfoQuery().setTopicId(topic).getCost(f.client)).rejects.toMatchObject({
      status: Status.InvalidTopicId,
    });
    await expect(new TokenInfoQuery().setTokenId('0.0.99999').getCost(f.client)).rejects.toMatchObject({
      status: Status.InvalidTokenId,
    });
  });
});

describe('what is not simulated', () => {
  it('is refused at precheck with NOT_SUPPORTED and charges no fee', async () => {
    const tokenId = await token((t) => t.setFreezeKey(opKey()));
    const before = await balance();
    const refusals = [
      new TokenFreezeTransaction().setTokenId(tokenId).setAccountId('0.0.98'),
      new AccountUpdateTransaction().setAccountId(op()).setAccountMemo('x'),
      new ScheduleCreateTransaction().setScheduledTransaction(
        new TransferTransaction().addHbarTransfer(op(), -1).addHbarTransfer('0.0.98', 1),
      ),
      new FileCreateTransaction().setContents('x').setKeys([opKey()]),
      new TopicCreateTransaction().setCustomFees([
        new CustomFixedFee().setAmount(1).setFeeCollectorAccountId(op()),
      ]),
      new AccountCreateTransaction().setECDSAKeyWithAlias(PrivateKey.generateECDSA()),
      new TokenCreateTransaction()
        .setTokenName('F')
        .setTokenSymbol('F')
        .setTreasuryAccountId(op())
        .setCustomFees([new CustomFixedFee().setAmount(1).setFeeCollectorAccountId(op())]),
    ];
    for (const tx of refusals) {
      await expect(tx.execute(f.client), tx.constructor.name).rejects.toMatchObject({
        status: Status.NotSupported,
      });
    }
    await expect(new FileContentsQuery().setFileId('0.0.111').execute(f.client)).rejects.toMatchObject({
      status: Status.NotSupported,
    });
    expect(await balance()).toBe(before);
  });

  it('refuses a transfer that does not sum to zero at precheck, without a fee', async () => {
    const before = await balance();
    const tx = new TransferTransaction().addHbarTransfer(op(), -5).addHbarTransfer('0.0.98', 4);
    await expect(tx.execute(f.client)).rejects.toMatchObject({ status: Status.InvalidAccountAmounts });
    expect(await balance()).toBe(before);
  });
});
