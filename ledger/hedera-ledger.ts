import { createHash } from 'node:crypto';
import { AccountId } from '@hashgraph/sdk';
import canonicalize from 'canonicalize';
import { backoffDelay } from './backoff.ts';
import { type BreakerOptions, CircuitBreaker } from './circuit-breaker.ts';
import type { HederaConnection } from './create-hedera-client.ts';
import { ExactlyOnceExecutor, type ExecutorOptions } from './exactly-once-executor.ts';
import { HederaGateway, type ReceiptOutcome } from './hedera-gateway.ts';
import type { IntentStore, LedgerIntent, LedgerOperationName } from './intent-store.ts';
import { LedgerError } from './ledger-error.ts';
import type { Cosigner, MessageResult, MintResult, TokenResult, TopicResult } from './ledger-operations.ts';
import type { MirrorClient } from './mirror-client.ts';
import { validStartClock } from './transaction-id.ts';
import { check } from './validate-request.ts';

export interface LedgerScope {
  orgId: string;
  idempotencyKey: string;
}

export type LedgerTuning = Omit<
  ExecutorOptions,
  'gateway' | 'ctx' | 'store' | 'breaker' | 'nodes' | 'now' | 'random' | 'sleep' | 'validStart' | 'observe'
> & { breakerFailures: number; breakerOpenMs: number };

export const defaultTuning: LedgerTuning = {
  validDurationS: 120,
  validStartBackdateMs: 3_000,
  mirrorGraceMs: 15_000,
  pollIntervalMs: 500,
  backoffBaseMs: 200,
  backoffMaxMs: 10_000,
  maxRetries: 30,
  maxElapsedMs: 10 * 60_000,
  ingestMarginMs: 10_000,
  breakerFailures: 8,
  breakerOpenMs: 2_000,
};

const MAX_MESSAGE_BYTES = 1024;
const MEMO_BYTES = 100;

/**
 * The ledger adapter the workflows' activities use. Every side-effecting operation takes an
 * idempotency key: calling it again with the same key (after a crash, a retry, a replay) returns the
 * first call's result and never performs the side effect twice.
 *
 * @example
 * const ledger = createHederaLedger({ hedera: createHederaClient(config.hedera), store: ledgerIntentStore(db) });
 * const { topicId } = await ledger.ensureTopic({ orgId, idempotencyKey: `topic/${orgId}/anchors` });
 * await ledger.submitMessage({ orgId, idempotencyKey: `anchor/${batchId}`, topicId, message: batch.message });
 */
