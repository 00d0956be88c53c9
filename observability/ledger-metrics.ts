import type { BreakerState } from '../ledger/circuit-breaker.ts';
import type { ExecutorEvent } from '../ledger/exactly-once-executor.ts';
import type { LedgerOperationName } from '../ledger/intent-store.ts';
import {
  breakerStateValue,
  deadLettersTotal,
  type HederaOutcome,
  type HederaTransactionType,
  hederaCircuitBreakerState,
  hederaRetriesTotal,
  hederaTransactionDurationSeconds,
  hederaTransactionsTotal,
} from './metrics.ts';

const TYPE_OF: Record<LedgerOperationName, HederaTransactionType> = {
  ensureTopic: 'topic_create',
  submitMessage: 'topic_message',
  createToken: 'token_create',
  mint: 'token_mint',
};

/** Transient codes that mean "nobody answered" rather than "answered: try again later". */
const UNAVAILABLE = new Set(['UNAVAILABLE', 'MIRROR_UNAVAILABLE', 'STORE_UNAVAILABLE']);

/**
 * The ledger adapter's hooks (`createHederaLedger({ observe, onBreakerState })`) as Prometheus series:
 * what `MrvHederaFailureRate`, `MrvCircuitBreakerOpen` and `MrvDeadLetters` alert on. One count per
 * executor step that reached the network or gave up, so a Hedera outage shows as a failure ratio
 * within one scrape, long before an intent is dead-lettered.
 */
export function ledgerMetrics(breaker = 'hedera') {
  hederaCircuitBreakerState.set({ breaker }, breakerStateValue('CLOSED'));
  return {
    observe(event: ExecutorEvent): void {
      const type = TYPE_OF[event.op] ?? 'other';
      const count = (outcome: HederaOutcome) => hederaTransactionsTotal.inc({ type, outcome });
      switch (event.step) {
        case 'transient':
          count(UNAVAILABLE.has(event.code ?? '') ? 'unavailable' : 'retryable');
          hederaRetriesTotal.inc({ type, reason: event.code ?? 'UNKNOWN' });
          return;
        case 'confirmed':
          count('success');
          hederaTransactionDurationSeconds.observe(
            { type, outcome: 'success' },
            (event.elapsedMs ?? 0) / 1000,
          );
          return;
        case 'failed':
          count('rejected');
          return;
        case 'dead_letter':
          deadLettersTotal.inc({ type });
          return;
        default:
          return;
      }
    },
    onBreakerState(state: BreakerState): void {
      hederaCircuitBreakerState.set({ breaker }, breakerStateValue(state));
    },
  };
}
