/** ConsensusService transactions: createTopic, updateTopic, deleteTopic, submitMessage. */
import { accountNumOf, REALM, SHARD, timestampNs, toBig, topicNumOf } from './entity-id.ts';
import { fail, type HandleContext, MAX_MEMO_BYTES, type Outcome, utf8Length } from './handle-context.ts';
import type { ChunkInfo, Topic } from './ledger-state.ts';
import { nextRunningHash, RUNNING_HASH_BYTES } from './running-hash.ts';
import { isValidKey } from './signature-check.ts';

/** Hedera's per-message limit; larger payloads must be chunked by the client. */
export const MAX_MESSAGE_BYTES = 1024;
const MIN_AUTO_RENEW_S = 6_999_999n;
const MAX_AUTO_RENEW_S = 8_000_001n;
const NS = 1_000_000_000n;

export function createTopic(ctx: HandleContext): Outcome {
  const op = ctx.tx.body.consensusCreateTopic!;
  const memo = op.memo ?? '';
  // Key shapes were refused at precheck (precheck-body.ts).
  if (utf8Length(memo) > MAX_MEMO_BYTES) return fail('MEMO_TOO_LONG');
  const autoRenewPeriodS = toBig(op.autoRenewPeriod?.seconds);
  if (autoRenewPeriodS < MIN_AUTO_RENEW_S || autoRenewPeriodS > MAX_AUTO_RENEW_S) {
    return fail('AUTORENEW_DURATION_NOT_IN_RANGE');
  }
  const autoRenewAccount = op.autoRenewAccount ? accountNumOf(op.autoRenewAccount) : undefined;
  if (op.autoRenewAccount) {
    const account = autoRenewAccount === undefined ? undefined : ctx.state.accounts.get(autoRenewAccount);
    if (!account) return fail('INVALID_AUTORENEW_ACCOUNT');
    if (!ctx.sigs.satisfies(account.key)) return fail('INVALID_SIGNATURE');
  }
  if (op.adminKey && !ctx.sigs.satisfies(op.adminKey)) return fail('INVALID_SIGNATURE');
  const num = ctx.state.allocateEntityNum();
  const topic: Topic = {
    num,
    memo,
    autoRenewPeriodS,
    expirationNs: ctx.consensusNs + autoRenewPeriodS * NS,
    sequenceNumber: 0n,
    runningHash: Buffer.alloc(RUNNING_HASH_BYTES),
    deleted: false,
    createdNs: ctx.consensusNs,
  };
  if (op.adminKey) topic.adminKey = op.adminKey;
  if (op.submitKey) topic.submitKey = op.submitKey;
  if (autoRenewAccount !== undefined) topic.autoRenewAccount = autoRenewAccount;
  ctx.state.topics.set(num, topic);
  return { status: 'SUCCESS', entityNum: num, receipt: { topicNum: num } };
}

function liveTopic(ctx: HandleContext, id: Parameters<typeof topicNumOf>[0]): Topic | undefined {
  const num = topicNumOf(id);
  const topic = num === undefined ? undefined : ctx.state.topics.get(num);
  return topic && !topic.deleted ? topic : undefined;
}

export function updateTopic(ctx: HandleContext): Outcome {
  const op = ctx.tx.body.consensusUpdateTopic!;
  const topic = liveTopic(ctx, op.topicID);
  if (!topic) return fail('INVALID_TOPIC_ID');
  const onlyExtendsExpiry =
    !op.memo && !op.adminKey && !op.submitKey && !op.autoRenewPeriod && !op.autoRenewAccount;
  if (!onlyExtendsExpiry) {
    if (!topic.adminKey) return fail('UNAUTHORIZED', topic.num);
    if (!ctx.sigs.satisfies(topic.adminKey)) return fail('INVALID_SIGNATURE', topic.num);
  }
  if (op.memo && utf8Length(op.memo.value ?? '') > MAX_MEMO_BYTES) return fail('MEMO_TOO_LONG', topic.num);
  // An empty KeyList clears a key, as on Hedera.
  const isEmptyList = (k: typeof op.adminKey) => !!k?.keyList && (k.keyList.keys ?? []).length === 0;
  if (op.adminKey && !isEmptyList(op.adminKey)) {
    if (!isValidKey(op.adminKey)) return fail('BAD_ENCODING', topic.num);
    if (!ctx.sigs.satisfies(op.adminKey)) return fail('INVALID_SIGNATURE', topic.num);
  }
  if (op.submitKey && !isEmptyList(op.submitKey) && !isValidKey(op.submitKey)) {
    return fail('BAD_ENCODING', topic.num);
  }
  let autoRenewPeriodS = topic.autoRenewPeriodS;
  if (op.autoRenewPeriod) {
    autoRenewPeriodS = toBig(op.autoRenewPeriod.seconds);
    if (autoRenewPeriodS < MIN_AUTO_RENEW_S || autoRenewPeriodS > MAX_AUTO_RENEW_S) {
      return fail('AUTORENEW_DURATION_NOT_IN_RANGE', topic.num);
    }
  }
  let expirationNs = topic.expirationNs;
  if (op.expirationTime) {
    expirationNs = timestampNs(op.expirationTime);
    if (expirationNs < topic.expirationNs) return fail('EXPIRATION_REDUCTION_NOT_ALLOWED', topic.num);
  }
  let autoRenewAccount = topic.autoRenewAccount;
  if (op.autoRenewAccount) {
    const num = accountNumOf(op.autoRenewAccount);
    if (num === 0n) autoRenewAccount = undefined;
    else {
      const account = num === undefined ? undefined : ctx.state.accounts.get(num);
      if (!account) return fail('INVALID_AUTORENEW_ACCOUNT', topic.num);
      if (!ctx.sigs.satisfies(account.key)) return fail('INVALID_SIGNATURE', topic.num);
      autoRenewAccount = num;
    }
  }
  if (op.memo) topic.memo = op.memo.value ?? '';
  if (op.adminKey) topic.adminKey = isEmptyList(op.adminKey) ? undefined : op.adminKey;
  if (op.submitKey) topic.submitKey = isEmptyList(op.submitKey) ? undefined : op.submitKey;
  topic.autoRenewPeriodS = autoRenewPeriodS;
  topic.expirationNs = expirationNs;
  topic.autoRenewAccount = autoRenewAccount;
  return { status: 'SUCCESS', entityNum: topic.num, receipt: { topicNum: topic.num } };
}

