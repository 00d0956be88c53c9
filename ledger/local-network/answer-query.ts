/**
 * Node queries: receipts and balances (free), topic info, records, account and token info (paid with a
 * CryptoTransfer to the node, which goes through consensus like any transaction, as on Hedera).
 */
import { type ConsensusNode, RECEIPT_TTL_NS } from './consensus-node.ts';
import { decodeTransaction } from './decode-transaction.ts';
import {
  accountIdProto,
  accountNumOf,
  int64,
  timestampNs,
  timestampProto,
  toBig,
  tokenIdProto,
  tokenNumOf,
  topicIdProto,
  topicNumOf,
} from './entity-id.ts';
import { PAID_QUERY_COST } from './fee-schedule.ts';
import { type Account, type LedgerState, type Token, txKey } from './ledger-state.ts';
import { type HieroProto, proto, type StatusName } from './proto.ts';
import { receiptProto, recordProto } from './record-proto.ts';
import { responseFieldOf, SIMULATED_QUERIES } from './simulation-table.ts';

type Query = HieroProto.proto.Query;
type Header = HieroProto.proto.IResponseHeader;
type Answer = { status: StatusName; body?: Record<string, unknown> };

/** Queries whose COST_ANSWER already validates the entity, as Hedera does (a deleted topic has no price). */
const ENTITY_QUERIES = new Set([
  'cryptogetAccountBalance',
  'cryptoGetInfo',
  'cryptoGetAccountRecords',
  'consensusGetTopicInfo',
  'tokenGetInfo',
]);
const LEDGER_ID = Buffer.from([0x03]); // the local node's ledger id
const NS = 1_000_000_000n;

/** Answers one Query. `forced` is an injected precheck fault (BUSY, PLATFORM_NOT_ACTIVE). */
export function answerQuery(node: ConsensusNode, bytes: Buffer, forced?: StatusName): Buffer {
  let query: Query;
  try {
    query = proto.Query.decode(bytes);
  } catch {
    return encode('transactionGetReceipt', {
      header: { nodeTransactionPrecheckCode: proto.ResponseCodeEnum.INVALID_TRANSACTION },
    });
  }
  const kind = query.query;
  if (!kind) {
    return encode('transactionGetReceipt', {
      header: { nodeTransactionPrecheckCode: proto.ResponseCodeEnum.INVALID_QUERY_HEADER },
    });
  }
  // Every kind answers in its own response field, so the SDK reads a NOT_SUPPORTED instead of crashing.
  const field = responseFieldOf(kind);
  const simulated = SIMULATED_QUERIES[kind];
  if (!simulated) {
    return encode(field, { header: { nodeTransactionPrecheckCode: proto.ResponseCodeEnum.NOT_SUPPORTED } });
  }
  const inner = (query as unknown as Record<string, { header?: HieroProto.proto.IQueryHeader }>)[kind]!;
  const responseType = inner.header?.responseType ?? proto.ResponseType.ANSWER_ONLY;
  const cost = simulated.free ? 0n : PAID_QUERY_COST;
  const header = (status: StatusName): Header => ({
    nodeTransactionPrecheckCode: proto.ResponseCodeEnum[status],
    responseType,
    cost: int64(cost),
  });
  if (forced) return encode(field, { header: header(forced) });
  if (responseType === proto.ResponseType.COST_ANSWER) {
    const status = ENTITY_QUERIES.has(kind) ? answerKind(node, query, kind).status : 'OK';
    return encode(field, { header: header(status) });
  }
  if (responseType !== proto.ResponseType.ANSWER_ONLY)
    return encode(field, { header: header('NOT_SUPPORTED') });
  if (cost > 0n) {
    const paid = payForQuery(node, inner.header?.payment, cost);
    if (paid !== 'OK') return encode(field, { header: header(paid) });
  }
  const answer = answerKind(node, query, kind);
  return encode(field, { header: header(answer.status), ...(answer.body ?? {}) });
}

function encode(field: string, value: Record<string, unknown>): Buffer {
  return Buffer.from(proto.Response.encode({ [field]: value } as HieroProto.proto.IResponse).finish());
}

