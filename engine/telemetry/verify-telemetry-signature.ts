import type { CanonicalForms } from './canonical-forms.ts';
import { signingPayload } from './signing-payload.ts';
import type { TelemetryDocument } from './telemetry-document.ts';
import { verifyEd25519 } from './verify-ed25519.ts';

const SIGNATURE_RE = /^[A-Za-z0-9_-]{86}$/;

/**
 * Whether `document.signature` is a valid Ed25519 signature by the raw 32-byte `publicKey` over the JCS
 * payload (`forms`: its canonical text, when the caller already has it). A malformed signature is simply
 * invalid.
 *
 * @example
 * verifyTelemetrySignature(doc, ed25519KeyFromDidKey(doc.device_id)!) // true
 */
export function verifyTelemetrySignature(
  document: TelemetryDocument,
  publicKey: Uint8Array,
  forms?: CanonicalForms,
): boolean {
  // 64 bytes are exactly 86 base64url characters without padding.
  if (typeof document.signature !== 'string' || !SIGNATURE_RE.test(document.signature)) return false;
  let payload: Uint8Array;
  try {
    payload = signingPayload(document, forms);
  } catch {
    return false; // a document built in memory may have no JSON form; it cannot carry a valid signature
  }
  return verifyEd25519(payload, Buffer.from(document.signature, 'base64url'), publicKey);
}
