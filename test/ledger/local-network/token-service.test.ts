import {
  AccountBalanceQuery,
  AccountCreateTransaction,
  Hbar,
  PrivateKey,
  Status,
  TokenAssociateTransaction,
  TokenCreateTransaction,
  TokenInfoQuery,
  TokenMintTransaction,
  TokenSupplyType,
  TransferTransaction,
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

async function createToken(options: {
  supplyKey?: PrivateKey;
  maxSupply?: number;
  decimals?: number;
  initial?: number;
}) {
  let tx = new TokenCreateTransaction()
    .setTokenName('Hydro Carbon Unit')
    .setTokenSymbol('HCU')
    .setDecimals(options.decimals ?? 3)
    .setInitialSupply(options.initial ?? 0)
    .setTreasuryAccountId('0.0.2');
  if (options.supplyKey) tx = tx.setSupplyKey(options.supplyKey.publicKey);
  if (options.maxSupply !== undefined)
    tx = tx.setSupplyType(TokenSupplyType.Finite).setMaxSupply(options.maxSupply);
  return (await (await tx.execute(f.client)).getReceipt(f.client)).tokenId!;
}

async function mint(
  tokenId: Parameters<TokenMintTransaction['setTokenId']>[0],
  amount: number,
  key?: PrivateKey,
) {
  const tx = new TokenMintTransaction().setTokenId(tokenId).setAmount(amount).freezeWith(f.client);
  if (key) await tx.sign(key);
  return (await tx.execute(f.client)).getReceipt(f.client);
}

describe('TokenService', () => {
  it('mints to the treasury and reports the new total supply with the token decimals', async () => {
    const supplyKey = PrivateKey.generateED25519();
    const tokenId = await createToken({ supplyKey, decimals: 3, initial: 5 });
    expect((await mint(tokenId, 758_000, supplyKey)).totalSupply!.toNumber()).toBe(758_005);
    expect((await mint(tokenId, 1, supplyKey)).totalSupply!.toNumber()).toBe(758_006);
    const info = await new TokenInfoQuery().setTokenId(tokenId).execute(f.client);
    expect(info.decimals).toBe(3);
    expect(info.totalSupply.toNumber()).toBe(758_006);
    const { body } = await mirrorGet(f.network, `/api/v1/tokens/${tokenId}`);
    expect(body).toMatchObject({
      decimals: '3',
      total_supply: '758006',
      initial_supply: '5',
      type: 'FUNGIBLE_COMMON',
    });
    const balance = await new AccountBalanceQuery().setAccountId('0.0.2').execute(f.client);
    expect(balance.tokens?.get(tokenId)?.toNumber()).toBe(758_006);
  });

  it('refuses a mint not signed by the supply key (INVALID_SIGNATURE) and leaves the supply unchanged', async () => {
    const supplyKey = PrivateKey.generateED25519();
    const tokenId = await createToken({ supplyKey });
    await expect(mint(tokenId, 10)).rejects.toMatchObject({ status: Status.InvalidSignature });
    const { body } = await mirrorGet(f.network, `/api/v1/tokens/${tokenId}`);
    expect(body.total_supply).toBe('0');
  });

  it('refuses to mint a token without a supply key (TOKEN_HAS_NO_SUPPLY_KEY)', async () => {
    const tokenId = await createToken({});
    await expect(mint(tokenId, 10)).rejects.toMatchObject({ status: Status.TokenHasNoSupplyKey });
  });

  it('enforces a finite max supply (TOKEN_MAX_SUPPLY_REACHED)', async () => {
    const supplyKey = PrivateKey.generateED25519();
    const tokenId = await createToken({ supplyKey, maxSupply: 100 });
    expect((await mint(tokenId, 100, supplyKey)).totalSupply!.toNumber()).toBe(100);
    await expect(mint(tokenId, 1, supplyKey)).rejects.toMatchObject({ status: Status.TokenMaxSupplyReached });
    const { body } = await mirrorGet(f.network, `/api/v1/tokens/${tokenId}`);
    expect(body).toMatchObject({ supply_type: 'FINITE', max_supply: '100', total_supply: '100' });
  });

  it('rejects an initial supply above the max supply and a negative mint amount; 0 mints nothing', async () => {
    await expect(createToken({ maxSupply: 10, initial: 11 })).rejects.toMatchObject({
      status: Status.InvalidTokenInitialSupply,
    });
    const supplyKey = PrivateKey.generateED25519();
    const tokenId = await createToken({ supplyKey, initial: 7 });
    expect((await mint(tokenId, 0, supplyKey)).totalSupply!.toNumber()).toBe(7);
    await expect(mint(tokenId, -1, supplyKey)).rejects.toMatchObject({
      status: Status.InvalidTokenMintAmount,
    });
  });

  it('requires the treasury to sign token creation', async () => {
    const key = PrivateKey.generateED25519();
    const account = (
      await (
        await new AccountCreateTransaction()
          .setKeyWithoutAlias(key.publicKey)
          .setInitialBalance(new Hbar(1))
          .execute(f.client)
      ).getReceipt(f.client)
    ).accountId!;
    const tx = new TokenCreateTransaction()
      .setTokenName('X')
      .setTokenSymbol('X')
      .setTreasuryAccountId(account);
    await expect((await tx.execute(f.client)).getReceipt(f.client)).rejects.toMatchObject({
      status: Status.InvalidSignature,
    });
  });

  it('transfers tokens only to associated accounts', async () => {
    const supplyKey = PrivateKey.generateED25519();
    const tokenId = await createToken({ supplyKey, initial: 1000 });
    const key = PrivateKey.generateECDSA();
    const account = (
      await (
        await new AccountCreateTransaction()
          .setKeyWithoutAlias(key.publicKey)
          .setInitialBalance(new Hbar(10))
          .execute(f.client)
      ).getReceipt(f.client)
    ).accountId!;
    const send = () =>
      new TransferTransaction()
        .addTokenTransfer(tokenId, '0.0.2', -250)
        .addTokenTransfer(tokenId, account, 250)
        .execute(f.client);
    await expect((await send()).getReceipt(f.client)).rejects.toMatchObject({
      status: Status.TokenNotAssociatedToAccount,
    });

    const unsignedAssociate = await new TokenAssociateTransaction()
      .setAccountId(account)
      .setTokenIds([tokenId])
      .execute(f.client);
    await expect(unsignedAssociate.getReceipt(f.client)).rejects.toMatchObject({
      status: Status.InvalidSignature,
    });
    const associate = await (
      await new TokenAssociateTransaction()
        .setAccountId(account)
        .setTokenIds([tokenId])
        .freezeWith(f.client)
        .sign(key)
    ).execute(f.client);
    expect((await associate.getReceipt(f.client)).status).toBe(Status.Success);

    expect((await (await send()).getReceipt(f.client)).status).toBe(Status.Success);
    const { body } = await mirrorGet(f.network, `/api/v1/accounts/${account}`);
    expect(body.balance.tokens).toEqual([{ token_id: tokenId.toString(), balance: 250 }]);
    expect(body.key._type).toBe('ECDSA_SECP256K1');

    const back = await (
      await new TransferTransaction()
        .addTokenTransfer(tokenId, account, -300)
        .addTokenTransfer(tokenId, '0.0.2', 300)
        .freezeWith(f.client)
        .sign(key)
    ).execute(f.client);
    await expect(back.getReceipt(f.client)).rejects.toMatchObject({
      status: Status.InsufficientTokenBalance,
    });
  });
});
