/**
 * Failure types an activity throws when retrying cannot help, so the workflow sees them at once.
 * Shared by the activities (which throw them) and the workflow proxies (which list them).
 */

/** Business refusals from the database activities. */
export const businessFailureTypes = [
  'ProjectNotFound',
  'PolicyNotFound',
  'PolicyInvalid',
  'PlantInvalid',
  'DeviceNotFound',
  'CredentialRefused',
] as const;

/**
 * Final ledger outcomes (see ledger/ledger-error.ts). A Hedera rejection is reported under the
 * network's own status when it gave one (e.g. `INVALID_SIGNATURE`, `INSUFFICIENT_PAYER_BALANCE`),
 * which is what an operator searches for; these are the types without a status. Every one of them is
 * thrown as a non-retryable ApplicationFailure, whatever its type.
 * `DEAD_LETTERED` is deliberately absent: the activity keeps retrying with backoff, so the workflow
 * continues by itself once an operator has run `mrv ledger replay`.
 */
export const ledgerFailureTypes = [
  'IDEMPOTENCY_CONFLICT',
  'INVALID_REQUEST',
  'INVALID_CONFIG',
  'REJECTED',
  'TRANSACTION_ID_COLLISION',
  'NOT_FOUND',
] as const;

/**
 * Why an Update validator refused a message (the API answers 403 for `role`, 409 for `state`): the
 * workflow throws these types and the gateway reads them, so nobody parses the reason's wording.
 */
export const refusalTypes = { role: 'RoleRefused', state: 'StateRefused' } as const;
export type RefusalKind = keyof typeof refusalTypes;
