import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHederaLedger } from '../../ledger/hedera-ledger.ts';
import { ledgerMetrics } from '../../observability/ledger-metrics.ts';
import { ledgerIntentStore } from '../../store/ledger-intent-store.ts';
import { fastTuning, type LedgerFixture, startLedgerFixture } from '../ledger/adapter/ledger-fixture.ts';
import { metricValue } from './support/metric-value.ts';

const bytes = (s: string) => new TextEncoder().encode(s);

// The series MrvHederaFailureRate, MrvCircuitBreakerOpen and MrvDeadLetters alert on, fed by the real
// adapter against the local network: before this bridge they were registered but never written.
describe('ledger metrics from the exactly-once adapter', () => {
  let f: LedgerFixture;
  const org = `org_metrics_${Date.now()}`;

  beforeAll(async () => {
    f = await startLedgerFixture({ prefix: 'ledger_metrics' });
  });
  afterAll(async () => {
    await f?.close();
  });

  it('counts successes, unavailable attempts, breaker openings and dead letters', async () => {
    const breakerStates: number[] = [];
    const metrics = ledgerMetrics('test-breaker');
    const ledger = createHederaLedger({
      hedera: f.hedera,
      store: ledgerIntentStore(f.db),
      tuning: { ...fastTuning, maxRetries: 4, breakerFailures: 2 },
      observe: metrics.observe,
      onBreakerState: (state) => {
        metrics.onBreakerState(state);
        breakerStates.push(state === 'OPEN' ? 2 : state === 'HALF_OPEN' ? 1 : 0);
      },
    });
    const before = {
      success: await metricValue('mrv_hedera_transactions_total', {
        type: 'topic_create',
        outcome: 'success',
      }),
      unavailable: await metricValue('mrv_hedera_transactions_total', { outcome: 'unavailable' }),
      retryable: await metricValue('mrv_hedera_transactions_total', { outcome: 'retryable' }),
      dead: await metricValue('mrv_dead_letters_total', { type: 'topic_message' }),
    };

    const { topicId } = await ledger.ensureTopic({ orgId: org, idempotencyKey: 'metrics/topic' });
    expect(
      await metricValue('mrv_hedera_transactions_total', { type: 'topic_create', outcome: 'success' }),
    ).toBe(before.success + 1);
    // Asking again for the same key answers from the stored intent: no second count.
    await ledger.ensureTopic({ orgId: org, idempotencyKey: 'metrics/topic' });
    expect(
      await metricValue('mrv_hedera_transactions_total', { type: 'topic_create', outcome: 'success' }),
    ).toBe(before.success + 1);

    const now = Date.now();
    f.network.setFaults({ outages: [{ fromMs: now, toMs: now + 3_600_000 }] });
    await expect(
      ledger.submitMessage({ orgId: org, idempotencyKey: 'metrics/dead', topicId, message: bytes('x') }),
    ).rejects.toMatchObject({ code: 'DEAD_LETTERED' });
    f.network.setFaults({});

    const failed =
      (await metricValue('mrv_hedera_transactions_total', { outcome: 'unavailable' })) -
      before.unavailable +
      (await metricValue('mrv_hedera_transactions_total', { outcome: 'retryable' })) -
      before.retryable;
    expect(failed).toBeGreaterThanOrEqual(4);
    expect(await metricValue('mrv_dead_letters_total', { type: 'topic_message' })).toBe(before.dead + 1);
    expect(await metricValue('mrv_hedera_retries_total', { type: 'topic_message' })).toBeGreaterThanOrEqual(
      4,
    );
    expect(breakerStates).toContain(2);
    // The gauge holds the breaker's latest state.
    expect(await metricValue('mrv_hedera_circuit_breaker_state', { breaker: 'test-breaker' })).toBe(
      breakerStates.at(-1),
    );
  });
});
