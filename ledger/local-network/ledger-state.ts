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
  /** token num → balance; presence means "associated". */
  tokens: Map<bigint, bigint>;
  memo: string;
  receiverSigRequired: boolean;
  maxAutoAssociations: number;
  createdNs: bigint;
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
  memo: string;
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
  receipt: ReceiptFields;
}

export const GENESIS_ACCOUNT = 2n;
export const FEE_COLLECTION_ACCOUNT = 98n;
export const FIRST_USER_ENTITY = 1001n;
/** 50 billion hbar, the whole supply, in tinybar. */
export const TOTAL_SUPPLY_TINYBAR = 50_000_000_000n * 100_000_000n;
export const MAX_INT64 = (1n << 63n) - 1n;

export function txKey(payer: bigint, validStartNs: bigint, nonce = 0, scheduled = false): string {
  return `${payer}@${validStartNs}${nonce ? `#${nonce}` : ''}${scheduled ? '?s' : ''}`;
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
        memo: '',
        receiverSigRequired: false,
        maxAutoAssociations: 0,
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

  appendMessage(message: TopicMessage): void {
    let list = this.messages.get(message.topicNum);
    if (!list) {
      list = [];
      this.messages.set(message.topicNum, list);
    }
    list.push(message);
  }
}
