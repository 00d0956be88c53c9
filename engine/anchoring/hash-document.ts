import { sha256 } from '@noble/hashes/sha2';
import { bytesToHex, hexToBytes, utf8ToBytes } from '@noble/hashes/utils';
import canonicalize from 'canonicalize';
import { AnchoringError } from './anchoring-error.ts';

// Domain separation (RFC 6962 §2.1): a leaf is hashed with a 0x00 prefix, an interior node with 0x01,
// so no interior node can be passed off as a document and a proof cannot be shortened or extended.
const LEAF_PREFIX = 0x00;
const NODE_PREFIX = 0x01;
const HEX_HASH = /^[0-9a-f]{64}$/;

/**
 * The Merkle leaf hash of a JSON document: SHA-256(0x00 ‖ UTF-8(JCS(document))), lowercase hex.
 * JCS (RFC 8785) makes the hash independent of key order and number formatting.
 *
 * @example
 * hashDocument({ b: 1, a: 2 }) === hashDocument({ a: 2, b: 1 }); // true
 */
export function hashDocument(document: unknown): string {
  let json: string | undefined;
  try {
    json = canonicalize(document);
  } catch (cause) {
    throw new AnchoringError('NOT_CANONICALIZABLE', 'document cannot be canonicalized (JCS)', { cause });
  }
  if (typeof json !== 'string') {
    throw new AnchoringError('NOT_CANONICALIZABLE', 'document cannot be canonicalized (JCS)');
  }
  const body = utf8ToBytes(json);
  const input = new Uint8Array(body.length + 1);
  input[0] = LEAF_PREFIX;
  input.set(body, 1);
  return bytesToHex(sha256(input));
}

/**
 * The hash of an interior node: SHA-256(0x01 ‖ left ‖ right), lowercase hex.
 *
 * @example
 * const parent = hashNode(hashDocument({ a: 1 }), hashDocument({ a: 2 }));
 */
export function hashNode(left: string, right: string): string {
  const input = new Uint8Array(65);
  input[0] = NODE_PREFIX;
  input.set(hashBytes(left), 1);
  input.set(hashBytes(right), 33);
  return bytesToHex(sha256(input));
}

/** True when `value` is a lowercase hex SHA-256 digest. */
export function isHashHex(value: unknown): value is string {
  return typeof value === 'string' && HEX_HASH.test(value);
}

function hashBytes(hex: string): Uint8Array {
  if (!isHashHex(hex)) throw new AnchoringError('INVALID_HASH', 'expected a lowercase hex SHA-256 digest');
  return hexToBytes(hex);
}
