import {
  type Client,
  MaxAttemptsOrTimeoutError,
  PrecheckStatusError,
  ReceiptStatusError,
  StatusError,
  Transaction,
  TransactionId,
  type TransactionReceipt,
  TransactionReceiptQuery,
  type TransactionRecord,
  TransactionRecordQuery,
} from '@hashgraph/sdk';
import { AMBIGUOUS_PRECHECK, PENDING_RECEIPT, RETRYABLE_PRECHECK } from './hedera-status.ts';

/** What one submission of signed bytes told us. */
export type SubmitOutcome =
  | { kind: 'accepted' }
  /** Precheck said try again (BUSY, PLATFORM_NOT_ACTIVE…): same bytes, later. */
  | { kind: 'retryable'; status: string }
  /** No answer, or an answer that says nothing about earlier copies: reconcile. */
  | { kind: 'ambiguous'; status?: string; detail: string }
  /** Precheck refused it for a reason that will not change. */
  | { kind: 'rejected'; status: string; detail: string };

export type ReceiptOutcome =
  | { kind: 'final'; status: string; receipt: TransactionReceipt }
  | { kind: 'pending'; status: string }
  | { kind: 'not-found' }
  | { kind: 'unreachable'; detail: string; cause: unknown };

export type RecordOutcome =
  | { kind: 'found'; record: TransactionRecord }
  | { kind: 'not-found' }
  | { kind: 'unreachable'; detail: string; cause: unknown };

/**
 * The only code that calls the SDK's `execute`. The SDK runs one attempt per call (the client is
 * built with maxAttempts 1, see `createHederaClient`) and this module turns its errors into outcomes;
 * retrying, waiting and deciding are the executor's job.
 */
export class HederaGateway {
  constructor(
    readonly client: Client,
    private readonly o: { requestTimeoutMs: number },
  ) {}

  /** Sends previously stored signed bytes; never builds, re-signs or changes the transaction id. */
  async submit(signedBytes: Uint8Array): Promise<SubmitOutcome> {
    // Bytes from fromBytes carry a locked transaction id; the client never regenerates ids either.
    const tx = Transaction.fromBytes(signedBytes);
    try {
      await tx.execute(this.client, this.o.requestTimeoutMs);
      return { kind: 'accepted' };
    } catch (error) {
      const status = statusOf(error);
      const detail = describe(error);
      // The SDK refused locally because it had marked the node unhealthy: nothing was sent.
      if (!status && /healthy/.test(detail)) return { kind: 'retryable', status: 'NODE_UNHEALTHY' };
      if (status && AMBIGUOUS_PRECHECK.has(status)) return { kind: 'ambiguous', status, detail };
      if (status && RETRYABLE_PRECHECK.has(status)) return { kind: 'retryable', status };
      if (status && error instanceof PrecheckStatusError) return { kind: 'rejected', status, detail };
      return { kind: 'ambiguous', detail };
    }
  }

  async receipt(transactionId: string): Promise<ReceiptOutcome> {
    const query = new TransactionReceiptQuery()
      .setTransactionId(TransactionId.fromString(transactionId))
      .setValidateStatus(false)
      .setMaxAttempts(1);
    try {
      const receipt = await query.execute(this.client, this.o.requestTimeoutMs);
      const status = receipt.status.toString();
      return PENDING_RECEIPT.has(status) ? { kind: 'pending', status } : { kind: 'final', status, receipt };
    } catch (error) {
      const status = statusOf(error);
      if (status === 'RECEIPT_NOT_FOUND') return { kind: 'not-found' };
      if (status && PENDING_RECEIPT.has(status)) return { kind: 'pending', status };
      if (error instanceof ReceiptStatusError) {
        return { kind: 'final', status: error.status.toString(), receipt: error.transactionReceipt };
      }
      return { kind: 'unreachable', detail: describe(error), cause: error };
    }
  }

  async record(transactionId: string): Promise<RecordOutcome> {
    const query = new TransactionRecordQuery()
      .setTransactionId(TransactionId.fromString(transactionId))
      .setValidateReceiptStatus(false)
      .setMaxAttempts(1);
    try {
      return { kind: 'found', record: await query.execute(this.client, this.o.requestTimeoutMs) };
    } catch (error) {
      const status = statusOf(error);
      if (status === 'RECORD_NOT_FOUND' || status === 'RECEIPT_NOT_FOUND') return { kind: 'not-found' };
      return { kind: 'unreachable', detail: describe(error), cause: error };
    }
  }
}

/**
 * The Hedera status an SDK error carries. `MaxAttemptsOrTimeoutError` keeps only a message, so its
 * last status is read from "… last error being: BUSY" (the SDK's own wording).
 */
export function statusOf(error: unknown): string | undefined {
  if (error instanceof StatusError) return error.status.toString();
  if (error instanceof MaxAttemptsOrTimeoutError) {
    return /last error being: ([A-Z_]+)$/.exec(error.message)?.[1];
  }
  return undefined;
}

function describe(error: unknown): string {
  return error instanceof Error ? `${error.name}: ${error.message}` : String(error);
}
