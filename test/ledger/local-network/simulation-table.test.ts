/**
 * The simulation table is what the network does: every unsimulated transaction kind, field and query is
 * refused at precheck (no record, no fee), body checks answer at precheck with Hedera's statuses, and the
 * README's "Not simulated" list is the table's rendering. Driven against a ConsensusNode directly, with
 * transactions signed by the genesis key exactly as the SDK would send them.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { answerQuery } from '../../../ledger/local-network/answer-query.ts';
import { proto } from '../../../ledger/local-network/proto.ts';
import {
  README,
  renderNotSimulated,
  withRenderedSection,
} from '../../../ledger/local-network/render-not-simulated.ts';
import {
  allQueryKinds,
  allTransactionKinds,
  REFUSED_BODY_FIELDS,
  responseFieldOf,
  SIMULATED_QUERIES,
  SIMULATED_TRANSACTIONS,
} from '../../../ledger/local-network/simulation-table.ts';
import { account, directNode, key32 } from './direct-node.ts';

const { node, signed, precheck } = directNode();

/** A value for each refused field path that makes it "set". */
const SAMPLES: Record<string, Record<string, unknown>> = {
  'TransactionBody.batchKey': { batchKey: key32() },
  'TransactionBody.maxCustomFees': { maxCustomFees: [{ accountId: account(2) }] },
  'consensusCreateTopic.feeScheduleKey': { feeScheduleKey: key32() },
  'consensusCreateTopic.feeExemptKeyList': { feeExemptKeyList: [key32()] },
  'consensusCreateTopic.customFees': { customFees: [{ feeCollectorAccountId: account(2) }] },
  'consensusUpdateTopic.feeScheduleKey': { feeScheduleKey: key32() },
  'consensusUpdateTopic.feeExemptKeyList': { feeExemptKeyList: { keys: [key32()] } },
  'consensusUpdateTopic.customFees': { customFees: { fees: [{ feeCollectorAccountId: account(2) }] } },
  'cryptoCreateAccount.alias': { alias: new Uint8Array(20).fill(7) },
  'cryptoCreateAccount.stakedAccountId': { stakedAccountId: account(3) },
  'cryptoCreateAccount.stakedNodeId': { stakedNodeId: 1 },
  'cryptoCreateAccount.declineReward': { declineReward: true },
  'cryptoCreateAccount.hookCreationDetails': { hookCreationDetails: [{ hookId: 1 }] },
  'cryptoCreateAccount.newRealmAdminKey': { newRealmAdminKey: key32() },
  'cryptoCreateAccount.proxyAccountID': { proxyAccountID: account(3) },
  'cryptoTransfer.tokenTransfers[].nftTransfers': {
    tokenTransfers: [{ token: { tokenNum: 5 }, nftTransfers: [{ serialNumber: 1 }] }],
  },
  'cryptoTransfer.transfers.accountAmounts[].isApproval': {
    transfers: { accountAmounts: [{ accountID: account(2), amount: 0, isApproval: true }] },
  },
  'cryptoTransfer.tokenTransfers[].transfers[].isApproval': {
    tokenTransfers: [
      { token: { tokenNum: 5 }, transfers: [{ accountID: account(2), amount: 0, isApproval: true }] },
    ],
  },
  'cryptoTransfer.transfers.accountAmounts[].preTxAllowanceHook': {
    transfers: { accountAmounts: [{ accountID: account(2), amount: 0, preTxAllowanceHook: { hookId: 1 } }] },
  },
  'cryptoTransfer.transfers.accountAmounts[].prePostTxAllowanceHook': {
    transfers: {
      accountAmounts: [{ accountID: account(2), amount: 0, prePostTxAllowanceHook: { hookId: 1 } }],
    },
  },
  'cryptoTransfer.tokenTransfers[].transfers[].preTxAllowanceHook': {
    tokenTransfers: [
      {
        token: { tokenNum: 5 },
        transfers: [{ accountID: account(2), amount: 0, preTxAllowanceHook: { hookId: 1 } }],
      },
    ],
  },
  'cryptoTransfer.tokenTransfers[].transfers[].prePostTxAllowanceHook': {
    tokenTransfers: [
      {
        token: { tokenNum: 5 },
        transfers: [{ accountID: account(2), amount: 0, prePostTxAllowanceHook: { hookId: 1 } }],
      },
    ],
  },
  'tokenCreation.tokenType': { tokenType: proto.TokenType.NON_FUNGIBLE_UNIQUE },
  'tokenCreation.customFees': { customFees: [{ feeCollectorAccountId: account(2) }] },
  'tokenMint.metadata': { metadata: [new Uint8Array([1])] },
};

