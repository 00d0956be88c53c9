/**
 * TokenService and CryptoService rules at consensus, the query answers and paid-query charging, driven
 * against a ConsensusNode with bodies the SDK would not build.
 */
import { PrivateKey } from '@hashgraph/sdk';
import { describe, expect, it } from 'vitest';
import { answerQuery } from '../../../ledger/local-network/answer-query.ts';
import { TRANSACTION_FEES } from '../../../ledger/local-network/fee-schedule.ts';
import { MAX_INT64 } from '../../../ledger/local-network/ledger-state.ts';
import { proto } from '../../../ledger/local-network/proto.ts';
import { account, directNode, genesis, key32, keyOf } from './direct-node.ts';

const { node, run, query, payment, signed } = directNode();
const RENEW = { seconds: 7_776_000 };
const ed = () => PrivateKey.generateED25519();

function newAccount(key: PrivateKey, op: Record<string, unknown> = {}) {
  const { status, num } = run({ cryptoCreateAccount: { key: keyOf(key), autoRenewPeriod: RENEW, ...op } });
  expect(status).toBe('SUCCESS');
  return num!;
}
const tokenBody = (op: Record<string, unknown>) => ({
  tokenCreation: { name: 'Carbon', symbol: 'CO2', treasury: account(2), autoRenewPeriod: RENEW, ...op },
});
function newToken(op: Record<string, unknown> = {}, signers = [genesis]) {
  const { status, num } = run(tokenBody(op), { signers });
  expect(status).toBe('SUCCESS');
  return num!;
}
const tokenId = (num: bigint | number) => ({ tokenNum: Number(num) });
const amounts = (pairs: [bigint | number, number][]) =>
  pairs.map(([n, amount]) => ({ accountID: account(n), amount }));

describe('token creation', () => {
  it.each([
    ['no name', { name: '' }, 'MISSING_TOKEN_NAME'],
    ['a name over 100 bytes', { name: 'n'.repeat(101) }, 'TOKEN_NAME_TOO_LONG'],
    ['no symbol', { symbol: '' }, 'MISSING_TOKEN_SYMBOL'],
    ['a symbol over 100 bytes', { symbol: 's'.repeat(101) }, 'TOKEN_SYMBOL_TOO_LONG'],
    ['a memo over 100 bytes', { memo: 'm'.repeat(101) }, 'MEMO_TOO_LONG'],
    ['a treasury that does not exist', { treasury: account(77_777) }, 'INVALID_TREASURY_ACCOUNT_FOR_TOKEN'],
    [
      'an auto-renew period under 30 days',
      { autoRenewPeriod: { seconds: 86_400 } },
      'INVALID_RENEWAL_PERIOD',
    ],
    [
      'an auto-renew account that does not exist',
      { autoRenewAccount: account(77_778) },
      'INVALID_AUTORENEW_ACCOUNT',
    ],
    ['neither an expiry nor an auto-renew period', { autoRenewPeriod: null }, 'INVALID_EXPIRATION_TIME'],
    ['an expiry in the past', { autoRenewPeriod: null, expiry: { seconds: 1 } }, 'INVALID_EXPIRATION_TIME'],
    ['an admin key that did not sign', { adminKey: key32() }, 'INVALID_SIGNATURE'],
  ])('refuses a token with %s', (_name, op, status) => {
    expect(run(tokenBody(op)).status).toBe(status);
  });

  it('requires the auto-renew account and the treasury to sign', () => {
    const renewKey = ed();
    const renewer = newAccount(renewKey);
    expect(run(tokenBody({ autoRenewAccount: account(renewer) })).status).toBe('INVALID_SIGNATURE');
    const treasuryKey = ed();
    const treasury = newAccount(treasuryKey);
    expect(run(tokenBody({ treasury: account(treasury) })).status).toBe('INVALID_SIGNATURE');
    const num = newToken(
      { treasury: account(treasury), autoRenewAccount: account(renewer), expiry: { seconds: 4e9 } },
      [genesis, treasuryKey, renewKey],
    );
    expect(node.state.tokens.get(num)).toMatchObject({
      autoRenewAccount: renewer,
      expiryNs: 4_000_000_000n * 10n ** 9n,
    });
  });
});

