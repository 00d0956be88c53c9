/**
 * ConsensusService rules at consensus and the signature check behind them: key lists, threshold keys,
 * ECDSA keys, malformed keys and signatures, topic update and delete permissions, chunk validation.
 * Driven against a ConsensusNode with bodies the SDK would not build.
 */
import { appendFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PrivateKey } from '@hashgraph/sdk';
import { describe, expect, it } from 'vitest';
import { ConsensusNode } from '../../../ledger/local-network/consensus-node.ts';
import { EVENT_LOG_FILE, fileEventLog } from '../../../ledger/local-network/event-log.ts';
import { account, directNode, genesis, key32, keyOf, mangledSignatures } from './direct-node.ts';

const { node, run, signed, query, payment } = directNode();
const RENEW = { seconds: 7_776_000 };
const ed = () => PrivateKey.generateED25519();
const ecdsa = () => PrivateKey.generateECDSA();
const topicId = (num: bigint | undefined) => ({ topicNum: Number(num) });

function newTopic(op: Record<string, unknown> = {}, signers = [genesis]) {
  const { status, num } = run({ consensusCreateTopic: { autoRenewPeriod: RENEW, ...op } }, { signers });
  expect(status).toBe('SUCCESS');
  return num!;
}
function newAccount(key: PrivateKey, initialBalance = 0) {
  const { status, num } = run({
    cryptoCreateAccount: { key: keyOf(key), autoRenewPeriod: RENEW, initialBalance },
  });
  expect(status).toBe('SUCCESS');
  return num!;
}
const submit = (topic: bigint, signers: PrivateKey[], op: Record<string, unknown> = {}) =>
  run({ consensusSubmitMessage: { topicID: topicId(topic), message: Buffer.from('m'), ...op } }, { signers })
    .status;
const update = (topic: bigint, op: Record<string, unknown>, signers = [genesis]) =>
  run({ consensusUpdateTopic: { topicID: topicId(topic), ...op } }, { signers }).status;

describe('signature check', () => {
  it('takes a threshold key as satisfied by any threshold of its keys, and not by fewer', () => {
    const [a, b, c] = [ed(), ed(), ecdsa()];
    const topic = newTopic({
      submitKey: { thresholdKey: { threshold: 2, keys: { keys: [keyOf(a), keyOf(b), keyOf(c)] } } },
    });
    expect(submit(topic, [genesis, a])).toBe('INVALID_SIGNATURE');
    expect(submit(topic, [genesis, a, c])).toBe('SUCCESS');
    expect(submit(topic, [genesis, b, c])).toBe('SUCCESS');
  });

  it('takes a key list as satisfied only when every key signed, ECDSA secp256k1 keys included', () => {
    const [a, b] = [ed(), ecdsa()];
    const topic = newTopic({ submitKey: { keyList: { keys: [keyOf(a), keyOf(b)] } } });
    expect(submit(topic, [genesis, a])).toBe('INVALID_SIGNATURE');
    expect(submit(topic, [genesis, b])).toBe('INVALID_SIGNATURE');
    expect(submit(topic, [genesis, a, b])).toBe('SUCCESS');
  });

  it('refuses signatures of the wrong length or that do not decode, whatever their prefix', () => {
    const [a, b] = [ed(), ecdsa()];
    const topic = newTopic({ submitKey: { keyList: { keys: [keyOf(a), keyOf(b)] } } });
    // Signed by the right keys, then one signature mangled in the signed transaction.
    const mangled = (edit: Parameters<typeof mangledSignatures>[1]) => {
      const bytes = signed(
        { consensusSubmitMessage: { topicID: topicId(topic), message: Buffer.from('m') } },
        { signers: [genesis, a, b] },
      );
      const result = node.submit(mangledSignatures(bytes, edit));
      return result.precheck === 'OK' ? result.record.status : result.precheck;
    };
    expect(mangled(() => {})).toBe('SUCCESS');
    expect(
      mangled((pairs) => {
        pairs[1]!.ed25519 = pairs[1]!.ed25519!.subarray(0, 63);
      }),
    ).toBe('INVALID_SIGNATURE');
    expect(
      mangled((pairs) => {
        pairs[2]!.ECDSASecp256k1 = new Uint8Array(3);
      }),
    ).toBe('INVALID_SIGNATURE');
  });

  it.each([
    ['an empty key list', { keyList: { keys: [] } }],
    ['a threshold above its number of keys', { thresholdKey: { threshold: 2, keys: { keys: [key32()] } } }],
    ['a threshold of zero', { thresholdKey: { threshold: 0, keys: { keys: [key32()] } } }],
    [
      'a 31-byte Ed25519 key inside a list',
      { keyList: { keys: [key32(), { ed25519: new Uint8Array(31) }] } },
    ],
    ['a 32-byte (uncompressed-looking) ECDSA key', { ECDSASecp256k1: new Uint8Array(32) }],
    ['a key of no known kind', { contractID: { contractNum: 5 } }],
    ['a key nested deeper than Hedera allows', nested(17)],
  ])('refuses a submit key that is %s (BAD_ENCODING)', (_name, submitKey) => {
    expect(run({ consensusCreateTopic: { autoRenewPeriod: RENEW, submitKey } }).status).toBe('BAD_ENCODING');
  });

  it('accepts a key nested within the depth limit', () => {
    const k = ed();
    const topic = newTopic({ submitKey: nested(14, keyOf(k)) });
    expect(submit(topic, [genesis])).toBe('INVALID_SIGNATURE');
    expect(submit(topic, [genesis, k])).toBe('SUCCESS');
  });
});

