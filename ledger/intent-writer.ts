import type { IntentAttempt, IntentStore, LedgerIntent } from './intent-store.ts';
import { LedgerError } from './ledger-error.ts';

const HISTORY_LIMIT = 50;

/** Writes intents as compare-and-set on `version`, turning store failures into transient errors. */
export class IntentWriter {
  constructor(private readonly o: { store: IntentStore; now: () => number }) {}

  /** Stores `next` as the successor of `intent`; null when another writer got there first. */
  async write(intent: LedgerIntent, next: LedgerIntent): Promise<LedgerIntent | null> {
    next.version = intent.version + 1;
    next.updatedAtMs = this.o.now();
    if (next.history.length > HISTORY_LIMIT) next.history = next.history.slice(-HISTORY_LIMIT);
    try {
      return await this.o.store.replace(next);
    } catch (cause) {
      // The write may or may not have been applied; either way the reloaded intent is the truth, and
      // nothing was sent to Hedera on the strength of it.
      throw new LedgerError('STORE_UNAVAILABLE', 'intent store write failed', { cause });
    }
  }

  /** The stored intent, or the one in hand when the store cannot be read right now. */
  async reload(intent: LedgerIntent): Promise<LedgerIntent> {
    try {
      return (await this.o.store.getById(intent.id)) ?? intent;
    } catch {
      return intent;
    }
  }
}

export function markAttempt(
  intent: LedgerIntent,
  transactionId: string,
  state: IntentAttempt['state'],
  status?: string,
): void {
  const attempt = intent.attempts.find((a) => a.transactionId === transactionId)!;
  attempt.state = state;
  if (status) attempt.status = status;
}

export function note(intent: LedgerIntent, atMs: number, event: string, detail?: string): void {
  intent.history.push({ atMs, event, ...(detail ? { detail } : {}) });
}