describe('mint, associate and delete', () => {
  it('refuses to mint without a supply key, or past the int64 supply of an infinite token', () => {
    const fixed = newToken({ initialSupply: 10 });
    expect(run({ tokenMint: { token: tokenId(fixed), amount: 1 } }).status).toBe('TOKEN_HAS_NO_SUPPLY_KEY');
    const supply = ed();
    const big = newToken({ initialSupply: (MAX_INT64 - 5n).toString(), supplyKey: keyOf(supply) });
    const mint = (amount: number) =>
      run({ tokenMint: { token: tokenId(big), amount } }, { signers: [genesis, supply] });
    expect(mint(6).status).toBe('INVALID_TOKEN_MINT_AMOUNT');
    expect(mint(5).status).toBe('SUCCESS');
    expect(node.state.tokens.get(big)!.totalSupply).toBe(MAX_INT64);
  });

  it('refuses to associate an unknown account or token, or a token already associated', () => {
    const token = newToken();
    const holderKey = ed();
    const holder = newAccount(holderKey);
    const associate = (acct: bigint | number, tokens: (bigint | number)[]) =>
      run(
        { tokenAssociate: { account: account(acct), tokens: tokens.map(tokenId) } },
        { signers: [genesis, holderKey] },
      ).status;
    expect(associate(55_555, [token])).toBe('INVALID_ACCOUNT_ID');
    expect(associate(holder, [66_666])).toBe('INVALID_TOKEN_ID');
    expect(associate(holder, [token])).toBe('SUCCESS');
    expect(associate(holder, [token])).toBe('TOKEN_ALREADY_ASSOCIATED_TO_ACCOUNT');
  });

  it('deletes a token only with its admin key, refuses an unknown one, and then answers TOKEN_WAS_DELETED', () => {
    const admin = ed();
    const token = newToken({ adminKey: keyOf(admin) }, [genesis, admin]);
    const del = (num: bigint | number, signers = [genesis]) =>
      run({ tokenDeletion: { token: tokenId(num) } }, { signers }).status;
    expect(del(88_888)).toBe('INVALID_TOKEN_ID');
    expect(del(token)).toBe('INVALID_SIGNATURE');
    expect(del(token, [genesis, admin])).toBe('SUCCESS');
    expect(run({ tokenMint: { token: tokenId(token), amount: 1 } }).status).toBe('TOKEN_WAS_DELETED');
  });
});

