import { sha256 } from '@noble/hashes/sha2';
import { bytesToHex, utf8ToBytes } from '@noble/hashes/utils';
import canonicalize from 'canonicalize';
import type { CheckedPolicy, PolicyDocument } from './policy-document.ts';

/**
 * The policy's identity: SHA-256 (hex) of the RFC 8785 (JCS) canonical JSON of its parsed form.
 * Comments, key order, quoting and layout of the YAML do not change it; any semantic edit does.
 *
 * @example
 * policyHash(policy) // 'e3b0c442…' (64 hex characters)
 */
export function policyHash(policy: CheckedPolicy | PolicyDocument): string {
  const document = 'document' in policy && '__checked' in policy ? policy.document : policy;
  const canonical = canonicalize(document);
  if (canonical === undefined) throw new TypeError('policy document cannot be canonicalized');
  // Pure-JS SHA-256 (not node:crypto): the workflow sandbox compiles policies and has no Node built-ins.
  return bytesToHex(sha256(utf8ToBytes(canonical)));
}
