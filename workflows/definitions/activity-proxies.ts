import { proxyActivities } from '@temporalio/workflow';
import type { createCredentialActivities } from '../activities/credential-activities.ts';
import type { createLedgerActivities } from '../activities/ledger-activities.ts';
import type { createPeriodActivities } from '../activities/period-activities.ts';
import type { createPolicyActivities } from '../activities/policy-activities.ts';
import type { createReadingActivities } from '../activities/reading-activities.ts';
import type { createTaskActivities } from '../activities/task-activities.ts';
import type { createTrustChainActivities } from '../activities/trust-chain-activities.ts';

type Store = ReturnType<typeof createPolicyActivities> &
  ReturnType<typeof createReadingActivities> &
  ReturnType<typeof createTaskActivities> &
  ReturnType<typeof createCredentialActivities> &
  ReturnType<typeof createPeriodActivities> &
  ReturnType<typeof createTrustChainActivities>;
type Ledger = ReturnType<typeof createLedgerActivities>;

/** Business refusals: retrying cannot help, so the workflow sees them at once. */
const nonRetryableErrorTypes = [
  'ProjectNotFound',
  'PolicyNotFound',
  'PolicyInvalid',
  'PlantInvalid',
  'DeviceNotFound',
  'CredentialRefused',
];

/** Database and signing work: short, retried with backoff. */
export const storeActivities = proxyActivities<Store>({
  startToCloseTimeout: '2 minutes',
  retry: {
    initialInterval: '1 second',
    backoffCoefficient: 2,
    maximumInterval: '1 minute',
    nonRetryableErrorTypes,
  },
});

/**
 * Hedera side effects. The ledger adapter itself retries, reconciles and dead-letters inside one
 * attempt (up to ~10 minutes), so Temporal retries are a second line, and every retry reuses the same
 * idempotency key: exactly once either way.
 */
export const ledgerActivities = proxyActivities<Ledger>({
  startToCloseTimeout: '15 minutes',
  retry: {
    initialInterval: '5 seconds',
    backoffCoefficient: 2,
    maximumInterval: '5 minutes',
    nonRetryableErrorTypes,
  },
});
