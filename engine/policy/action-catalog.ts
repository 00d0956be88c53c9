import type { WorkflowName } from './policy-document.ts';

/** How an action parameter is checked: a reference to a declared role or credential, or a literal. */
export interface ActionParamSpec {
  kind: 'role' | 'credential' | 'document' | 'string' | 'status';
  required: boolean;
}

export interface ActionSpec {
  description: string;
  /** Workflows in which the action may appear (the host knows how to run it there). */
  workflows: readonly WorkflowName[];
  params: Readonly<Record<string, ActionParamSpec>>;
}

const all: readonly WorkflowName[] = ['device_lifecycle', 'reading_review', 'period_issuance'];

/**
 * The fixed action catalog. A compiled machine emits these as plain data (`{ type, params }`); the
 * Temporal workflows turn each into one activity. Nothing else can happen as a side effect of a policy.
 */
export const actionCatalog = {
  verify: {
    description: 'Verify the reading with the policy verification config; answers with a `verified` event.',
    workflows: ['reading_review'],
    params: {},
  },
  requestReview: {
    description: 'Open a review task for a human of the given role (default verifier).',
    workflows: all,
    params: { role: { kind: 'role', required: false } },
  },
  issueCredential: {
    description: 'Issue a verifiable credential whose subject follows the named credential schema.',
    workflows: all,
    params: { schema: { kind: 'credential', required: true } },
  },
  anchor: {
    description:
      "Anchor a document on HCS, per document or in the next Merkle batch (see anchoring): a credential schema's latest credential, or 'reading'.",
    workflows: all,
    params: { document: { kind: 'document', required: true } },
  },
  mint: {
    description: 'Mint the methodology mint amount, exactly once per monitoring period.',
    workflows: ['period_issuance'],
    params: {},
  },
  notify: {
    description: 'Notify everyone holding a role.',
    workflows: all,
    params: { role: { kind: 'role', required: true }, message: { kind: 'string', required: false } },
  },
  computeMethodology: {
    description: 'Compute BE, PE, LE, ER and the mint amount for the monitoring period.',
    workflows: ['period_issuance'],
    params: {},
  },
  setStatus: {
    description: "Record the subject's status (device, reading or period).",
    workflows: all,
    params: { status: { kind: 'status', required: true } },
  },
} as const satisfies Record<string, ActionSpec>;

export type ActionName = keyof typeof actionCatalog;

/** Statuses `setStatus` may record, per workflow. */
export const statusesOf: Readonly<Record<WorkflowName, readonly string[]>> = {
  device_lifecycle: ['pending', 'active', 'suspended', 'retired'],
  reading_review: ['PENDING', 'APPROVED', 'FLAGGED', 'REJECTED'],
  period_issuance: [
    'open',
    'computing',
    'awaiting_approval',
    'minting',
    'issued',
    'closed',
    'rejected',
    'not_eligible',
  ],
};

/** The role the service itself acts as (verification results, timers, period close). */
export const systemRole = 'system';
