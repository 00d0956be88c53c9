/**
 * The network's world state: accounts, topics, tokens, topic messages and transaction records.
 * It is rebuilt at start by replaying the consensus event log (see event-log.ts), so nothing here is
 * written to disk directly.
 */
import type { HieroProto, StatusName } from './proto.ts';

export type Key = HieroProto.proto.IKey;

export interface Account {
  num: bigint;
  key: Key;
  balance: bigint;
  /** token num → balance; presence means "associated" (its statuses are in `relations`). */
  tokens: Map<bigint, bigint>;
  relations: Map<bigint, TokenRelation>;
  memo: string;
  receiverSigRequired: boolean;
  /** -1 = unlimited, 0 = none, n = up to n automatic associations. */
  maxAutoAssociations: number;
  usedAutoAssociations: number;
  autoRenewPeriodS: bigint;
  createdNs: bigint;
}

/** An account's relationship with a token. Freeze and KYC are `null` when the token has no such key. */
export interface TokenRelation {
  frozen: boolean | null;
  kycGranted: boolean | null;
  automatic: boolean;
}

export interface Topic {
  num: bigint;
  memo: string;
  adminKey?: Key;
  submitKey?: Key;
  autoRenewAccount?: bigint;
  autoRenewPeriodS: bigint;
  expirationNs: bigint;
  sequenceNumber: bigint;
  runningHash: Buffer;
  deleted: boolean;
  createdNs: bigint;
}

export interface Token {
  num: bigint;
  name: string;
  symbol: string;
  decimals: number;
  initialSupply: bigint;
  totalSupply: bigint;
  maxSupply: bigint;
  supplyType: 'INFINITE' | 'FINITE';
  treasury: bigint;
  adminKey?: Key;
  supplyKey?: Key;
  kycKey?: Key;
  freezeKey?: Key;
  wipeKey?: Key;
  pauseKey?: Key;
  feeScheduleKey?: Key;
  metadataKey?: Key;
  freezeDefault: boolean;
  autoRenewAccount?: bigint;
  /** Absent when the token was created with an explicit expiry and no period. */
  autoRenewPeriodS?: bigint;
  expiryNs: bigint;
  metadata: Buffer;
  memo: string;
  deleted: boolean;
  createdNs: bigint;
  modifiedNs: bigint;
}

export interface ChunkInfo {
  number: number;
  total: number;
  initialPayer: bigint;
  initialValidStartNs: bigint;
  initialNonce: number;
  initialScheduled: boolean;
}

export interface TopicMessage {
  topicNum: bigint;
  sequenceNumber: bigint;
  consensusNs: bigint;
  message: Buffer;
  runningHash: Buffer;
  payer: bigint;
  validStartNs: bigint;
  chunk?: ChunkInfo;
}

export interface Transfer {
  account: bigint;
  amount: bigint;
}
export interface TokenTransfer extends Transfer {
  token: bigint;
}

export interface ReceiptFields {
  accountNum?: bigint;
  topicNum?: bigint;
  tokenNum?: bigint;
  topicSequenceNumber?: bigint;
  topicRunningHash?: Buffer;
  newTotalSupply?: bigint;
}

/** One transaction that reached consensus, successful or not. */
export interface TxRecord {
  consensusNs: bigint;
  payer: bigint;
  validStartNs: bigint;
  nonce: number;
  scheduled: boolean;
  /** Mirror-node transaction type name, e.g. CONSENSUSSUBMITMESSAGE. */
  name: string;
  status: StatusName;
  fee: bigint;
  maxFee: bigint;
  memo: string;
  validDurationS: bigint;
  node: bigint;
  transactionHash: Buffer;
  entityNum?: bigint;
  transfers: Transfer[];
  tokenTransfers: TokenTransfer[];
  /** Associations made automatically by this transaction (token, account). */
  automaticAssociations: { token: bigint; account: bigint }[];
  receipt: ReceiptFields;
}

export const GENESIS_ACCOUNT = 2n;
export const FEE_COLLECTION_ACCOUNT = 98n;
export const FIRST_USER_ENTITY = 1001n;
/** 50 billion hbar, the whole supply, in tinybar. */
export const TOTAL_SUPPLY_TINYBAR = 50_000_000_000n * 100_000_000n;
export const MAX_INT64 = (1n << 63n) - 1n;
/** The SDK's default auto-renew period (90 days), also that of the genesis accounts. */
export const DEFAULT_AUTO_RENEW_S = 7_776_000n;

export function txKey(payer: bigint, validStartNs: bigint, nonce = 0, scheduled = false): string {
  return `${payer}@${validStartNs}${nonce ? `#${nonce}` : ''}${scheduled ? '?s' : ''}`;
}

/** A new relationship: the treasury is unfrozen and KYC-granted; others get the token's defaults. */
export function newRelation(account: Account, token: Token, automatic: boolean): TokenRelation {
  const isTreasury = token.treasury === account.num;
  return {
    frozen: token.freezeKey ? token.freezeDefault && !isTreasury : null,
    kycGranted: token.kycKey ? isTreasury : null,
    automatic,
  };
}

export class LedgerState {
  readonly accounts = new Map<bigint, Account>();
  readonly topics = new Map<bigint, Topic>();
  readonly tokens = new Map<bigint, Token>();
  /** Messages per topic, in sequence order (index = sequenceNumber - 1). */
  readonly messages = new Map<bigint, TopicMessage[]>();
  /** Every record in consensus order (what the mirror node serves). */
  readonly records: TxRecord[] = [];
  readonly recordsByTxKey = new Map<string, TxRecord>();
  nextEntityNum = FIRST_USER_ENTITY;
  lastConsensusNs = 0n;

  constructor(genesisKey: Key, nodeAccount: bigint) {
    const genesis = (num: bigint, key: Key, balance: bigint) =>
      this.accounts.set(num, {
        num,
        key,
        balance,
        tokens: new Map(),
        relations: new Map(),
        memo: '',
        receiverSigRequired: false,
        maxAutoAssociations: 0,
        usedAutoAssociations: 0,
        autoRenewPeriodS: DEFAULT_AUTO_RENEW_S,
        createdNs: 0n,
      });
    genesis(GENESIS_ACCOUNT, genesisKey, TOTAL_SUPPLY_TINYBAR);
    genesis(nodeAccount, genesisKey, 0n);
    genesis(FEE_COLLECTION_ACCOUNT, genesisKey, 0n);
  }

  allocateEntityNum(): bigint {
    const num = this.nextEntityNum;
    this.nextEntityNum += 1n;
    return num;
  }

  addRecord(record: TxRecord): void {
    this.records.push(record);
    this.recordsByTxKey.set(txKey(record.payer, record.validStartNs, record.nonce, record.scheduled), record);
  }

  /** Associates `account` with `token`, with the statuses Hedera gives a new relationship. */
  associate(account: Account, token: Token, automatic: boolean): void {
    account.tokens.set(token.num, 0n);
    account.relations.set(token.num, newRelation(account, token, automatic));
    if (automatic) account.usedAutoAssociations += 1;
  }

  appendMessage(message: TopicMessage): void {
    let list = this.messages.get(message.topicNum);
    if (!list) {
      list = [];
      this.messages.set(message.topicNum, list);
    }
    list.push(message);
  }
}
