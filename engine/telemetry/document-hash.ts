import { createHash } from 'node:crypto';
import canonicalize from 'canonicalize';
import type { TelemetryDocument } from './telemetry-document.ts';

/**
 * The hash a device chains its next document to (`prev_hash`): lowercase hex SHA-256 of the JCS form
 * of the whole signed document, signature included — so a document re-signed or altered after the
 * fact no longer matches the chain the device built.
 *
 * @example
 * const next = { ...unsigned, prev_hash: documentHash(previousSigned) };
 */
export function documentHash(document: TelemetryDocument): string {
  const text = canonicalize(document);
  if (text === undefined) throw new TypeError('document has no JSON form');
  return createHash('sha256').update(text, 'utf8').digest('hex');
}