describe('topic creation', () => {
  it('refuses a topic memo over 100 bytes and an auto-renew period out of range', () => {
    expect(run({ consensusCreateTopic: { autoRenewPeriod: RENEW, memo: 'é'.repeat(51) } }).status).toBe(
      'MEMO_TOO_LONG',
    );
    expect(run({ consensusCreateTopic: { autoRenewPeriod: { seconds: 3600 } } }).status).toBe(
      'AUTORENEW_DURATION_NOT_IN_RANGE',
    );
  });

  it('requires an auto-renew account to exist and to sign, and reports it in the topic info', () => {
    const owner = ed();
    const renewer = newAccount(owner);
    expect(
      run({ consensusCreateTopic: { autoRenewPeriod: RENEW, autoRenewAccount: account(9999) } }).status,
    ).toBe('INVALID_AUTORENEW_ACCOUNT');
    expect(
      run({ consensusCreateTopic: { autoRenewPeriod: RENEW, autoRenewAccount: account(renewer) } }).status,
    ).toBe('INVALID_SIGNATURE');
    const topic = newTopic({ autoRenewAccount: account(renewer) }, [genesis, owner]);
    const info = query({
      consensusGetTopicInfo: { topicID: topicId(topic), header: { payment: payment() } },
    });
    expect(info.status).toBe('OK');
    expect(
      Number(
        (info.answer.topicInfo as { autoRenewAccount: { accountNum: number } }).autoRenewAccount.accountNum,
      ),
    ).toBe(Number(renewer));
  });
});