describe('accounts and transfers', () => {
  it.each([
    ['an account memo over 100 bytes', { memo: 'm'.repeat(101) }, 'MEMO_TOO_LONG'],
    [
      'an auto-renew period under 30 days',
      { autoRenewPeriod: { seconds: 3600 } },
      'AUTORENEW_DURATION_NOT_IN_RANGE',
    ],
    [
      'a receiver signature requirement its key did not sign',
      { receiverSigRequired: true },
      'INVALID_SIGNATURE',
    ],
    ['a negative send record threshold', { sendRecordThreshold: -1 }, 'INVALID_SEND_RECORD_THRESHOLD'],
    [
      'a negative receive record threshold',
      { receiveRecordThreshold: -1 },
      'INVALID_RECEIVE_RECORD_THRESHOLD',
    ],
  ])('refuses %s', (_name, op, status) => {
    expect(run({ cryptoCreateAccount: { key: key32(), autoRenewPeriod: RENEW, ...op } }).status).toBe(status);
  });

  it('refuses an initial balance the payer does not have', () => {
    const poorKey = ed();
    const poor = newAccount(poorKey, { initialBalance: 100_000_000 });
    const create = run(
      { cryptoCreateAccount: { key: key32(), autoRenewPeriod: RENEW, initialBalance: 99_000_000 } },
      { payer: poor, signers: [poorKey] },
    );
    expect(create.status).toBe('INSUFFICIENT_PAYER_BALANCE');
  });

  it('refuses transfers naming unknown accounts or tokens, wrong decimals, or nothing at all', () => {
    const token = newToken({ initialSupply: 100, decimals: 2 });
    const transfer = (op: Record<string, unknown>) => run({ cryptoTransfer: op }).status;
    expect(
      transfer({
        transfers: {
          accountAmounts: amounts([
            [2, -1],
            [44_444, 1],
          ]),
        },
      }),
    ).toBe('INVALID_ACCOUNT_ID');
    expect(
      transfer({
        tokenTransfers: [
          {
            token: tokenId(33_333),
            transfers: amounts([
              [2, -1],
              [98, 1],
            ]),
          },
        ],
      }),
    ).toBe('INVALID_TOKEN_ID');
    const receiver = newAccount(ed(), { maxAutomaticTokenAssociations: -1 });
    const move = amounts([
      [2, -1],
      [receiver, 1],
    ]);
    expect(
      transfer({
        tokenTransfers: [{ token: tokenId(token), expectedDecimals: { value: 3 }, transfers: move }],
      }),
    ).toBe('UNEXPECTED_TOKEN_DECIMALS');
    expect(
      transfer({
        tokenTransfers: [
          {
            token: tokenId(token),
            transfers: amounts([
              [2, -1],
              [44_445, 1],
            ]),
          },
        ],
      }),
    ).toBe('INVALID_ACCOUNT_ID');
    expect(transfer({})).toBe('EMPTY_TRANSACTION_BODY');
    expect(
      transfer({
        tokenTransfers: [{ token: tokenId(token), expectedDecimals: { value: 2 }, transfers: move }],
      }),
    ).toBe('SUCCESS');
  });

  it('counts automatic associations across the tokens of one transfer', () => {
    const [a, b] = [newToken({ initialSupply: 5 }), newToken({ initialSupply: 5 })];
    const receiver = newAccount(ed(), { maxAutomaticTokenAssociations: 1 });
    const both = [a, b].map((t) => ({
      token: tokenId(t),
      transfers: amounts([
        [2, -1],
        [receiver, 1],
      ]),
    }));
    expect(run({ cryptoTransfer: { tokenTransfers: both } }).status).toBe(
      'NO_REMAINING_AUTOMATIC_ASSOCIATIONS',
    );
    expect(run({ cryptoTransfer: { tokenTransfers: both.slice(0, 1) } }).status).toBe('SUCCESS');
  });
});

describe('body prechecks of token and transfer bodies', () => {
  it.each([
    [
      'an amount without an account',
      { cryptoTransfer: { transfers: { accountAmounts: [{ amount: 0 }] } } },
      'INVALID_ACCOUNT_ID',
    ],
    [
      'a token list without a token',
      { cryptoTransfer: { tokenTransfers: [{ transfers: amounts([[2, 0]]) }] } },
      'INVALID_TOKEN_ID',
    ],
    [
      'a token named twice',
      {
        cryptoTransfer: {
          tokenTransfers: [1, 2].map(() => ({ token: tokenId(9), transfers: amounts([[2, 0]]) })),
        },
      },
      'TOKEN_ID_REPEATED_IN_TOKEN_LIST',
    ],
    ['an unknown supply type', tokenBody({ supplyType: 7 }), 'NOT_SUPPORTED'],
    [
      'a supply key of the wrong shape',
      tokenBody({ supplyKey: { ed25519: new Uint8Array(3) } }),
      'INVALID_SUPPLY_KEY',
    ],
    [
      'a freeze key of the wrong shape',
      tokenBody({ freezeKey: { keyList: { keys: [] } } }),
      'INVALID_FREEZE_KEY',
    ],
    [
      'a wipe key of the wrong shape',
      tokenBody({ wipeKey: { ed25519: new Uint8Array(3) } }),
      'INVALID_WIPE_KEY',
    ],
    [
      'a pause key of the wrong shape',
      tokenBody({ pauseKey: { ed25519: new Uint8Array(3) } }),
      'INVALID_PAUSE_KEY',
    ],
    [
      'a fee schedule key of the wrong shape',
      tokenBody({ feeScheduleKey: { ed25519: new Uint8Array(3) } }),
      'INVALID_CUSTOM_FEE_SCHEDULE_KEY',
    ],
    [
      'a metadata key of the wrong shape',
      tokenBody({ metadataKey: { ed25519: new Uint8Array(3) } }),
      'INVALID_METADATA_KEY',
    ],
    [
      'an association of a token without an id',
      { tokenAssociate: { account: account(2), tokens: [{}] } },
      'INVALID_TOKEN_ID',
    ],
  ])('refuses %s at precheck', (_name, data, status) => {
    expect(run(data).status).toBe(status);
  });
});

