import type { CheckedPolicy } from './policy-document.ts';
import { PolicyError } from './policy-error.ts';
import { policyHash } from './policy-hash.ts';

/** A published policy version as a registry records it. */
export interface PublishedVersion {
  id: string;
  version: string;
  hash: string;
}

/**
 * Enforces immutability of published versions: publishing (id, version) again is allowed only with the
 * identical content hash (an idempotent retry). Returns the version record to store.
 *
 * @example
 * checkPublication(published, policy) // { id: 'hydro-ams-i-d', version: '1.0.0', hash: '…' }
 * @throws PolicyError VERSION_CONFLICT when the version exists with other content
 */
export function checkPublication(
  published: readonly PublishedVersion[],
  policy: CheckedPolicy,
): PublishedVersion {
  const record = { id: policy.document.id, version: policy.document.version, hash: policyHash(policy) };
  const existing = published.find((p) => p.id === record.id && p.version === record.version);
  if (existing && existing.hash !== record.hash) {
    throw new PolicyError(
      'VERSION_CONFLICT',
      `${record.id}@${record.version} is already published with hash ${existing.hash}; publish the change under a new version`,
    );
  }
  return record;
}