describe('topic update and delete', () => {
  it('answers INVALID_TOPIC_ID for a topic that does not exist or was deleted', () => {
    expect(update(999_999n, { memo: { value: 'x' } })).toBe('INVALID_TOPIC_ID');
    expect(run({ consensusDeleteTopic: { topicID: topicId(999_999n) } }).status).toBe('INVALID_TOPIC_ID');
  });

  it('lets anyone extend the expiry of a topic without an admin key, but nothing else and never shorten it', () => {
    const topic = newTopic();
    const expiry = node.state.topics.get(topic)!.expirationNs;
    const seconds = Number(expiry / 1_000_000_000n);
    expect(update(topic, { memo: { value: 'mine now' } })).toBe('UNAUTHORIZED');
    expect(update(topic, { expirationTime: { seconds: seconds - 10 } })).toBe(
      'EXPIRATION_REDUCTION_NOT_ALLOWED',
    );
    expect(update(topic, { expirationTime: { seconds: seconds + 86_400 } })).toBe('SUCCESS');
    expect(node.state.topics.get(topic)!.expirationNs).toBe(BigInt(seconds + 86_400) * 1_000_000_000n);
  });

  it('checks every field of an admin-signed update before changing anything', () => {
    const admin = ed();
    const topic = newTopic({ adminKey: keyOf(admin) }, [genesis, admin]);
    const as = [genesis, admin];
    const newAdmin = ed();
    expect(update(topic, { memo: { value: 'x' } })).toBe('INVALID_SIGNATURE');
    expect(update(topic, { memo: { value: 'x'.repeat(101) } }, as)).toBe('MEMO_TOO_LONG');
    expect(update(topic, { adminKey: { ed25519: new Uint8Array(7) } }, as)).toBe('BAD_ENCODING');
    expect(update(topic, { adminKey: keyOf(newAdmin) }, as)).toBe('INVALID_SIGNATURE');
    expect(update(topic, { submitKey: { ECDSASecp256k1: new Uint8Array(9) } }, as)).toBe('BAD_ENCODING');
    expect(update(topic, { autoRenewPeriod: { seconds: 60 } }, as)).toBe('AUTORENEW_DURATION_NOT_IN_RANGE');
    expect(update(topic, { autoRenewAccount: account(424_242) }, as)).toBe('INVALID_AUTORENEW_ACCOUNT');
    const renewKey = ed();
    const renewer = newAccount(renewKey);
    expect(update(topic, { autoRenewAccount: account(renewer) }, as)).toBe('INVALID_SIGNATURE');
    expect(node.state.topics.get(topic)).toMatchObject({ memo: '', autoRenewPeriodS: 7_776_000n });

    expect(
      update(
        topic,
        {
          adminKey: keyOf(newAdmin),
          submitKey: key32(),
          autoRenewPeriod: { seconds: 8_000_000 },
          autoRenewAccount: account(renewer),
        },
        [genesis, admin, newAdmin, renewKey],
      ),
    ).toBe('SUCCESS');
    expect(node.state.topics.get(topic)).toMatchObject({
      autoRenewPeriodS: 8_000_000n,
      autoRenewAccount: renewer,
    });
    // Account 0.0.0 removes the auto-renew account; an empty key list clears a key, as on Hedera.
    const clear = {
      autoRenewAccount: account(0),
      submitKey: { keyList: { keys: [] } },
      adminKey: { keyList: { keys: [] } },
    };
    expect(update(topic, clear, [genesis, newAdmin])).toBe('SUCCESS');
    const cleared = node.state.topics.get(topic)!;
    expect([cleared.autoRenewAccount, cleared.submitKey, cleared.adminKey]).toEqual([
      undefined,
      undefined,
      undefined,
    ]);
    expect(update(topic, { memo: { value: 'now immutable' } }, [genesis, newAdmin])).toBe('UNAUTHORIZED');
  });

  it('deletes a topic only with its admin key signature', () => {
    const admin = ed();
    const topic = newTopic({ adminKey: keyOf(admin) }, [genesis, admin]);
    expect(run({ consensusDeleteTopic: { topicID: topicId(topic) } }).status).toBe('INVALID_SIGNATURE');
    expect(
      run({ consensusDeleteTopic: { topicID: topicId(topic) } }, { signers: [genesis, admin] }).status,
    ).toBe('SUCCESS');
    expect(
      query({ consensusGetTopicInfo: { topicID: topicId(topic), header: { payment: payment() } } }).status,
    ).toBe('INVALID_TOPIC_ID');
  });
});