function payForQuery(
  node: ConsensusNode,
  payment: HieroProto.proto.ITransaction | null | undefined,
  cost: bigint,
): StatusName {
  if (!payment) return 'INSUFFICIENT_TX_FEE';
  const bytes = Buffer.from(proto.Transaction.encode(payment).finish());
  const tx = decodeTransaction(bytes);
  if (typeof tx === 'string') return tx;
  if (tx.kind !== 'cryptoTransfer') return 'INSUFFICIENT_TX_FEE';
  const toNode = (tx.body.cryptoTransfer?.transfers?.accountAmounts ?? [])
    .filter((a) => accountNumOf(a.accountID) === node.nodeAccount)
    .reduce((sum, a) => sum + toBig(a.amount), 0n);
  if (toNode < cost) return 'INSUFFICIENT_TX_FEE';
  const result = node.submit(bytes);
  if (result.precheck !== 'OK') return result.precheck;
  if (result.record.status !== 'SUCCESS') {
    return result.record.status === 'INSUFFICIENT_ACCOUNT_BALANCE'
      ? 'INSUFFICIENT_PAYER_BALANCE'
      : result.record.status;
  }
  return 'OK';
}

function answerKind(node: ConsensusNode, query: Query, kind: string): Answer {
  const state = node.state;
  switch (kind) {
    case 'transactionGetReceipt':
    case 'transactionGetRecord': {
      const q = query.transactionGetReceipt ?? query.transactionGetRecord;
      const id = q?.transactionID;
      const payer = accountNumOf(id?.accountID);
      const missing = kind === 'transactionGetReceipt' ? 'RECEIPT_NOT_FOUND' : 'RECORD_NOT_FOUND';
      if (!id || payer === undefined) return { status: 'INVALID_TRANSACTION_ID' };
      const record = node.recentRecord(
        txKey(payer, timestampNs(id.transactionValidStart), id.nonce ?? 0, id.scheduled ?? false),
      );
      if (!record) return { status: missing };
      return kind === 'transactionGetReceipt'
        ? { status: 'OK', body: { receipt: receiptProto(record) } }
        : { status: 'OK', body: { transactionRecord: recordProto(record) } };
    }
    case 'cryptoGetAccountRecords': {
      const num = accountNumOf(query.cryptoGetAccountRecords?.accountID);
      if (num === undefined || !state.accounts.has(num)) return { status: 'INVALID_ACCOUNT_ID' };
      // Hedera answers the records the account paid for in the last 3 minutes (those the node still keeps).
      const since = node.nowNs() - RECEIPT_TTL_NS;
      const records = state.records.filter((r) => r.payer === num && r.consensusNs >= since);
      return { status: 'OK', body: { accountID: accountIdProto(num), records: records.map(recordProto) } };
    }
    case 'cryptogetAccountBalance':
    case 'cryptoGetInfo': {
      const q = query.cryptogetAccountBalance ?? query.cryptoGetInfo;
      const num = accountNumOf(q?.accountID);
      const account = num === undefined ? undefined : state.accounts.get(num);
      if (!account) return { status: 'INVALID_ACCOUNT_ID' };
      if (kind === 'cryptogetAccountBalance') {
        return {
          status: 'OK',
          body: {
            accountID: accountIdProto(account.num),
            balance: int64(account.balance),
            tokenBalances: [...account.tokens].map(([token, balance]) => ({
              tokenId: tokenIdProto(token),
              balance: int64(balance),
              decimals: state.tokens.get(token)?.decimals ?? 0,
            })),
          },
        };
      }
      return {
        status: 'OK',
        body: {
          accountInfo: {
            accountID: accountIdProto(account.num),
            contractAccountID: account.num.toString(16).padStart(40, '0'),
            key: account.key,
            balance: int64(account.balance),
            receiverSigRequired: account.receiverSigRequired,
            expirationTime: timestampProto(account.createdNs + account.autoRenewPeriodS * NS),
            autoRenewPeriod: { seconds: int64(account.autoRenewPeriodS) },
            tokenRelationships: tokenRelationships(state, account),
            memo: account.memo,
            maxAutomaticTokenAssociations: account.maxAutoAssociations,
            ledgerId: LEDGER_ID,
          },
        },
      };
    }
    case 'consensusGetTopicInfo': {
      const num = topicNumOf(query.consensusGetTopicInfo?.topicID);
      const topic = num === undefined ? undefined : state.topics.get(num);
      if (!topic || topic.deleted) return { status: 'INVALID_TOPIC_ID' };
      return {
        status: 'OK',
        body: {
          topicID: topicIdProto(topic.num),
          topicInfo: {
            memo: topic.memo,
            runningHash: topic.runningHash,
            sequenceNumber: int64(topic.sequenceNumber),
            expirationTime: timestampProto(topic.expirationNs),
            adminKey: topic.adminKey ?? null,
            submitKey: topic.submitKey ?? null,
            autoRenewPeriod: { seconds: int64(topic.autoRenewPeriodS) },
            autoRenewAccount:
              topic.autoRenewAccount === undefined ? null : accountIdProto(topic.autoRenewAccount),
            ledgerId: LEDGER_ID,
          },
        },
      };
    }
    case 'tokenGetInfo': {
      const num = tokenNumOf(query.tokenGetInfo?.token);
      const token = num === undefined ? undefined : state.tokens.get(num);
      if (!token) return { status: 'INVALID_TOKEN_ID' };
      return { status: 'OK', body: { tokenInfo: tokenInfo(token) } };
    }
    default:
      return { status: 'NOT_SUPPORTED' };
  }
}

