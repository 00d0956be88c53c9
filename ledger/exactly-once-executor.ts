import type { AccountId } from '@hashgraph/sdk';
import { backoffDelay } from './backoff.ts';
import { buildAttempt } from './build-attempt.ts';
import type { CircuitBreaker } from './circuit-breaker.ts';
import type { HederaGateway } from './hedera-gateway.ts';
import { NOT_EXECUTED_RECEIPT } from './hedera-status.ts';
import type { IntentAttempt, IntentStore, LedgerIntent } from './intent-store.ts';
import { IntentWriter, markAttempt, note } from './intent-writer.ts';
import { LedgerError } from './ledger-error.ts';
import { type OperationContext, operations } from './ledger-operations.ts';
import { fromMirrorTransactionId } from './transaction-id.ts';

export interface ExecutorOptions {
  gateway: HederaGateway;
  ctx: OperationContext;
  store: IntentStore;
  breaker: CircuitBreaker;
  nodes: AccountId[];
  now: () => number;
  random: () => number;
  sleep: (ms: number) => Promise<void>;
  validStart: (backdateMs: number) => bigint;
  validDurationS: number;
  validStartBackdateMs: number;
  /** How far behind consensus the mirror node may be; absence there only counts after this. */
  mirrorGraceMs: number;
  pollIntervalMs: number;
  backoffBaseMs: number;
  backoffMaxMs: number;
  maxRetries: number;
  maxElapsedMs: number;
  /** Hedera refuses at ingest a transaction that expires within this margin (10 s on Hedera). */
  ingestMarginMs: number;
  /** Observability hook: every step outcome and how the run ended (metrics, logs, tests). */
  observe?: (e: ExecutorEvent) => void;
}

/**
 * `progress`/`wait`/`transient` are the steps of a run; `confirmed`/`failed`/`dead_letter` end a run
 * that stepped at least once (a call answered from an already final intent reports nothing).
 */
export interface ExecutorEvent {
  intentId: string;
  op: LedgerIntent['op'];
  step: 'progress' | 'wait' | 'transient' | 'confirmed' | 'failed' | 'dead_letter';
  detail?: string;
  /** The LedgerErrorCode of a transient step or a failure. */
  code?: string;
  /** Milliseconds since this run started (final events). */
  elapsedMs?: number;
}

type Step =
  | { kind: 'progress'; intent: LedgerIntent | null }
  | { kind: 'wait'; ms: number; reason: string }
  | { kind: 'transient'; error: LedgerError };

/**
 * Drives one intent to a final state (see ledger/README.md for the argument). Invariants:
 * 1. an attempt is stored, with its signed bytes, before it is first submitted;
 * 2. while an attempt is OPEN only its own bytes are (re)submitted — no new transaction;
 * 3. an attempt leaves OPEN only on evidence: a final receipt, a mirror record, or (for NOT_EXECUTED)
 *    its valid window plus the mirror grace has passed and neither receipts nor the mirror know it;
 * 4. every write is a compare-and-set on the intent's version, so concurrent runners cannot both
 *    create attempts.
 */
export class ExactlyOnceExecutor {
  /** Attempts this process already sent; after a restart the executor reconciles before re-sending. */
  readonly #submitted = new Set<string>();
  readonly #writer: IntentWriter;

  constructor(private readonly o: ExecutorOptions) {
    this.#writer = new IntentWriter({ store: o.store, now: o.now });
  }