describe('message submission', () => {
  const chunk = (info: Record<string, unknown>) => ({ chunkInfo: info });
  const me = (validStart?: { seconds: number; nanos: number }) => ({
    accountID: account(2),
    transactionValidStart: validStart ?? { seconds: 1, nanos: 0 },
  });

  it('refuses a message over 1024 bytes, which the client must chunk', () => {
    const topic = newTopic();
    expect(submit(topic, [genesis], { message: Buffer.alloc(1025, 1) })).toBe('MESSAGE_SIZE_TOO_LARGE');
    expect(submit(topic, [genesis], { message: Buffer.alloc(1024, 1) })).toBe('SUCCESS');
  });

  it.each([
    ['number 0', { number: 0, total: 2, initialTransactionID: me() }, 'INVALID_CHUNK_NUMBER'],
    ['a number above the total', { number: 3, total: 2, initialTransactionID: me() }, 'INVALID_CHUNK_NUMBER'],
    ['no initial transaction id', { number: 2, total: 2 }, 'INVALID_CHUNK_TRANSACTION_ID'],
    [
      'an initial transaction of another payer',
      { number: 2, total: 2, initialTransactionID: { ...me(), accountID: account(50) } },
      'INVALID_CHUNK_TRANSACTION_ID',
    ],
    [
      'a first chunk whose initial id is not its own',
      { number: 1, total: 2, initialTransactionID: me() },
      'INVALID_CHUNK_TRANSACTION_ID',
    ],
    [
      'a later chunk of a known initial transaction',
      { number: 2, total: 2, initialTransactionID: me() },
      'SUCCESS',
    ],
  ])('answers %s with its status', (_name, info, status) => {
    const topic = newTopic();
    expect(submit(topic, [genesis], chunk(info))).toBe(status);
  });

  it('answers INVALID_TOPIC_ID for a message to a topic that does not exist', () => {
    expect(submit(987_654n, [genesis])).toBe('INVALID_TOPIC_ID');
  });
});

describe('ingest prechecks', () => {
  const message = () => ({
    consensusSubmitMessage: { topicID: topicId(newTopic()), message: Buffer.from('m') },
  });
  it.each([
    ['another node account', { extra: { nodeAccountID: account(4) } }, 'INVALID_NODE_ACCOUNT'],
    ['a zero byte in the memo', { extra: { memo: 'a\u0000b' } }, 'INVALID_ZERO_BYTE_IN_STRING'],
    [
      'a valid duration over 180 s',
      { extra: { transactionValidDuration: { seconds: 181 } } },
      'INVALID_TRANSACTION_DURATION',
    ],
    [
      'a valid duration under 15 s',
      { extra: { transactionValidDuration: { seconds: 14 } } },
      'INVALID_TRANSACTION_DURATION',
    ],
    ['a payer that does not exist', { payer: 31_337 }, 'PAYER_ACCOUNT_NOT_FOUND'],
    ['a maximum fee under the fee', { extra: { transactionFee: 1 } }, 'INSUFFICIENT_TX_FEE'],
  ])('refuses a transaction with %s, charging nothing', (_name, options, status) => {
    const body = message();
    const balance = node.state.accounts.get(2n)!.balance;
    expect(run(body, options).status).toBe(status);
    expect(node.state.accounts.get(2n)!.balance).toBe(balance);
  });

  it('refuses to start from an event log holding bytes that are no transaction', () => {
    const dir = mkdtempSync(join(tmpdir(), 'mrv-events-'));
    try {
      appendFileSync(
        join(dir, EVENT_LOG_FILE),
        `${JSON.stringify({ c: '1', t: Buffer.from('not a tx').toString('base64') })}\n`,
      );
      expect(
        () =>
          new ConsensusNode({
            nodeAccount: 3n,
            genesisKey: keyOf(genesis),
            nowNs: () => 0n,
            log: fileEventLog(dir),
          }),
      ).toThrow(/undecodable transaction/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

/** A key list nested `depth` levels around a key. */
function nested(depth: number, inner: Record<string, unknown> = key32()): Record<string, unknown> {
  let key = inner;
  for (let i = 0; i < depth; i++) key = { keyList: { keys: [key] } };
  return key;
}