const FREEZE = proto.TokenFreezeStatus;
const KYC = proto.TokenKycStatus;

function tokenRelationships(state: LedgerState, account: Account): HieroProto.proto.ITokenRelationship[] {
  return [...account.tokens].map(([num, balance]) => {
    const token = state.tokens.get(num)!;
    const relation = account.relations.get(num);
    const frozen = relation?.frozen ?? null;
    const kyc = relation?.kycGranted ?? null;
    return {
      tokenId: tokenIdProto(num),
      symbol: token.symbol,
      balance: int64(balance),
      kycStatus: kyc === null ? KYC.KycNotApplicable : kyc ? KYC.Granted : KYC.Revoked,
      freezeStatus: frozen === null ? FREEZE.FreezeNotApplicable : frozen ? FREEZE.Frozen : FREEZE.Unfrozen,
      decimals: token.decimals,
      automaticAssociation: relation?.automatic ?? false,
    };
  });
}

function tokenInfo(token: Token): HieroProto.proto.ITokenInfo {
  const key = (k: HieroProto.proto.IKey | undefined) => k ?? null;
  return {
    tokenId: tokenIdProto(token.num),
    name: token.name,
    symbol: token.symbol,
    decimals: token.decimals,
    totalSupply: int64(token.totalSupply),
    treasury: accountIdProto(token.treasury),
    adminKey: key(token.adminKey),
    kycKey: key(token.kycKey),
    freezeKey: key(token.freezeKey),
    wipeKey: key(token.wipeKey),
    supplyKey: key(token.supplyKey),
    feeScheduleKey: key(token.feeScheduleKey),
    pauseKey: key(token.pauseKey),
    metadataKey: key(token.metadataKey),
    defaultFreezeStatus: !token.freezeKey
      ? FREEZE.FreezeNotApplicable
      : token.freezeDefault
        ? FREEZE.Frozen
        : FREEZE.Unfrozen,
    defaultKycStatus: token.kycKey ? KYC.Revoked : KYC.KycNotApplicable,
    deleted: token.deleted,
    autoRenewAccount: token.autoRenewAccount === undefined ? null : accountIdProto(token.autoRenewAccount),
    autoRenewPeriod: token.autoRenewPeriodS === undefined ? null : { seconds: int64(token.autoRenewPeriodS) },
    expiry: timestampProto(token.expiryNs),
    memo: token.memo,
    tokenType: proto.TokenType.FUNGIBLE_COMMON,
    supplyType: token.supplyType === 'FINITE' ? proto.TokenSupplyType.FINITE : proto.TokenSupplyType.INFINITE,
    maxSupply: int64(token.maxSupply),
    customFees: [],
    pauseStatus: token.pauseKey ? proto.TokenPauseStatus.Unpaused : proto.TokenPauseStatus.PauseNotApplicable,
    metadata: token.metadata,
    ledgerId: LEDGER_ID,
  };
}
