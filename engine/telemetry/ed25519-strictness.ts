/**
 * libsodium's strict Ed25519 acceptance rules, applied before either backend so that both give the same
 * answer. OpenSSL (node:crypto) checks S < L but accepts small-order and non-canonically encoded public
 * keys and small-order R: with A = identity, R = identity and S = 0 "verifies" every message, and a
 * device that registers such a key could sign anything. libsodium refuses all of those.
 */

/** Encodings of the eight small-order points, sign bit cleared (libsodium's `ge25519_has_small_order`). */
const SMALL_ORDER = [
  // 0 (order 4), 1 (the identity)
  '0000000000000000000000000000000000000000000000000000000000000000',
  '0100000000000000000000000000000000000000000000000000000000000000',
  // the two order-8 y values
  '26e8958fc2b227b045c3f489f2ef98f0d5dfac05d3c63339b13802886d53fc05',
  'c7176a703d4dd84fba3c0b760d10670f2a2053fa2c39ccc64ec7fd7792ac037a',
  // p - 1 (order 2), then p and p + 1: non-canonical encodings of 0 and 1
  'ecffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff7f',
  'edffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff7f',
  'eeffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff7f',
].map((h) => Uint8Array.from(h.match(/../g)!, (b) => Number.parseInt(b, 16)));

/** The group order L = 2^252 + 27742317777372353535851937790883648493, little-endian. */
const L = Uint8Array.from(
  'edd3f55c1a631258d69cf7a2def9de1400000000000000000000000000000010'.match(/../g)!,
  (b) => Number.parseInt(b, 16),
);

/** Whether the 32 bytes at `offset` encode a small-order point (either sign of x). */
export function isSmallOrderPoint(bytes: Uint8Array, offset = 0): boolean {
  outer: for (const point of SMALL_ORDER) {
    for (let i = 0; i < 31; i++) if (bytes[offset + i] !== point[i]) continue outer;
    if ((bytes[offset + 31]! & 0x7f) === point[31]) return true;
  }
  return false;
}

/** Whether a point encoding has y < p = 2^255 - 19 (only y in [p, 2^255) is non-canonical). */
export function isCanonicalPoint(bytes: Uint8Array): boolean {
  if ((bytes[31]! & 0x7f) !== 0x7f) return true;
  for (let i = 30; i > 0; i--) if (bytes[i] !== 0xff) return true;
  return bytes[0]! < 0xed;
}

/** Whether the signature's S (bytes 32–63, little-endian) is below L (RFC 8032 §5.1.7). */
export function isCanonicalScalar(signature: Uint8Array): boolean {
  for (let i = 31; i >= 0; i--) {
    const s = signature[32 + i]!;
    if (s !== L[i]) return s < L[i]!;
  }
  return false;
}

/** The checks libsodium makes before the curve arithmetic; lengths are the caller's. */
export function passesStrictEd25519(signature: Uint8Array, publicKey: Uint8Array): boolean {
  return (
    isCanonicalScalar(signature) &&
    !isSmallOrderPoint(signature, 0) &&
    isCanonicalPoint(publicKey) &&
    !isSmallOrderPoint(publicKey, 0)
  );
}