  async run(start: LedgerIntent): Promise<Record<string, unknown>> {
    let intent = start;
    const startedAt = this.o.now();
    let retries = 0;
    let lastError = '';
    let stepped = false;
    const ended = (step: 'confirmed' | 'failed' | 'dead_letter', code?: string) => {
      if (stepped)
        this.o.observe?.({
          intentId: intent.id,
          op: intent.op,
          step,
          code,
          elapsedMs: this.o.now() - startedAt,
        });
    };
    for (;;) {
      if (intent.status === 'CONFIRMED') {
        ended('confirmed');
        return intent.result!;
      }
      if (intent.status === 'FAILED') {
        const e = intent.error!;
        ended('failed', e.code);
        throw new LedgerError(e.code, e.message, { status: e.status });
      }
      if (intent.status === 'DEAD_LETTER') {
        ended('dead_letter');
        throw new LedgerError('DEAD_LETTERED', `intent ${intent.id} is dead-lettered; replay it`);
      }
      if (retries > this.o.maxRetries || this.o.now() - startedAt > this.o.maxElapsedMs) {
        intent = await this.#deadLetter(intent, { retries, lastError });
        continue;
      }
      const blocked = this.o.breaker.acquire();
      if (blocked > 0) {
        await this.o.sleep(blocked + Math.floor(this.o.random() * this.o.pollIntervalMs));
        continue;
      }
      let step: Step;
      try {
        step = await this.#step(intent);
      } catch (error) {
        if (!(error instanceof LedgerError) || !error.transient) {
          this.o.breaker.success();
          stepped = true;
          ended('failed', error instanceof LedgerError ? error.code : 'UNEXPECTED');
          throw error;
        }
        step = { kind: 'transient', error };
      }
      stepped = true;
      this.o.observe?.({
        intentId: intent.id,
        op: intent.op,
        step: step.kind,
        code: step.kind === 'transient' ? step.error.code : undefined,
        detail:
          step.kind === 'transient' ? step.error.message : step.kind === 'wait' ? step.reason : undefined,
      });
      if (step.kind === 'transient') {
        this.o.breaker.failure();
        retries += 1;
        lastError = `${step.error.code}: ${step.error.message}`;
        const delay = backoffDelay({
          retry: retries,
          baseMs: this.o.backoffBaseMs,
          maxMs: this.o.backoffMaxMs,
          random: this.o.random,
        });
        await this.o.sleep(delay);
      } else {
        this.o.breaker.success();
        if (step.kind === 'wait') await this.o.sleep(step.ms);
      }
      // After our own successful write we already hold the stored state; otherwise reload, since
      // another runner may have moved the intent on.
      intent = (step.kind === 'progress' && step.intent) || (await this.#writer.reload(intent));
    }
  }

  async #step(intent: LedgerIntent): Promise<Step> {
    const succeeded = intent.attempts.find((a) => a.state === 'SUCCEEDED');
    if (succeeded) return await this.#finalize(intent, succeeded);
    const open = intent.attempts.find((a) => a.state === 'OPEN');
    if (!open) return await this.#newAttempt(intent);

    // Past the ingest margin the node would refuse the bytes anyway; only reconciliation is left.
    if (
      !this.#submitted.has(open.transactionId) &&
      this.o.now() < open.validUntilMs - this.o.ingestMarginMs
    ) {
      const sent = await this.o.gateway.submit(Buffer.from(open.signedBytes, 'base64'));
      if (sent.kind === 'retryable') {
        return {
          kind: 'transient',
          error: new LedgerError('BUSY', `node answered ${sent.status}`, { status: sent.status }),
        };
      }
      this.#submitted.add(open.transactionId);
      if (sent.kind === 'rejected') return await this.#afterRejection(intent, open, sent.status, sent.detail);
    }
    return await this.#reconcile(intent, open);
  }

