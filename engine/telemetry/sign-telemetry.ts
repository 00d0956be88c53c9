import { type KeyObject, sign } from 'node:crypto';
import { signingPayload } from './signing-payload.ts';
import type { TelemetryDocument, UnsignedTelemetryDocument } from './telemetry-document.ts';

/**
 * Signs a telemetry document the way a device does (Ed25519 over the JCS payload, base64url without
 * padding). Used by the synthetic generator, tests and edge tooling; the verifier never signs.
 *
 * @example
 * const signed = signTelemetry(unsigned, privateKey);
 */
export function signTelemetry(document: UnsignedTelemetryDocument, privateKey: KeyObject): TelemetryDocument {
  const signature = sign(null, signingPayload(document), privateKey).toString('base64url');
  return { ...document, signature };
}
