/**
 * The document a policy version's publication anchors on the organization's anchor topic: a Merkle
 * batch of one, whose anchor message states the policy hash like every reading and report anchor.
 * Anchored when the version is published, so its consensus time proves the rules existed, unchanged,
 * before the first reading judged by them; an auditor compares it with the readings' anchors.
 */
export interface PolicyPublication {
  type: 'PolicyPublication';
  v: 1;
  policyId: string;
  version: string;
  /** Hex SHA-256 of the canonical policy document (engine/policy policyHash). */
  policyHash: string;
}

/** The anchor message's `period` of a publication: it belongs to no monitoring period. */
export const POLICY_PUBLICATION_PERIOD = 'policy-publication';

/** The publication document of a policy version (its id, version and hash, as the store keeps them). */
export function policyPublicationDocument(p: {
  policyId: string;
  version: string;
  hash: string;
}): PolicyPublication {
  return { type: 'PolicyPublication', v: 1, policyId: p.policyId, version: p.version, policyHash: p.hash };
}

export function isPolicyPublication(value: unknown): value is PolicyPublication {
  if (value === null || typeof value !== 'object') return false;
  const v = value as Record<string, unknown>;
  return (
    v.type === 'PolicyPublication' &&
    v.v === 1 &&
    typeof v.policyId === 'string' &&
    typeof v.version === 'string' &&
    typeof v.policyHash === 'string' &&
    Object.keys(v).length === 5
  );
}
