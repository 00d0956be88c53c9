import { hash } from 'node:crypto';
import { type CanonicalForms, canonicalForms } from './canonical-forms.ts';
import type { TelemetryDocument } from './telemetry-document.ts';

/**
 * The hash a device chains its next document to (`prev_hash`): lowercase hex SHA-256 of the JCS form
 * of the whole signed document, signature included — so a document re-signed or altered after the
 * fact no longer matches the chain the device built. `forms` lets the verifier reuse the members it
 * wrote for the signature check.
 *
 * @example
 * const next = { ...unsigned, prev_hash: documentHash(previousSigned) };
 */
export function documentHash(
  document: TelemetryDocument,
  forms: CanonicalForms = canonicalForms(document),
): string {
  // One-shot hash (strings are hashed as UTF-8): half the cost of createHash/update/digest.
  return hash('sha256', forms.signed(), 'hex');
}
