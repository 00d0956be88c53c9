import canonicalize from 'canonicalize';
import type { TelemetryDocument, UnsignedTelemetryDocument } from './telemetry-document.ts';

const encoder = new TextEncoder();

/**
 * The bytes a device signs: UTF-8 of the RFC 8785 (JCS) form of the document without `signature`.
 *
 * @example
 * crypto.sign(null, signingPayload(doc), privateKey)
 */
export function signingPayload(document: TelemetryDocument | UnsignedTelemetryDocument): Uint8Array {
  const { signature: _ignored, ...unsigned } = document as TelemetryDocument;
  const text = canonicalize(unsigned);
  if (text === undefined) throw new TypeError('document has no JSON form');
  return encoder.encode(text);
}