export function createHederaLedger(o: {
  hedera: HederaConnection;
  store: IntentStore;
  tuning?: Partial<LedgerTuning>;
  now?: () => number;
  random?: () => number;
  sleep?: (ms: number) => Promise<void>;
  observe?: ExecutorOptions['observe'];
  onBreakerState?: BreakerOptions['onStateChange'];
  /** Signs requests that carry a `controlKey` (an organization's key, from the key store). */
  cosign?: Cosigner;
}) {
  const tuning = { ...defaultTuning, ...o.tuning };
  const now = o.now ?? Date.now;
  const random = o.random ?? Math.random;
  const { hedera, store } = o;
  const sleep = o.sleep ?? ((ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms)));
  const gateway = new HederaGateway(hedera.client, { requestTimeoutMs: hedera.requestTimeoutMs });
  const breaker = new CircuitBreaker({
    failureThreshold: tuning.breakerFailures,
    openMs: tuning.breakerOpenMs,
    now,
    onStateChange: o.onBreakerState,
  });
  const executor = new ExactlyOnceExecutor({
    ...tuning,
    gateway,
    ctx: {
      client: hedera.client,
      operatorKey: hedera.operatorKey,
      mirror: hedera.mirror,
      ...(o.cosign ? { cosign: o.cosign } : {}),
    },
    store,
    breaker,
    nodes: Object.values(hedera.client.network).map((id) =>
      id instanceof AccountId ? id : AccountId.fromString(String(id)),
    ),
    now,
    random,
    sleep,
    validStart: validStartClock({ now, random }),
    observe: o.observe,
  });

  async function perform(
    op: LedgerOperationName,
    scope: LedgerScope,
    request: Record<string, unknown>,
    callerMemo?: string,
  ): Promise<Record<string, unknown>> {
    check.scope(scope.orgId, scope.idempotencyKey);
    const id = intentId(scope.orgId, scope.idempotencyKey);
    // A caller memo is at most 63 bytes (checked with the request): with the tag, 100, Hedera's limit.
    const memo = callerMemo ? `${callerMemo} mrv:${id}` : `mrv:${id}`;
    const at = now();
    const fresh: LedgerIntent = {
      id,
      orgId: scope.orgId,
      key: scope.idempotencyKey,
      op,
      request,
      requestHash: sha256(canonicalize(request)!),
      memo,
      status: 'PENDING',
      attempts: [],
      history: [{ atMs: at, event: 'created' }],
      version: 1,
      createdAtMs: at,
      updatedAtMs: at,
    };
    const { intent } = await createWithRetry(fresh);
    if (intent.op !== op || intent.requestHash !== fresh.requestHash || intent.memo !== memo) {
      throw new LedgerError(
        'IDEMPOTENCY_CONFLICT',
        `key '${scope.idempotencyKey}' was used for another request`,
      );
    }
    return await executor.run(intent);
  }

  async function createWithRetry(fresh: LedgerIntent) {
    for (let retry = 1; ; retry++) {
      try {
        return await store.create(fresh);
      } catch (cause) {
        if (retry >= 5)
          throw new LedgerError('STORE_UNAVAILABLE', 'cannot record the ledger intent', { cause });
        await sleep(
          backoffDelay({ retry, baseMs: tuning.backoffBaseMs, maxMs: tuning.backoffMaxMs, random }),
        );
      }
    }
  }

  return {
    /**
     * Creates a topic once per key (admin key = operator; `restrictSubmit` adds the operator as submit
     * key). With `controlKey`, that key is admin and submit key instead, and co-signs.
     */
    async ensureTopic(
      i: LedgerScope & { topicMemo?: string; restrictSubmit?: boolean; controlKey?: string },
    ): Promise<TopicResult> {
      check.optionalText('topicMemo', i.topicMemo, MEMO_BYTES);
      const request = {
        topicMemo: i.topicMemo,
        restrictSubmit: i.restrictSubmit === true,
        controlKey: check.controlKey(i.controlKey),
      };
      return (await perform('ensureTopic', i, stripUndefined(request))) as unknown as TopicResult;
    },

    /** Submits one message (≤ 1024 bytes) once per key; `controlKey` co-signs (the topic's submit key). */
    async submitMessage(
      i: LedgerScope & { topicId: string; message: Uint8Array; controlKey?: string },
    ): Promise<MessageResult> {
      check.entityId('topicId', i.topicId);
      if (
        !(i.message instanceof Uint8Array) ||
        i.message.length === 0 ||
        i.message.length > MAX_MESSAGE_BYTES
      ) {
        throw new LedgerError('INVALID_REQUEST', 'message must be 1 to 1024 bytes');
      }
      const request = {
        topicId: i.topicId,
        message: Buffer.from(i.message).toString('base64'),
        controlKey: check.controlKey(i.controlKey),
      };
      return (await perform('submitMessage', i, stripUndefined(request))) as unknown as MessageResult;
    },

    /**
     * Creates a fungible token once per key; treasury, admin and supply key are the operator, or
     * admin and supply key are `controlKey` (which then co-signs).
     */
    async createToken(
      i: LedgerScope & {
        name: string;
        symbol: string;
        decimals: number;
        initialSupply?: string | bigint;
        maxSupply?: string | bigint;
        tokenMemo?: string;
        controlKey?: string;
      },
    ): Promise<TokenResult> {
      check.text('name', i.name, 100);
      check.text('symbol', i.symbol, 100);
      check.integer('decimals', i.decimals, 0, 18);
      check.optionalText('tokenMemo', i.tokenMemo, MEMO_BYTES);
      const request = {
        name: i.name,
        symbol: i.symbol,
        decimals: i.decimals,
        initialSupply: check.amount('initialSupply', i.initialSupply ?? '0', true),
        maxSupply: i.maxSupply === undefined ? undefined : check.amount('maxSupply', i.maxSupply),
        tokenMemo: i.tokenMemo,
        controlKey: check.controlKey(i.controlKey),
      };
      return (await perform('createToken', i, stripUndefined(request))) as unknown as TokenResult;
    },

    /**
     * Mints `amount` smallest units once per key; `memo` (≤ 63 bytes) is prepended to the intent tag;
     * `controlKey` co-signs (the token's supply key).
     */
    async mint(
      i: LedgerScope & {
        tokenId: string;
        amount: string | bigint | number;
        memo?: string;
        controlKey?: string;
      },
    ): Promise<MintResult> {
      check.entityId('tokenId', i.tokenId);
      check.optionalText('memo', i.memo, 63);
      const request = {
        tokenId: i.tokenId,
        amount: check.amount('amount', i.amount),
        controlKey: check.controlKey(i.controlKey),
      };
      return (await perform('mint', i, stripUndefined(request), i.memo)) as unknown as MintResult;
    },

    /** Reads a receipt (no side effect, no key). */
    async getReceipt(transactionId: string): Promise<ReceiptOutcome> {
      return await gateway.receipt(transactionId);
    },

    /** Re-runs a dead-lettered (or failed) intent; it reconciles its earlier attempts first. */
    async replay(id: string): Promise<Record<string, unknown>> {
      const intent = await store.getById(id);
      if (!intent) throw new LedgerError('NOT_FOUND', `no ledger intent ${id}`);
      if (intent.status === 'DEAD_LETTER' || intent.status === 'FAILED') {
        const next = structuredClone(intent);
        next.status = 'PENDING';
        delete next.error;
        next.history.push({
          atMs: now(),
          event: 'replay',
          detail: intent.deadLetter?.lastError ?? intent.error?.message,
        });
        next.version = intent.version + 1;
        next.updatedAtMs = now();
        const written = await store.replace(next);
        if (!written)
          throw new LedgerError('CONCURRENT_UPDATE', `intent ${id} changed while replaying; retry`);
        return await executor.run(written);
      }
      return await executor.run(intent);
    },

    mirror: hedera.mirror as MirrorClient,
    breaker,
    store,
  };
}

export type HederaLedger = ReturnType<typeof createHederaLedger>;

/** Stable, tenant-separated id of an intent: 128 bits of SHA-256(orgId ␀ key), hex. */
export function intentId(orgId: string, key: string): string {
  return sha256(`${orgId}\u0000${key}`).slice(0, 32);
}

function sha256(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}

function stripUndefined<T extends Record<string, unknown>>(o: T): Record<string, unknown> {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined));
}
