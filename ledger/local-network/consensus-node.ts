/**
 * The consensus node: ingest prechecks (what a Hedera node answers synchronously) and consensus handling
 * (what later shows up in the receipt). Consensus happens immediately after a successful precheck, with a
 * strictly increasing timestamp; every consensus event is appended to the event log before state changes.
 */
import { type DecodedTransaction, decodeTransaction } from './decode-transaction.ts';
import { accountNumOf, toBig } from './entity-id.ts';
import type { EventLog } from './event-log.ts';
import { TRANSACTION_FEES } from './fee-schedule.ts';
import { createTopic, deleteTopic, submitMessage, updateTopic } from './handle-consensus.ts';
import { fail, type HandleContext, MAX_MEMO_BYTES, type Outcome, utf8Length } from './handle-context.ts';
import { createAccount, cryptoTransfer } from './handle-crypto.ts';
import { associateTokens, createToken, deleteToken, mintToken } from './handle-token.ts';
import {
  FEE_COLLECTION_ACCOUNT,
  type Key,
  LedgerState,
  type Transfer,
  type TxRecord,
  txKey,
} from './ledger-state.ts';
import { precheckBody } from './precheck-body.ts';
import type { StatusName } from './proto.ts';
import { SignatureCheck } from './signature-check.ts';
import { REFUSED_BODY_FIELDS, refusedFieldIn, SIMULATED_TRANSACTIONS } from './simulation-table.ts';

const HANDLERS: Readonly<Record<string, (ctx: HandleContext) => Outcome>> = {
  consensusCreateTopic: createTopic,
  consensusUpdateTopic: updateTopic,
  consensusDeleteTopic: deleteTopic,
  consensusSubmitMessage: submitMessage,
  cryptoCreateAccount: createAccount,
  cryptoTransfer,
  tokenCreation: createToken,
  tokenMint: mintToken,
  tokenAssociate: associateTokens,
  tokenDeletion: deleteToken,
};

const MIRROR_NAMES: Readonly<Record<string, string>> = {
  consensusCreateTopic: 'CONSENSUSCREATETOPIC',
  consensusUpdateTopic: 'CONSENSUSUPDATETOPIC',
  consensusDeleteTopic: 'CONSENSUSDELETETOPIC',
  consensusSubmitMessage: 'CONSENSUSSUBMITMESSAGE',
  cryptoCreateAccount: 'CRYPTOCREATEACCOUNT',
  cryptoTransfer: 'CRYPTOTRANSFER',
  tokenCreation: 'TOKENCREATION',
  tokenMint: 'TOKENMINT',
  tokenAssociate: 'TOKENASSOCIATE',
  tokenDeletion: 'TOKENDELETION',
};

/** Receipts (and node-side records) are kept this long after consensus, as on Hedera. */
export const RECEIPT_TTL_NS = 180n * 1_000_000_000n;
const MIN_VALID_DURATION_S = 15n;
const MAX_VALID_DURATION_S = 180n;
/** Hedera refuses at ingest a transaction that would expire within this buffer. */
const MIN_VALIDITY_BUFFER_NS = 10n * 1_000_000_000n;
const NS = 1_000_000_000n;

export type SubmitResult =
  | { precheck: Exclude<StatusName, 'OK'> }
  | { precheck: 'OK'; record: TxRecord; transaction: DecodedTransaction };

export interface ConsensusNodeOptions {
  nodeAccount: bigint;
  genesisKey: Key;
  /** The consensus clock, in nanoseconds since the epoch. */
  nowNs: () => bigint;
  log: EventLog;
}

export class ConsensusNode {
  readonly state: LedgerState;
  readonly nodeAccount: bigint;
  readonly #nowNs: () => bigint;
  readonly #log: EventLog;
  readonly #listeners = new Set<(record: TxRecord) => void>();

  constructor(options: ConsensusNodeOptions) {
    this.nodeAccount = options.nodeAccount;
    this.#nowNs = options.nowNs;
    this.#log = options.log;
    this.state = new LedgerState(options.genesisKey, options.nodeAccount);
    for (const event of this.#log.readAll()) {
      const tx = decodeTransaction(event.transactionBytes);
      if (typeof tx === 'string') throw new Error(`event log holds an undecodable transaction (${tx})`);
      this.#apply(tx, event.consensusNs, event.expired);
    }
  }

  nowNs(): bigint {
    return this.#nowNs();
  }