export function deleteTopic(ctx: HandleContext): Outcome {
  const topic = liveTopic(ctx, ctx.tx.body.consensusDeleteTopic!.topicID);
  if (!topic) return fail('INVALID_TOPIC_ID');
  if (!topic.adminKey) return fail('UNAUTHORIZED', topic.num);
  if (!ctx.sigs.satisfies(topic.adminKey)) return fail('INVALID_SIGNATURE', topic.num);
  topic.deleted = true;
  return { status: 'SUCCESS', entityNum: topic.num, receipt: { topicNum: topic.num } };
}

function chunkInfoOf(
  ctx: HandleContext,
): ChunkInfo | 'INVALID_CHUNK_NUMBER' | 'INVALID_CHUNK_TRANSACTION_ID' | undefined {
  const info = ctx.tx.body.consensusSubmitMessage!.chunkInfo;
  if (!info) return undefined;
  const number = info.number ?? 0;
  const total = info.total ?? 0;
  if (number < 1 || total < 1 || number > total) return 'INVALID_CHUNK_NUMBER';
  const initial = info.initialTransactionID;
  const initialPayer = accountNumOf(initial?.accountID);
  if (!initial || initialPayer === undefined || initialPayer !== ctx.tx.payer)
    return 'INVALID_CHUNK_TRANSACTION_ID';
  const initialValidStartNs = timestampNs(initial.transactionValidStart);
  if (number === 1 && initialValidStartNs !== ctx.tx.validStartNs) return 'INVALID_CHUNK_TRANSACTION_ID';
  return {
    number,
    total,
    initialPayer,
    initialValidStartNs,
    initialNonce: initial.nonce ?? 0,
    initialScheduled: initial.scheduled ?? false,
  };
}

export function submitMessage(ctx: HandleContext): Outcome {
  const op = ctx.tx.body.consensusSubmitMessage!;
  const topic = liveTopic(ctx, op.topicID);
  if (!topic) return fail('INVALID_TOPIC_ID');
  // An empty message was refused at precheck (precheck-body.ts).
  const message = Buffer.from(op.message ?? new Uint8Array());
  if (message.length > MAX_MESSAGE_BYTES) return fail('MESSAGE_SIZE_TOO_LARGE', topic.num);
  const chunk = chunkInfoOf(ctx);
  if (typeof chunk === 'string') return fail(chunk, topic.num);
  if (topic.submitKey && !ctx.sigs.satisfies(topic.submitKey)) return fail('INVALID_SIGNATURE', topic.num);
  const sequenceNumber = topic.sequenceNumber + 1n;
  const runningHash = nextRunningHash({
    previousRunningHash: topic.runningHash,
    payer: { shard: SHARD, realm: REALM, num: ctx.tx.payer },
    topic: { shard: SHARD, realm: REALM, num: topic.num },
    consensusSeconds: ctx.consensusNs / NS,
    consensusNanos: Number(ctx.consensusNs % NS),
    sequenceNumber,
    message,
  });
  topic.sequenceNumber = sequenceNumber;
  topic.runningHash = runningHash;
  ctx.state.appendMessage({
    topicNum: topic.num,
    sequenceNumber,
    consensusNs: ctx.consensusNs,
    message,
    runningHash,
    payer: ctx.tx.payer,
    validStartNs: ctx.tx.validStartNs,
    ...(chunk ? { chunk } : {}),
  });
  return {
    status: 'SUCCESS',
    entityNum: topic.num,
    receipt: { topicSequenceNumber: sequenceNumber, topicRunningHash: runningHash },
  };
}