describe('the simulation table', () => {
  it('is what the README lists as not simulated', () => {
    const readme = readFileSync(README, 'utf8');
    expect(readme, 'run: npx tsx ledger/local-network/render-not-simulated.ts --write').toContain(
      renderNotSimulated(),
    );
    expect(withRenderedSection(readme)).toBe(readme);
  });

  it('refuses every transaction kind it does not simulate with NOT_SUPPORTED at precheck', () => {
    const unsimulated = allTransactionKinds().filter((k) => !SIMULATED_TRANSACTIONS[k]);
    expect(unsimulated.length).toBeGreaterThan(40);
    expect(unsimulated.filter((kind) => precheck(signed({ [kind]: {} })) !== 'NOT_SUPPORTED')).toEqual([]);
  });

  it('refuses every field it does not simulate, with NOT_SUPPORTED or the status Hedera gives', () => {
    const fields = [
      ...REFUSED_BODY_FIELDS.map((f) => ({ kind: 'TransactionBody', f })),
      ...Object.entries(SIMULATED_TRANSACTIONS).flatMap(([kind, t]) => t.refused.map((f) => ({ kind, f }))),
    ];
    for (const { kind, f } of fields) {
      const sample = SAMPLES[`${kind}.${f.path}`];
      expect(sample, `a sample for ${kind}.${f.path}`).toBeDefined();
      const bytes =
        kind === 'TransactionBody'
          ? signed({ consensusSubmitMessage: { topicID: { topicNum: 1 }, message: [1] } }, { extra: sample })
          : signed({ [kind]: sample });
      expect(precheck(bytes), `${kind}.${f.path}`).toBe(f.status);
    }
  });

  it('accepts empty lists where an unsimulated list could go (an update clearing fees that never exist)', () => {
    const topic = precheck(signed({ consensusCreateTopic: { autoRenewPeriod: { seconds: 7_776_000 } } }));
    expect(topic).toBe('OK/SUCCESS');
    const num = node.state.records.at(-1)!.entityNum!;
    const update = signed({
      consensusUpdateTopic: {
        topicID: { topicNum: Number(num) },
        feeExemptKeyList: { keys: [] },
        customFees: { fees: [] },
      },
    });
    expect(precheck(update)).not.toBe('NOT_SUPPORTED');
  });

  it('answers every query kind it does not simulate with NOT_SUPPORTED in that query’s response field', () => {
    const unsimulated = allQueryKinds().filter((k) => !SIMULATED_QUERIES[k]);
    for (const kind of unsimulated) {
      const response = proto.Response.decode(
        answerQuery(node, Buffer.from(proto.Query.encode({ [kind]: { header: {} } } as never).finish())),
      );
      const field = (
        response as unknown as Record<string, { header?: { nodeTransactionPrecheckCode?: number } }>
      )[responseFieldOf(kind)];
      expect(response.response, kind).toBe(responseFieldOf(kind));
      expect(field?.header?.nodeTransactionPrecheckCode, kind).toBe(proto.ResponseCodeEnum.NOT_SUPPORTED);
    }
  });
});

