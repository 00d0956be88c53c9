import { type KeyObject, verify } from 'node:crypto';
import { signingPayload } from './signing-payload.ts';
import type { TelemetryDocument } from './telemetry-document.ts';

const SIGNATURE_RE = /^[A-Za-z0-9_-]{86}$/;

/**
 * Whether `document.signature` is a valid Ed25519 signature by `publicKey` over the JCS payload.
 * A malformed signature is simply invalid.
 *
 * @example
 * verifyTelemetrySignature(doc, keyOf(doc.device_id)!) // true
 */
export function verifyTelemetrySignature(document: TelemetryDocument, publicKey: KeyObject): boolean {
  // 64 bytes are exactly 86 base64url characters without padding.
  if (!SIGNATURE_RE.test(document.signature)) return false;
  const signature = Buffer.from(document.signature, 'base64url');
  try {
    return verify(null, signingPayload(document), publicKey, signature);
  } catch {
    return false;
  }
}
