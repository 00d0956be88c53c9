import { dateTimeSchema, idSchema, nullableString, scopeSchema } from './api-schemas.ts';
import { namedSchema } from './openapi/named-schema.ts';
import { issuanceIdSchema, periodSchema } from './period-schema.ts';

/**
 * Named answer shapes of the resources whose JSON is built in their route or view (a table of
 * types, kept in one place so the OpenAPI document and the SDKs share their names).
 */
export const organizationSchema = namedSchema('Organization', {
  type: 'object',
  properties: { id: { type: 'string' }, name: { type: 'string' }, created_at: dateTimeSchema },
  required: ['id', 'name', 'created_at'],
});

export const credentialInfoSchema = namedSchema('CredentialInfo', {
  type: 'object',
  description: 'The credential that made this request',
  properties: {
    kind: { enum: ['api_key', 'access_token'] },
    key_id: idSchema('key'),
    scopes: { type: 'array', items: scopeSchema },
  },
  required: ['kind', 'key_id', 'scopes'],
});

export const policyRefSchema = namedSchema('PolicyRef', {
  type: 'object',
  properties: {
    id: idSchema('pol'),
    policy_id: { type: 'string' },
    version: { type: 'string' },
    hash: { type: 'string' },
  },
  required: ['id', 'policy_id', 'version', 'hash'],
});

export const policyLedgerAnchorSchema = namedSchema('PolicyLedgerAnchor', {
  type: 'object',
  description:
    "Where the version's publication (its hash) is anchored on the organization's HCS anchor topic; its consensus time is what shows the rules predate the readings judged by them",
  properties: {
    topic_id: { type: 'string', examples: ['0.0.1042'] },
    sequence_number: { type: 'integer', minimum: 1 },
    consensus_timestamp: { type: 'string', examples: ['1767225600.000000001'] },
    root: { type: 'string', description: 'Merkle root of the publication document (a batch of one)' },
  },
  required: ['topic_id', 'sequence_number', 'consensus_timestamp', 'root'],
});

export const policyVersionSchema = namedSchema('PolicyVersion', {
  type: 'object',
  properties: {
    id: idSchema('pol'),
    policy_id: { type: 'string' },
    version: { type: 'string' },
    title: { type: 'string' },
    hash: { type: 'string' },
    file_name: { type: 'string' },
    draft_id: idSchema('pdr'),
    published_at: dateTimeSchema,
    source: { type: 'string', description: 'The YAML source (single version only)' },
    ledger_anchor: policyLedgerAnchorSchema,
  },
  required: ['id', 'policy_id', 'version', 'hash', 'published_at'],
});

export const policyProblemSchema = namedSchema('PolicyProblem', {
  type: 'object',
  description: 'One problem of a policy file, with where it is',
  properties: {
    line: { type: 'integer' },
    col: { type: 'integer' },
    code: { type: 'string' },
    message: { type: 'string' },
  },
  required: ['line', 'col', 'code', 'message'],
});

export const policyDraftSchema = namedSchema('PolicyDraft', {
  type: 'object',
  properties: {
    id: idSchema('pdr'),
    file_name: { type: 'string' },
    valid: { type: 'boolean' },
    problems: { type: 'array', items: policyProblemSchema },
    policy_id: nullableString,
    version: nullableString,
    title: nullableString,
    hash: nullableString,
    published_as: nullableString,
    created_at: dateTimeSchema,
    checked_at: dateTimeSchema,
    source: { type: 'string', description: 'The YAML source (single draft only)' },
  },
  required: ['id', 'file_name', 'valid', 'problems', 'created_at', 'checked_at'],
});

export const policyGraphSchema = namedSchema('PolicyGraph', {
  type: 'object',
  properties: {
    policy_id: { type: 'string' },
    version: { type: 'string' },
    workflows: {
      type: 'object',
      additionalProperties: { type: 'string' },
      description: 'Mermaid state diagram source per workflow',
    },
  },
  required: ['policy_id', 'version', 'workflows'],
});

export const readingCountsSchema = namedSchema('ReadingCounts', {
  type: 'object',
  properties: { approved: { type: 'integer' }, flagged: { type: 'integer' }, rejected: { type: 'integer' } },
  required: ['approved', 'flagged', 'rejected'],
});

export const scopeEnergySchema = namedSchema('ScopeEnergy', {
  type: 'object',
  description: "A metering scope's share of the period's energy (the plant file's devices[].scope)",
  properties: {
    scope: { type: 'string', description: '`plant`, a unit id, or `unassigned`', examples: ['plant'] },
    eg_mwh: { type: 'number', description: 'Exported energy EG, MWh' },
    teg_mwh: { type: 'number', description: 'Gross generation TEG, MWh' },
  },
  required: ['scope', 'eg_mwh', 'teg_mwh'],
});

export const periodStatusSchema = namedSchema('Period', {
  type: 'object',
  properties: {
    projectId: idSchema('prj'),
    period: periodSchema,
    status: { type: 'string' },
    workflowId: { type: 'string' },
    readings: readingCountsSchema,
    eg_mwh: { type: 'number' },
    er_tco2e: { type: 'number' },
    eg_by_scope: {
      type: 'array',
      items: scopeEnergySchema,
      description: 'EG per metering scope, once the methodology has computed the period',
    },
    updatedAt: dateTimeSchema,
    details: { type: 'object', additionalProperties: true },
  },
  required: ['projectId', 'period', 'status'],
});

export const issuanceSchema = namedSchema('Issuance', {
  type: 'object',
  properties: {
    id: issuanceIdSchema,
    projectId: idSchema('prj'),
    period: periodSchema,
    status: { type: 'string' },
    tokenId: { type: 'string' },
    amount: { type: 'number' },
    monitoringReport: { type: 'object', description: 'The monitoring-report credential' },
    issuanceCredential: { type: 'object', description: 'The issuance credential' },
    anchor: { type: 'object', description: 'Where the issuance credential is anchored (HCS)' },
    trust_chain_available: { type: 'boolean' },
    updated_at: dateTimeSchema,
  },
  required: ['id', 'projectId', 'period', 'status', 'trust_chain_available', 'updated_at'],
});

export const mintSchema = namedSchema('Mint', {
  type: 'object',
  properties: {
    id: idSchema('mnt'),
    tokenId: { type: 'string' },
    issuanceId: issuanceIdSchema,
    amount: { type: 'number' },
    transactionId: { type: 'string' },
    memo: { type: 'string' },
    status: { type: 'string' },
    created_at: dateTimeSchema,
  },
  required: ['id', 'tokenId', 'issuanceId', 'amount', 'status', 'created_at'],
});

export const trustChainSchema = namedSchema('TrustChainBundle', {
  type: 'object',
  description:
    'Everything an auditor needs to check an issuance offline (docs/specs): credentials, anchors, inclusion proofs, device signatures, the plant and the policy. Verify it with `mrv verify-chain` or the SDKs.',
  additionalProperties: true,
});

export const auditRecordSchema = namedSchema('AuditRecord', {
  type: 'object',
  properties: {
    seq: { type: 'integer' },
    at: dateTimeSchema,
    actor: { type: 'string' },
    action: { type: 'string' },
    resource: { type: 'string' },
    status: { type: 'integer' },
    hash: { type: 'string' },
  },
  required: ['seq', 'at', 'actor', 'action', 'resource', 'status'],
});

export const jwkSetSchema = namedSchema('JwkSet', {
  type: 'object',
  properties: { keys: { type: 'array', items: { type: 'object', additionalProperties: true } } },
  required: ['keys'],
});
