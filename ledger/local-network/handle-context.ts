/** What a transaction handler sees and returns. Handlers validate fully before they mutate state. */
import type { DecodedTransaction } from './decode-transaction.ts';
import type { LedgerState, ReceiptFields, TokenTransfer, Transfer } from './ledger-state.ts';
import type { StatusName } from './proto.ts';
import type { SignatureCheck } from './signature-check.ts';

export interface HandleContext {
  state: LedgerState;
  tx: DecodedTransaction;
  consensusNs: bigint;
  sigs: SignatureCheck;
}

export interface Outcome {
  status: StatusName;
  receipt?: ReceiptFields;
  entityNum?: bigint;
  /** Value movements other than the fee (the fee transfers are added by the caller). */
  transfers?: Transfer[];
  tokenTransfers?: TokenTransfer[];
  automaticAssociations?: { token: bigint; account: bigint }[];
}

export const fail = (status: StatusName, entityNum?: bigint): Outcome =>
  entityNum === undefined ? { status } : { status, entityNum };

/** Hedera's limit on memos, topic memos, token names and symbols (UTF-8 bytes). */
export const MAX_MEMO_BYTES = 100;
export const utf8Length = (s: string) => Buffer.byteLength(s, 'utf8');