describe('queries', () => {
  const receiptQuery = (transactionID: unknown) =>
    query({ transactionGetReceipt: { header: {}, transactionID } });

  it('answers a query without a kind with INVALID_QUERY_HEADER, and an undecodable one with INVALID_TRANSACTION', () => {
    expect(query({}).status).toBe('INVALID_QUERY_HEADER');
    const garbage = proto.Response.decode(answerQuery(node, Buffer.from([0xff, 0xff, 0xff])));
    expect(garbage.transactionGetReceipt?.header?.nodeTransactionPrecheckCode).toBe(
      proto.ResponseCodeEnum.INVALID_TRANSACTION,
    );
  });

  it('answers a state proof request NOT_SUPPORTED and a receipt query without an id INVALID_TRANSACTION_ID', () => {
    const proofType = proto.ResponseType.ANSWER_STATE_PROOF;
    expect(
      query({ cryptogetAccountBalance: { header: { responseType: proofType }, accountID: account(2) } })
        .status,
    ).toBe('NOT_SUPPORTED');
    expect(receiptQuery(null).status).toBe('INVALID_TRANSACTION_ID');
    expect(query({ cryptogetAccountBalance: { header: {}, accountID: account(12_345) } }).status).toBe(
      'INVALID_ACCOUNT_ID',
    );
  });

  it('charges a paid query and refuses one whose payment is missing, short, of another kind or unfunded', () => {
    const info = (header: Record<string, unknown>) =>
      query({ cryptoGetInfo: { header, accountID: account(2) } }).status;
    expect(info({})).toBe('INSUFFICIENT_TX_FEE');
    expect(info({ payment: payment(1) })).toBe('INSUFFICIENT_TX_FEE');
    const notATransfer = proto.Transaction.decode(
      signed({ consensusCreateTopic: { autoRenewPeriod: RENEW } }),
    );
    expect(info({ payment: notATransfer })).toBe('INSUFFICIENT_TX_FEE');
    expect(info({ payment: { signedTransactionBytes: new Uint8Array([0xff, 0xff]) } })).not.toBe('OK');
    // A payer who cannot even pay the transfer's fee is refused at precheck; one who can pay the fee
    // but not the query is refused at consensus: both answer INSUFFICIENT_PAYER_BALANCE, as on Hedera.
    const fee = Number(TRANSACTION_FEES.cryptoTransfer);
    for (const initialBalance of [1, fee + 10]) {
      const key = ed();
      const payer = newAccount(key, { initialBalance });
      expect(info({ payment: payment(undefined, { payer, signers: [key] }) })).toBe(
        'INSUFFICIENT_PAYER_BALANCE',
      );
    }
    const before = node.state.accounts.get(2n)!.balance;
    expect(info({ payment: payment() })).toBe('OK');
    expect(node.state.accounts.get(2n)!.balance < before).toBe(true);
  });

  it('answers account records only for an account that exists', () => {
    const records = (n: number) =>
      query({ cryptoGetAccountRecords: { header: { payment: payment() }, accountID: account(n) } });
    expect(records(12_346).status).toBe('INVALID_ACCOUNT_ID');
    const mine = records(2);
    expect(mine.status).toBe('OK');
    expect((mine.answer.records as unknown[]).length).toBeGreaterThan(0);
  });
});
