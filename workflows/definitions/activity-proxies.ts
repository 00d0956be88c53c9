import { type ActivityOptions, proxyActivities, workflowInfo } from '@temporalio/workflow';
import type { createCalibrationActivities } from '../activities/calibration-activities.ts';
import type { createCredentialActivities } from '../activities/credential-activities.ts';
import type { createLedgerActivities } from '../activities/ledger-activities.ts';
import type { createPeriodActivities } from '../activities/period-activities.ts';
import type { createPolicyActivities } from '../activities/policy-activities.ts';
import type { createReadingActivities } from '../activities/reading-activities.ts';
import type { createReviewCredentialActivities } from '../activities/review-credential-activities.ts';
import type { createTaskActivities } from '../activities/task-activities.ts';
import type { createTrustChainActivities } from '../activities/trust-chain-activities.ts';
import { businessFailureTypes, ledgerFailureTypes } from '../failure-types.ts';
import { type ActivityConcern, activityTaskQueue } from '../shared.ts';

type Reading = ReturnType<typeof createReadingActivities>;
type Store = ReturnType<typeof createPolicyActivities> &
  Omit<Reading, 'verifyReadings'> &
  ReturnType<typeof createTaskActivities> &
  ReturnType<typeof createCredentialActivities> &
  ReturnType<typeof createReviewCredentialActivities> &
  ReturnType<typeof createPeriodActivities> &
  ReturnType<typeof createCalibrationActivities>;
type Ledger = ReturnType<typeof createLedgerActivities>;

const nonRetryableErrorTypes = [...businessFailureTypes];
/** Database and CPU work: quick retries, capped at a minute apart. */
const storeRetry = {
  initialInterval: '1 second',
  backoffCoefficient: 2,
  maximumInterval: '1 minute',
  nonRetryableErrorTypes,
} as const;

/**
 * Activities of one concern, on that concern's task queue (derived from the workflow's own queue when
 * the activity is scheduled, so tests and deployments that rename the workflow queue keep working).
 */
function onConcernQueue<T extends object>(concern: ActivityConcern, options: ActivityOptions): T {
  return new Proxy({} as T, {
    get(_, name) {
      const taskQueue = activityTaskQueue(workflowInfo().taskQueue, concern);
      return (proxyActivities<T>({ ...options, taskQueue }) as Record<string | symbol, unknown>)[name];
    },
  });
}

/** Database and signing work on the workflow queue: short, retried with backoff. */
export const storeActivities = proxyActivities<Store>({
  startToCloseTimeout: '2 minutes',
  retry: storeRetry,
});

/**
 * The trust-chain bundle reads every anchor back from the mirror and signs a presentation: longer,
 * so it heartbeats, and a worker that dies mid-way is noticed within `heartbeatTimeout`.
 */
export const trustChainActivities = proxyActivities<ReturnType<typeof createTrustChainActivities>>({
  startToCloseTimeout: '10 minutes',
  heartbeatTimeout: '30 seconds',
  retry: storeRetry,
});

/** Batch verification (CPU-bound, up to 500 readings) on the verification queue; it heartbeats. */
export const verificationActivities = onConcernQueue<Pick<Reading, 'verifyReadings'>>('verification', {
  startToCloseTimeout: '5 minutes',
  heartbeatTimeout: '30 seconds',
  retry: storeRetry,
});

/**
 * Hedera side effects on the ledger queue. The ledger adapter itself retries, reconciles and
 * dead-letters inside one attempt (up to ~10 minutes) while the activity heartbeats, so Temporal
 * retries are a second line, and every retry reuses the same idempotency key: exactly once either
 * way. Final ledger outcomes (an idempotency conflict, a Hedera rejection) are non-retryable.
 */
export const ledgerActivities = onConcernQueue<Ledger>('ledger', {
  startToCloseTimeout: '15 minutes',
  heartbeatTimeout: '30 seconds',
  retry: {
    initialInterval: '5 seconds',
    backoffCoefficient: 2,
    maximumInterval: '5 minutes',
    nonRetryableErrorTypes: [...nonRetryableErrorTypes, ...ledgerFailureTypes],
  },
});
