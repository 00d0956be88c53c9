import { createPublicKey, type KeyObject, verify } from 'node:crypto';
import { signingPayload } from '../engine/telemetry/signing-payload.ts';
import type { TelemetryDocument } from '../engine/telemetry/telemetry-document.ts';

const SIGNATURE_RE = /^[A-Za-z0-9_-]{86}$/;
const keys = new Map<string, KeyObject>();

/** Ed25519 public key (raw 32 bytes) as a KeyObject, cached: the import costs more than a verify. */
function keyObject(publicKey: Uint8Array): KeyObject {
  const x = Buffer.from(publicKey).toString('base64url');
  let key = keys.get(x);
  if (!key) {
    key = createPublicKey({ key: { kty: 'OKP', crv: 'Ed25519', x }, format: 'jwk' });
    if (keys.size > 10_000) keys.clear();
    keys.set(x, key);
  }
  return key;
}

/**
 * Whether `message` carries a valid Ed25519 signature (RFC 8032, strict: node:crypto/OpenSSL refuses
 * non-canonical S and small-order keys) by the raw 32-byte `publicKey`. The one seam the trust-chain
 * verifier checks signatures through.
 */
export function verifyEd25519Bytes(
  message: Uint8Array,
  signature: Uint8Array,
  publicKey: Uint8Array,
): boolean {
  if (publicKey.length !== 32 || signature.length !== 64) return false;
  try {
    return verify(null, message, keyObject(publicKey), signature);
  } catch {
    return false;
  }
}

/** A telemetry v1 document's signature (base64url, over the JCS form without `signature`). */
export function verifyEd25519(document: TelemetryDocument, publicKey: Uint8Array): boolean {
  if (typeof document.signature !== 'string' || !SIGNATURE_RE.test(document.signature)) return false;
  return verifyEd25519Bytes(
    signingPayload(document),
    Buffer.from(document.signature, 'base64url'),
    publicKey,
  );
}