describe('body prechecks (Hedera statuses, no fee)', () => {
  const transfer = (amounts: [number, number][]) =>
    signed({
      cryptoTransfer: {
        transfers: { accountAmounts: amounts.map(([n, amount]) => ({ accountID: account(n), amount })) },
      },
    });
  const create = (op: Record<string, unknown>) =>
    signed({ cryptoCreateAccount: { key: key32(), autoRenewPeriod: { seconds: 7_776_000 }, ...op } });
  const token = (op: Record<string, unknown>) =>
    signed({
      tokenCreation: {
        name: 'T',
        symbol: 'T',
        treasury: account(2),
        autoRenewPeriod: { seconds: 7_776_000 },
        ...op,
      },
    });

  it.each([
    [
      'a transfer that does not sum to zero',
      () =>
        transfer([
          [2, -5],
          [98, 4],
        ]),
      'INVALID_ACCOUNT_AMOUNTS',
    ],
    [
      'a transfer naming an account twice',
      () =>
        transfer([
          [2, -5],
          [2, 5],
        ]),
      'ACCOUNT_REPEATED_IN_ACCOUNT_AMOUNTS',
    ],
    [
      'a token transfer that does not sum to zero',
      () =>
        signed({
          cryptoTransfer: {
            tokenTransfers: [{ token: { tokenNum: 9 }, transfers: [{ accountID: account(2), amount: -1 }] }],
          },
        }),
      'TRANSFERS_NOT_ZERO_SUM_FOR_TOKEN',
    ],
    [
      'a token transfer list without transfers',
      () => signed({ cryptoTransfer: { tokenTransfers: [{ token: { tokenNum: 9 } }] } }),
      'EMPTY_TOKEN_TRANSFER_ACCOUNT_AMOUNTS',
    ],
    ['a mint without a token id', () => signed({ tokenMint: { amount: 5 } }), 'INVALID_TOKEN_ID'],
    [
      'a negative mint',
      () => signed({ tokenMint: { token: { tokenNum: 9 }, amount: -5 } }),
      'INVALID_TOKEN_MINT_AMOUNT',
    ],
    [
      'an association without an account',
      () => signed({ tokenAssociate: { tokens: [{ tokenNum: 9 }] } }),
      'INVALID_ACCOUNT_ID',
    ],
    [
      'an association naming a token twice',
      () => signed({ tokenAssociate: { account: account(2), tokens: [{ tokenNum: 9 }, { tokenNum: 9 }] } }),
      'TOKEN_ID_REPEATED_IN_TOKEN_LIST',
    ],
    [
      'maxAutomaticTokenAssociations below -1',
      () => create({ maxAutomaticTokenAssociations: -2 }),
      'INVALID_MAX_AUTO_ASSOCIATIONS',
    ],
    [
      'maxAutomaticTokenAssociations above the limit',
      () => create({ maxAutomaticTokenAssociations: 5001 }),
      'REQUESTED_NUM_AUTOMATIC_ASSOCIATIONS_EXCEEDS_ASSOCIATION_LIMIT',
    ],
    [
      'an account without a key',
      () => signed({ cryptoCreateAccount: { autoRenewPeriod: { seconds: 7_776_000 } } }),
      'KEY_REQUIRED',
    ],
    [
      'an account key of the wrong shape',
      () => create({ key: { ed25519: new Uint8Array(31) } }),
      'BAD_ENCODING',
    ],
    ['a negative initial balance', () => create({ initialBalance: -1 }), 'INVALID_INITIAL_BALANCE'],
    [
      'an account without an auto-renew period',
      () => signed({ cryptoCreateAccount: { key: key32() } }),
      'INVALID_RENEWAL_PERIOD',
    ],
    [
      'a topic admin key of the wrong shape',
      () => signed({ consensusCreateTopic: { adminKey: { keyList: { keys: [] } } } }),
      'BAD_ENCODING',
    ],
    [
      'a message without a topic',
      () => signed({ consensusSubmitMessage: { message: [1] } }),
      'INVALID_TOPIC_ID',
    ],
    [
      'an empty message',
      () => signed({ consensusSubmitMessage: { topicID: { topicNum: 9 } } }),
      'INVALID_TOPIC_MESSAGE',
    ],
    ['a token without a treasury', () => token({ treasury: null }), 'INVALID_TREASURY_ACCOUNT_FOR_TOKEN'],
    ['a negative initial supply', () => token({ initialSupply: -1 }), 'INVALID_TOKEN_INITIAL_SUPPLY'],
    ['negative decimals', () => token({ decimals: -1 }), 'INVALID_TOKEN_DECIMALS'],
    ['an infinite supply with a max supply', () => token({ maxSupply: 10 }), 'INVALID_TOKEN_MAX_SUPPLY'],
    [
      'a token admin key of the wrong shape',
      () => token({ adminKey: { ed25519: new Uint8Array(5) } }),
      'INVALID_ADMIN_KEY',
    ],
    [
      'a KYC key of the wrong shape',
      () => token({ kycKey: { thresholdKey: { threshold: 3, keys: { keys: [key32()] } } } }),
      'INVALID_KYC_KEY',
    ],
    ['freezeDefault without a freeze key', () => token({ freezeDefault: true }), 'TOKEN_HAS_NO_FREEZE_KEY'],
  ])('refuses %s', (_what, build, status) => {
    expect(precheck(build())).toBe(status);
  });

  it('lets a well-formed body through to consensus', () => {
    expect(
      precheck(
        transfer([
          [2, -5],
          [98, 5],
        ]),
      ),
    ).toBe('OK/SUCCESS');
    expect(precheck(create({ maxAutomaticTokenAssociations: -1 }))).toBe('OK/SUCCESS');
  });
});
