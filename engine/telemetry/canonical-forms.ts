import canonicalize from 'canonicalize';
import { canonicalMembers } from './canonical-json.ts';
import type { TelemetryDocument, UnsignedTelemetryDocument } from './telemetry-document.ts';

/** The two JCS texts of one telemetry document, from one pass over its members. */
export interface CanonicalForms {
  /** The whole document, signature included: what `documentHash` hashes for the chain. */
  signed(): string;
  /** The document without `signature`: what the device signs. */
  unsigned(): string;
}

/**
 * Both canonical forms of a document. The verifier needs the signing payload and the chain hash of
 * every reading; they differ by one member, so the members are written once and joined twice.
 * Documents that are not plain JSON data take the `canonicalize` package's route for each form.
 *
 * @example
 * const forms = canonicalForms(doc);
 * forms.unsigned() // '{"device_id":…}' without "signature"
 */
export function canonicalForms(document: TelemetryDocument | UnsignedTelemetryDocument): CanonicalForms {
  const parts = canonicalMembers(document);
  return parts ? new MemberForms(parts.keys, parts.members) : libraryForms(document);
}

/** A class, not closures: the verifier makes one per reading. */
class MemberForms implements CanonicalForms {
  #signed: string | undefined;
  #unsigned: string | undefined;
  readonly #keys: string[];
  readonly #members: string[];
  constructor(keys: string[], members: string[]) {
    this.#keys = keys;
    this.#members = members;
  }
  signed(): string {
    this.#signed ??= `{${this.#members.join(',')}}`;
    return this.#signed;
  }
  unsigned(): string {
    this.#unsigned ??= `{${this.#members.filter((_, i) => this.#keys[i] !== 'signature').join(',')}}`;
    return this.#unsigned;
  }
}

function libraryForms(document: TelemetryDocument | UnsignedTelemetryDocument): CanonicalForms {
  const text = (value: unknown) => {
    const out = canonicalize(value);
    if (out === undefined) throw new TypeError('document has no JSON form');
    return out;
  };
  return {
    signed: () => text(document),
    unsigned: () => {
      const { signature: _ignored, ...unsigned } = document as TelemetryDocument;
      return text(unsigned);
    },
  };
}
