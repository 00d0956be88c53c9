import type { SubjectSchema } from './credential-types.ts';

const DATE_TIME = {
  type: 'string',
  pattern: '^\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}(\\.\\d{1,9})?(Z|[+-]\\d{2}:\\d{2})$',
};
const HASH = { type: 'string', pattern: '^[0-9a-f]{64}$' };

function subject(required: string[], properties: Record<string, unknown>): SubjectSchema {
  return {
    $schema: 'https://json-schema.org/draft/2020-12/schema',
    type: 'object',
    additionalProperties: false,
    required,
    properties,
  };
}

/**
 * Subject schemas of the evidence credentials. They are fixed here, not taken from the policy or
 * the bundle: an issuer who could loosen them could make a review or a plant file mean anything.
 */
export const evidenceSubjectSchemas = {
  /** The plant a project is computed from, attested by the registry; a new version supersedes. */
  ProjectRegistration: subject(['id', 'projectId', 'version', 'effectiveFrom', 'plant', 'parameters'], {
    id: { type: 'string', pattern: '^urn:', maxLength: 200 },
    projectId: { type: 'string', maxLength: 64 },
    version: { type: 'integer', minimum: 1 },
    effectiveFrom: DATE_TIME,
    /** The plant file without its devices (those are bound by DeviceRegistration credentials). */
    plant: { type: 'object' },
    /** Project overrides of the policy's parameters. */
    parameters: { type: 'object', additionalProperties: { type: 'number' } },
  }),
  /** A verifier's decision on one flagged reading, named by its Merkle leaf hash. */
  ReviewDecision: subject(['id', 'reading', 'deviceId', 'seq', 'decision', 'reason'], {
    id: { type: 'string', pattern: '^urn:', maxLength: 200 },
    reading: HASH,
    deviceId: { type: 'string', pattern: '^did:', maxLength: 400 },
    seq: { type: 'integer', minimum: 0 },
    decision: { enum: ['approve', 'reject'] },
    reason: { type: 'string', maxLength: 2000 },
  }),
  /** An accreditation authority's statement that a DID holds a policy role. */
  RoleAccreditation: subject(['id', 'role'], {
    id: { type: 'string', pattern: '^did:', maxLength: 400 },
    role: { enum: ['registry', 'verifier'] },
  }),
} satisfies Record<string, SubjectSchema>;