  /** Called after every consensus record (the mirror gRPC stream listens here). */
  onRecord(listener: (record: TxRecord) => void): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }

  /** Ingest checks, in the order a Hedera node runs them. */
  precheck(bytes: Buffer): DecodedTransaction | Exclude<StatusName, 'OK'> {
    const tx = decodeTransaction(bytes);
    if (typeof tx === 'string') return tx as Exclude<StatusName, 'OK'>;
    const body = tx.body;
    if (accountNumOf(body.nodeAccountID) !== this.nodeAccount) return 'INVALID_NODE_ACCOUNT';
    // What is not simulated is refused before anything else can look like success.
    const simulated = SIMULATED_TRANSACTIONS[tx.kind];
    if (!simulated) return 'NOT_SUPPORTED';
    const refused =
      refusedFieldIn(body, REFUSED_BODY_FIELDS) ??
      refusedFieldIn((body as unknown as Record<string, unknown>)[tx.kind], simulated.refused);
    if (refused) return refused.status as Exclude<StatusName, 'OK'>;
    if (utf8Length(body.memo ?? '') > MAX_MEMO_BYTES) return 'MEMO_TOO_LONG';
    if (body.memo?.includes('\0')) return 'INVALID_ZERO_BYTE_IN_STRING';
    const durationS = toBig(body.transactionValidDuration?.seconds);
    if (durationS < MIN_VALID_DURATION_S || durationS > MAX_VALID_DURATION_S)
      return 'INVALID_TRANSACTION_DURATION';
    const now = this.nowNs();
    if (tx.validStartNs > now) return 'INVALID_TRANSACTION_START';
    if (tx.validStartNs + durationS * NS - MIN_VALIDITY_BUFFER_NS <= now) return 'TRANSACTION_EXPIRED';
    if (this.state.recordsByTxKey.has(txKey(tx.payer, tx.validStartNs, tx.nonce, tx.scheduled))) {
      return 'DUPLICATE_TRANSACTION';
    }
    const payer = this.state.accounts.get(tx.payer);
    if (!payer) return 'PAYER_ACCOUNT_NOT_FOUND';
    const malformed = precheckBody(tx.kind, body);
    if (malformed) return malformed as Exclude<StatusName, 'OK'>;
    if (!new SignatureCheck(tx.bodyBytes, tx.sigPairs).satisfies(payer.key)) return 'INVALID_SIGNATURE';
    const fee = TRANSACTION_FEES[tx.kind];
    if (fee === undefined) return 'NOT_SUPPORTED';
    if (toBig(body.transactionFee) < fee) return 'INSUFFICIENT_TX_FEE';
    if (payer.balance < fee) return 'INSUFFICIENT_PAYER_BALANCE';
    return tx;
  }

  /** Precheck, then (when OK) consensus. `expire` simulates consensus arriving after the valid window. */
  submit(bytes: Buffer, options: { expire?: boolean } = {}): SubmitResult {
    const tx = this.precheck(bytes);
    if (typeof tx === 'string') return { precheck: tx };
    const now = this.nowNs();
    const consensusNs = now > this.state.lastConsensusNs ? now : this.state.lastConsensusNs + 1n;
    const expired = options.expire === true;
    this.#log.append({ consensusNs, transactionBytes: tx.transactionBytes, expired });
    const record = this.#apply(tx, consensusNs, expired);
    for (const listener of this.#listeners) listener(record);
    return { precheck: 'OK', record, transaction: tx };
  }

  /** The record for a transaction id while the node still keeps it (180 s after consensus). */
  recentRecord(key: string): TxRecord | undefined {
    const record = this.state.recordsByTxKey.get(key);
    if (!record || record.consensusNs + RECEIPT_TTL_NS < this.nowNs()) return undefined;
    return record;
  }

  #apply(tx: DecodedTransaction, consensusNs: bigint, expired: boolean): TxRecord {
    const state = this.state;
    state.lastConsensusNs = consensusNs;
    const sigs = new SignatureCheck(tx.bodyBytes, tx.sigPairs);
    const payer = state.accounts.get(tx.payer);
    const fee = TRANSACTION_FEES[tx.kind] ?? 0n;
    const validEndNs = tx.validStartNs + toBig(tx.body.transactionValidDuration?.seconds) * NS;
    let outcome: Outcome;
    let charged = 0n;
    // Due-diligence failures are charged to the node, not the payer, as on Hedera.
    if (expired || consensusNs > validEndNs) outcome = fail('TRANSACTION_EXPIRED');
    else if (!payer) outcome = fail('PAYER_ACCOUNT_NOT_FOUND');
    else if (!sigs.satisfies(payer.key)) outcome = fail('INVALID_SIGNATURE');
    else if (payer.balance < fee) outcome = fail('INSUFFICIENT_PAYER_BALANCE');
    else if (toBig(tx.body.transactionFee) < fee) outcome = fail('INSUFFICIENT_TX_FEE');
    else {
      charged = fee;
      payer.balance -= fee;
      state.accounts.get(FEE_COLLECTION_ACCOUNT)!.balance += fee;
      const handler = HANDLERS[tx.kind];
      outcome = handler ? handler({ state, tx, consensusNs, sigs }) : fail('NOT_SUPPORTED');
    }
    const transfers = mergeTransfers([
      ...(outcome.status === 'SUCCESS' ? (outcome.transfers ?? []) : []),
      ...(charged > 0n
        ? [
            { account: tx.payer, amount: -charged },
            { account: FEE_COLLECTION_ACCOUNT, amount: charged },
          ]
        : []),
    ]);
    const record: TxRecord = {
      consensusNs,
      payer: tx.payer,
      validStartNs: tx.validStartNs,
      nonce: tx.nonce,
      scheduled: tx.scheduled,
      name: MIRROR_NAMES[tx.kind] ?? tx.kind.toUpperCase(),
      status: outcome.status,
      fee: charged,
      maxFee: toBig(tx.body.transactionFee),
      memo: tx.body.memo ?? '',
      validDurationS: toBig(tx.body.transactionValidDuration?.seconds),
      node: this.nodeAccount,
      transactionHash: tx.transactionHash,
      transfers,
      tokenTransfers: outcome.status === 'SUCCESS' ? (outcome.tokenTransfers ?? []) : [],
      automaticAssociations: outcome.status === 'SUCCESS' ? (outcome.automaticAssociations ?? []) : [],
      receipt: outcome.status === 'SUCCESS' ? (outcome.receipt ?? {}) : {},
    };
    if (outcome.entityNum !== undefined) record.entityNum = outcome.entityNum;
    state.addRecord(record);
    return record;
  }
}

function mergeTransfers(list: Transfer[]): Transfer[] {
  const byAccount = new Map<bigint, bigint>();
  for (const t of list) byAccount.set(t.account, (byAccount.get(t.account) ?? 0n) + t.amount);
  return [...byAccount]
    .filter(([, amount]) => amount !== 0n)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([account, amount]) => ({ account, amount }));
}
