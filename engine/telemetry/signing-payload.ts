import { type CanonicalForms, canonicalForms } from './canonical-forms.ts';
import type { TelemetryDocument, UnsignedTelemetryDocument } from './telemetry-document.ts';

const encoder = new TextEncoder();

/**
 * The bytes a device signs: UTF-8 of the RFC 8785 (JCS) form of the document without `signature`.
 * `forms` lets a caller that also hashes the document canonicalize it once.
 *
 * @example
 * crypto.sign(null, signingPayload(doc), privateKey)
 */
export function signingPayload(
  document: TelemetryDocument | UnsignedTelemetryDocument,
  forms: CanonicalForms = canonicalForms(document),
): Uint8Array {
  return encoder.encode(forms.unsigned());
}
