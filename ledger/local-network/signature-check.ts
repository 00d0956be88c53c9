/**
 * Checks that a transaction's SignatureMap satisfies a Hedera Key (ed25519, ECDSA secp256k1, key lists,
 * threshold keys). A primitive key counts as signed when a signature pair whose public-key prefix matches
 * it carries a valid signature over the exact body bytes.
 */
import { createPublicKey, verify } from 'node:crypto';
import { PublicKey } from '@hashgraph/sdk';
import type { HieroProto } from './proto.ts';

type Key = HieroProto.proto.IKey;
type SignaturePair = HieroProto.proto.ISignaturePair;

const ED25519_SPKI_PREFIX = Buffer.from('302a300506032b6570032100', 'hex');
const MAX_KEY_DEPTH = 15;

function startsWith(key: Uint8Array, prefix: Uint8Array): boolean {
  if (prefix.length > key.length) return false;
  for (let i = 0; i < prefix.length; i++) if (key[i] !== prefix[i]) return false;
  return true;
}

function verifyEd25519(publicKey: Uint8Array, message: Uint8Array, signature: Uint8Array): boolean {
  if (publicKey.length !== 32 || signature.length !== 64) return false;
  try {
    const der = Buffer.concat([ED25519_SPKI_PREFIX, publicKey]);
    return verify(null, message, createPublicKey({ key: der, format: 'der', type: 'spki' }), signature);
  } catch {
    return false;
  }
}

function verifySecp256k1(publicKey: Uint8Array, message: Uint8Array, signature: Uint8Array): boolean {
  try {
    return PublicKey.fromBytesECDSA(publicKey).verify(message, signature);
  } catch {
    return false;
  }
}

export class SignatureCheck {
  readonly #bodyBytes: Uint8Array;
  readonly #pairs: SignaturePair[];
  readonly #cache = new Map<string, boolean>();

  constructor(bodyBytes: Uint8Array, pairs: SignaturePair[]) {
    this.#bodyBytes = bodyBytes;
    this.#pairs = pairs;
  }

  /** True when the signatures satisfy `key`. An absent or empty key cannot be satisfied. */
  satisfies(key: Key | null | undefined, depth = 0): boolean {
    if (!key || depth > MAX_KEY_DEPTH) return false;
    if (key.ed25519?.length) return this.#primitive('ed25519', key.ed25519);
    if (key.ECDSASecp256k1?.length) return this.#primitive('secp256k1', key.ECDSASecp256k1);
    if (key.keyList) {
      const keys = key.keyList.keys ?? [];
      return keys.length > 0 && keys.every((k) => this.satisfies(k, depth + 1));
    }
    if (key.thresholdKey) {
      const keys = key.thresholdKey.keys?.keys ?? [];
      const threshold = key.thresholdKey.threshold ?? 0;
      if (threshold < 1 || threshold > keys.length) return false;
      return keys.filter((k) => this.satisfies(k, depth + 1)).length >= threshold;
    }
    return false;
  }

  #primitive(kind: 'ed25519' | 'secp256k1', publicKey: Uint8Array): boolean {
    const cacheKey = `${kind}:${Buffer.from(publicKey).toString('hex')}`;
    const cached = this.#cache.get(cacheKey);
    if (cached !== undefined) return cached;
    let ok = false;
    for (const pair of this.#pairs) {
      if (!startsWith(publicKey, pair.pubKeyPrefix ?? new Uint8Array())) continue;
      if (kind === 'ed25519' && pair.ed25519?.length) {
        ok = verifyEd25519(publicKey, this.#bodyBytes, pair.ed25519);
      } else if (kind === 'secp256k1' && pair.ECDSASecp256k1?.length) {
        ok = verifySecp256k1(publicKey, this.#bodyBytes, pair.ECDSASecp256k1);
      }
      if (ok) break;
    }
    this.#cache.set(cacheKey, ok);
    return ok;
  }
}

/** A Key is structurally valid when every leaf is a 32-byte ed25519 or 33-byte compressed secp256k1 key. */
export function isValidKey(key: Key | null | undefined, depth = 0): boolean {
  if (!key || depth > MAX_KEY_DEPTH) return false;
  if (key.ed25519?.length) return key.ed25519.length === 32;
  if (key.ECDSASecp256k1?.length) return key.ECDSASecp256k1.length === 33;
  if (key.keyList) {
    const keys = key.keyList.keys ?? [];
    return keys.length > 0 && keys.every((k) => isValidKey(k, depth + 1));
  }
  if (key.thresholdKey) {
    const keys = key.thresholdKey.keys?.keys ?? [];
    const t = key.thresholdKey.threshold ?? 0;
    return t >= 1 && t <= keys.length && keys.every((k) => isValidKey(k, depth + 1));
  }
  return false;
}
