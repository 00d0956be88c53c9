import type { Db, IndexDescription } from 'mongodb';

/**
 * Every tenant collection and its indexes, in one table. Each document carries `orgId` and every
 * index starts with it (test/store/indexes.test.ts checks this table and the live database), so no
 * query can be served across organizations by an index. The built-in `_id` index is the only other.
 */
export const tenantCollections = {
  organizations: [{ key: { orgId: 1 }, name: 'org', unique: true }],
  api_keys: [{ key: { orgId: 1, createdAt: 1 }, name: 'org_created' }],
  rate_limits: [{ key: { orgId: 1, keyId: 1, window: 1 }, name: 'org_key_window', unique: true }],
  idempotency_records: [{ key: { orgId: 1, principal: 1, key: 1 }, name: 'org_principal_key', unique: true }],
  audit_log: [{ key: { orgId: 1, seq: 1 }, name: 'org_seq', unique: true }],
  policy_drafts: [{ key: { orgId: 1, createdAt: 1 }, name: 'org_created' }],
  policy_versions: [{ key: { orgId: 1, policyId: 1, version: 1 }, name: 'org_policy_version', unique: true }],
  projects: [{ key: { orgId: 1, plantId: 1 }, name: 'org_plant', unique: true }],
  devices: [
    { key: { orgId: 1, did: 1 }, name: 'org_did', unique: true },
    { key: { orgId: 1, projectId: 1 }, name: 'org_project' },
  ],
  readings: [
    { key: { orgId: 1, did: 1, seq: 1 }, name: 'org_did_seq', unique: true },
    { key: { orgId: 1, status: 1, _id: 1 }, name: 'org_status_id' },
    { key: { orgId: 1, deviceId: 1, _id: 1 }, name: 'org_device_id' },
    { key: { orgId: 1, projectId: 1, _id: 1 }, name: 'org_project_id' },
  ],
  periods: [{ key: { orgId: 1, projectId: 1, period: 1 }, name: 'org_project_period', unique: true }],
  issuances: [{ key: { orgId: 1, projectId: 1, period: 1 }, name: 'org_project_period' }],
  mints: [{ key: { orgId: 1, tokenId: 1, _id: 1 }, name: 'org_token_id' }],
  // Written by the workflows' activities (issue 7).
  credentials: [
    { key: { orgId: 1, key: 1 }, name: 'org_key', unique: true },
    { key: { orgId: 1, projectId: 1, type: 1 }, name: 'org_project_type' },
  ],
  status_lists: [{ key: { orgId: 1, _id: 1 }, name: 'org_id' }],
  status_list_versions: [{ key: { orgId: 1, _id: 1 }, name: 'org_id' }],
  // Status-list versions anchored on the ledger (identity/check-status-lists.ts reads them there).
  status_list_anchors: [{ key: { orgId: 1, listId: 1, createdAt: 1 }, name: 'org_list_created' }],
  anchor_batches: [
    { key: { orgId: 1, projectId: 1, kind: 1, createdAt: 1 }, name: 'org_project_kind_created' },
  ],
  review_tasks: [{ key: { orgId: 1, status: 1, role: 1, openedAt: 1 }, name: 'org_status_role_opened' }],
  notifications: [{ key: { orgId: 1, role: 1, createdAt: 1 }, name: 'org_role_created' }],
  verifier_states: [{ key: { orgId: 1, deviceId: 1 }, name: 'org_device', unique: true }],
  verifier_state_versions: [{ key: { orgId: 1, _id: 1 }, name: 'org_id' }],
  // Gateways and their X.509 certificates (api/pki, docs/api/mtls.md).
  gateways: [{ key: { orgId: 1, createdAt: 1 }, name: 'org_created' }],
  gateway_enrollments: [{ key: { orgId: 1, gatewayId: 1 }, name: 'org_gateway' }],
  gateway_enrollment_uses: [{ key: { orgId: 1, _id: 1 }, name: 'org_id' }],
  gateway_certificates: [{ key: { orgId: 1, gatewayId: 1, issuedAt: 1 }, name: 'org_gateway_issued' }],
  pki_cas: [{ key: { orgId: 1 }, name: 'org', unique: true }],
  pki_crls: [{ key: { orgId: 1, number: 1 }, name: 'org_number', unique: true }],
  // Meter calibration certificates (issue 17): uploaded, then approved or rejected by the device workflow.
  calibrations: [{ key: { orgId: 1, deviceId: 1, submittedAt: 1 }, name: 'org_device_submitted' }],
  // Web console sign-ins (api/auth/console-session.ts): revocable one by one.
  console_sessions: [{ key: { orgId: 1, keyId: 1, createdAt: 1 }, name: 'org_key_created' }],
  // Trust-chain bundles published by their anchored hash (GET /v1/public/documents/{hash}).
  public_documents: [{ key: { orgId: 1, issuanceId: 1 }, name: 'org_issuance' }],
} as const satisfies Record<string, readonly IndexDescription[]>;

export type TenantCollectionName = keyof typeof tenantCollections;

/**
 * Creates the indexes (idempotent). Run once at API/worker start-up. One index per call: FerretDB
 * drops the connection when a multi-index `createIndexes` names indexes that already exist.
 */
export async function ensureTenantIndexes(db: Db): Promise<void> {
  for (const [name, indexes] of Object.entries(tenantCollections)) {
    for (const { key, ...options } of indexes) await db.collection(name).createIndex({ ...key }, options);
  }
}
