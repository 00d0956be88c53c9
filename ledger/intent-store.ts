import type { LedgerErrorCode } from './ledger-error.ts';

export type LedgerOperationName = 'ensureTopic' | 'submitMessage' | 'createToken' | 'mint';

/**
 * One signed transaction built for an intent. Its bytes are stored before the first submission, so
 * every transaction id that could ever execute for the intent is on record.
 * - `OPEN`: may still execute; re-submit the same bytes or reconcile, never build a new one.
 * - `NOT_EXECUTED`: proven never to execute (final receipt TRANSACTION_EXPIRED, or window passed and
 *   neither the receipt nor the mirror node knows it).
 * - `SUCCEEDED` / `FAILED`: final receipt status seen.
 */
export interface IntentAttempt {
  /** SDK form: `0.0.2@1700000000.000000001`. */
  transactionId: string;
  nodeAccountId: string;
  validStartMs: number;
  validUntilMs: number;
  /** Base64 of the frozen, signed transaction (`Transaction.toBytes()`). */
  signedBytes: string;
  createdAtMs: number;
  state: 'OPEN' | 'NOT_EXECUTED' | 'SUCCEEDED' | 'FAILED';
  status?: string;
}

export interface IntentEvent {
  atMs: number;
  event: string;
  detail?: string;
}

/** A ledger side effect the adapter promised to perform exactly once, keyed by (orgId, key). */
export interface LedgerIntent {
  /** Stable id derived from (orgId, key); what `mrv ledger replay <id>` takes. */
  id: string;
  orgId: string;
  key: string;
  op: LedgerOperationName;
  /** The operation's input as JSON (bytes as base64), enough to rebuild the transaction. */
  request: Record<string, unknown>;
  /** SHA-256 of the JCS request: a key reused for another request is refused. */
  requestHash: string;
  /** Transaction memo carrying the intent id, so the ledger itself links a transaction to its key. */
  memo: string;
  status: 'PENDING' | 'CONFIRMED' | 'FAILED' | 'DEAD_LETTER';
  attempts: IntentAttempt[];
  result?: Record<string, unknown>;
  error?: { code: LedgerErrorCode; message: string; status?: string };
  deadLetter?: { atMs: number; reason: string; lastError: string; retries: number };
  /** Recent events (bounded), the "full context" a dead letter is replayed with. */
  history: IntentEvent[];
  /** Optimistic-concurrency version: every write is a compare-and-set on it. */
  version: number;
  createdAtMs: number;
  updatedAtMs: number;
}

/**
 * Durable storage for intents. Implementations must make `create` atomic on (orgId, key) and `replace`
 * a single-document compare-and-set on `version`; nothing else is needed (no multi-document
 * transactions). See `store/ledger-intent-store.ts`.
 */
export interface IntentStore {
  /** Inserts the intent, or returns the existing one for the same (orgId, key) with `created: false`. */
  create(intent: LedgerIntent): Promise<{ intent: LedgerIntent; created: boolean }>;
  get(orgId: string, key: string): Promise<LedgerIntent | null>;
  /**
   * Operator access by id (replay, inspection); not tenant-scoped, so only the CLI and the adapter's
   * replay use it.
   */
  getById(id: string): Promise<LedgerIntent | null>;
  /** Writes `next` if the stored version still equals `next.version - 1`; null when someone else won. */
  replace(next: LedgerIntent): Promise<LedgerIntent | null>;
  listDeadLetters(o: { orgId?: string; limit: number }): Promise<LedgerIntent[]>;
}