  /** Decides what an OPEN attempt became, from receipts first and the mirror node second. */
  async #reconcile(intent: LedgerIntent, open: IntentAttempt): Promise<Step> {
    const receipt = await this.o.gateway.receipt(open.transactionId);
    switch (receipt.kind) {
      case 'final':
        return await this.#settle(intent, open, receipt.status);
      case 'pending':
        return { kind: 'wait', ms: this.o.pollIntervalMs, reason: `receipt ${receipt.status}` };
      case 'unreachable':
        return {
          kind: 'transient',
          error: new LedgerError('RECEIPT_TIMEOUT', receipt.detail, { cause: receipt.cause }),
        };
      case 'not-found':
        break;
    }
    const now = this.o.now();
    if (now < open.validUntilMs - this.o.ingestMarginMs) {
      // The node does not know it (lost before reaching it, or a node restart): send the same bytes again.
      this.#submitted.delete(open.transactionId);
      return { kind: 'wait', ms: this.o.pollIntervalMs, reason: 'receipt not found; re-sending' };
    }
    const records = await this.o.ctx.mirror.getTransaction(open.transactionId);
    const record = records?.find((r) => !r.scheduled && (r.nonce ?? 0) === 0);
    if (record) {
      if (
        record.result === 'SUCCESS' &&
        Buffer.from(record.memo_base64 ?? '', 'base64').toString() !== intent.memo
      ) {
        return await this.#fail(
          intent,
          open,
          'TRANSACTION_ID_COLLISION',
          `transaction ${open.transactionId} has another memo`,
        );
      }
      return await this.#settle(intent, open, record.result);
    }
    if (now < open.validUntilMs + this.o.mirrorGraceMs) {
      const ms = Math.min(this.o.pollIntervalMs * 5, open.validUntilMs + this.o.mirrorGraceMs - now + 1);
      return { kind: 'wait', ms, reason: 'waiting for the valid window to pass' };
    }
    return await this.#update(intent, (next) => {
      markAttempt(next, open.transactionId, 'NOT_EXECUTED', 'RECEIPT_NOT_FOUND');
      note(next, now, 'not-executed', `${open.transactionId}: window passed, no receipt, no mirror record`);
    });
  }

  async #settle(intent: LedgerIntent, open: IntentAttempt, status: string): Promise<Step> {
    const now = this.o.now();
    if (status === 'SUCCESS') {
      // Straight to the result: one write (CONFIRMED) instead of two; if reading the record fails the
      // attempt stays OPEN and the next step finds SUCCESS again by receipt or mirror.
      return await this.#finalize(intent, open);
    }
    if (NOT_EXECUTED_RECEIPT.has(status)) {
      return await this.#update(intent, (next) => {
        markAttempt(next, open.transactionId, 'NOT_EXECUTED', status);
        note(next, now, 'not-executed', `${open.transactionId}: ${status}`);
      });
    }
    return await this.#fail(
      intent,
      open,
      'REJECTED',
      `Hedera rejected ${intent.op} at consensus: ${status}`,
      status,
    );
  }

  /** A non-retryable precheck answer; an earlier copy of the same bytes may still have executed. */
  async #afterRejection(
    intent: LedgerIntent,
    open: IntentAttempt,
    status: string,
    detail: string,
  ): Promise<Step> {
    const receipt = await this.o.gateway.receipt(open.transactionId);
    if (receipt.kind === 'final') return await this.#settle(intent, open, receipt.status);
    if (receipt.kind === 'unreachable' || receipt.kind === 'pending') {
      return {
        kind: 'transient',
        error: new LedgerError('RECEIPT_TIMEOUT', `checking after ${status}: ${detail}`),
      };
    }
    return await this.#fail(intent, open, 'REJECTED', `Hedera refused ${intent.op}: ${status}`, status);
  }

  async #finalize(intent: LedgerIntent, attempt: IntentAttempt): Promise<Step> {
    const spec = operations[intent.op];
    const base = { request: intent.request, transactionId: attempt.transactionId };
    let result: Record<string, unknown> | undefined;
    const found = await this.o.gateway.record(attempt.transactionId);
    if (found.kind === 'found') {
      if (found.record.transactionMemo !== intent.memo) {
        return await this.#fail(
          intent,
          attempt,
          'TRANSACTION_ID_COLLISION',
          `transaction ${attempt.transactionId} has another memo`,
        );
      }
      result = spec.fromRecord({ ...base, receipt: found.record.receipt, record: found.record });
    } else if (found.kind === 'unreachable') {
      return {
        kind: 'transient',
        error: new LedgerError('UNAVAILABLE', found.detail, { cause: found.cause }),
      };
    } else {
      // Records age out of the nodes (180 s); the mirror node keeps them.
      const tx = (await this.o.ctx.mirror.getTransaction(attempt.transactionId))?.[0];
      if (!tx) return { kind: 'wait', ms: this.o.pollIntervalMs, reason: 'record not on mirror yet' };
      try {
        result = await spec.fromMirror({ ...base, tx, mirror: this.o.ctx.mirror });
      } catch (cause) {
        if (cause instanceof LedgerError) throw cause;
        return { kind: 'wait', ms: this.o.pollIntervalMs, reason: (cause as Error).message };
      }
    }
    const now = this.o.now();
    return await this.#update(intent, (next) => {
      markAttempt(next, attempt.transactionId, 'SUCCEEDED', 'SUCCESS');
      next.status = 'CONFIRMED';
      next.result = result;
      note(next, now, 'confirmed', attempt.transactionId);
    });
  }

  async #newAttempt(intent: LedgerIntent): Promise<Step> {
    const now = this.o.now();
    if (intent.op === 'mint' && intent.attempts.length > 0) {
      // Money is at stake: before a fresh mint, also look for any mint carrying this intent's memo.
      const [found] = await this.o.ctx.mirror.findByMemo({
        payer: this.o.ctx.client.operatorAccountId!.toString(),
        type: 'TOKENMINT',
        sinceMs: Math.min(...intent.attempts.map((a) => a.validStartMs)) - 1_000,
        memo: intent.memo,
      });
      if (found) {
        const transactionId = fromMirrorTransactionId(found.transaction_id);
        return await this.#update(intent, (next) => {
          next.attempts.push({
            transactionId,
            nodeAccountId: '',
            validStartMs: 0,
            validUntilMs: 0,
            signedBytes: '',
            createdAtMs: now,
            state: 'SUCCEEDED',
            status: 'SUCCESS',
          });
          note(next, now, 'found-by-memo', transactionId);
        });
      }
    }
    const node = this.o.nodes[Math.floor(this.o.random() * this.o.nodes.length)]!;
    const attempt = await buildAttempt({
      intent,
      ctx: this.o.ctx,
      nodeAccountId: node,
      validStartNs: this.o.validStart(this.o.validStartBackdateMs),
      validDurationS: this.o.validDurationS,
      nowMs: now,
    });
    return await this.#update(intent, (next) => {
      next.attempts.push(attempt);
      note(next, now, 'attempt', attempt.transactionId);
    });
  }

  async #fail(
    intent: LedgerIntent,
    attempt: IntentAttempt,
    code: 'REJECTED' | 'TRANSACTION_ID_COLLISION',
    message: string,
    status?: string,
  ): Promise<Step> {
    const now = this.o.now();
    return await this.#update(intent, (next) => {
      markAttempt(next, attempt.transactionId, 'FAILED', status);
      next.status = 'FAILED';
      next.error = { code, message, ...(status ? { status } : {}) };
      note(next, now, 'failed', message);
    });
  }

  async #deadLetter(intent: LedgerIntent, o: { retries: number; lastError: string }): Promise<LedgerIntent> {
    const now = this.o.now();
    const next = structuredClone(intent);
    next.status = 'DEAD_LETTER';
    next.deadLetter = { atMs: now, reason: 'retries exhausted', lastError: o.lastError, retries: o.retries };
    note(next, now, 'dead-letter', o.lastError);
    try {
      return (await this.#writer.write(intent, next)) ?? (await this.#writer.reload(intent));
    } catch {
      return intent; // the store is down: the loop comes back here and tries again
    }
  }

  /** Compare-and-set of a modified copy; losing the race is progress too (the loop reloads). */
  async #update(intent: LedgerIntent, change: (next: LedgerIntent) => void): Promise<Step> {
    const next = structuredClone(intent);
    change(next);
    return { kind: 'progress', intent: await this.#writer.write(intent, next) };
  }
}
