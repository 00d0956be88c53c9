import { utf8ToBytes } from '@noble/hashes/utils';
import canonicalize from 'canonicalize';
import { AnchoringError } from './anchoring-error.ts';
import { isHashHex } from './hash-document.ts';

/** What one HCS anchor message states about a batch. */
export interface AnchorMessage {
  /** Merkle root (hex SHA-256) of the batch's leaf hashes. */
  root: string;
  /** Number of documents (leaves) in the batch. */
  count: number;
  /** Hash of the policy the batch was produced under, e.g. `sha256:<hex>`. */
  policyHash: string;
  /** Monitoring period the batch belongs to, e.g. `2025-01` or `2025-01-01/2025-01-31`. */
  period: string;
}

/** HCS rejects larger messages unless chunked; an anchor must fit in one so one message = one batch. */
export const MAX_ANCHOR_MESSAGE_BYTES = 1024;
const TYPE = 'mrv.anchor';
const VERSION = 1;
const POLICY_HASH = /^([a-z0-9-]{1,16}:)?[0-9a-f]{32,128}$/;
const PERIOD = /^[A-Za-z0-9][A-Za-z0-9:._/+-]{0,63}$/;
const KEYS = ['count', 'period', 'policy', 'root', 'type', 'v'];

/**
 * Encodes an anchor as canonical (JCS) JSON bytes, at most 1024 bytes:
 * `{"count":3,"period":"2025-01","policy":"sha256:…","root":"…","type":"mrv.anchor","v":1}`.
 *
 * @example
 * const bytes = encodeAnchorMessage({ root: tree.root, count: tree.size, policyHash, period: '2025-01' });
 */
export function encodeAnchorMessage(anchor: AnchorMessage): Uint8Array {
  validateAnchor(anchor);
  const bytes = utf8ToBytes(
    canonicalize({
      v: VERSION,
      type: TYPE,
      root: anchor.root,
      count: anchor.count,
      policy: anchor.policyHash,
      period: anchor.period,
    })!,
  );
  if (bytes.length > MAX_ANCHOR_MESSAGE_BYTES) {
    throw new AnchoringError('MESSAGE_TOO_LARGE', `anchor message is ${bytes.length} bytes (max 1024)`);
  }
  return bytes;
}

/**
 * Decodes an anchor message read back from the ledger. Strict: only the canonical encoding that
 * `encodeAnchorMessage` produces is accepted, so one anchor has exactly one byte form.
 *
 * @example
 * const anchor = decodeAnchorMessage(bytes); // throws AnchoringError('INVALID_ANCHOR_MESSAGE') otherwise
 */
export function decodeAnchorMessage(bytes: Uint8Array): AnchorMessage {
  if (bytes.length > MAX_ANCHOR_MESSAGE_BYTES) {
    throw new AnchoringError('MESSAGE_TOO_LARGE', `anchor message is ${bytes.length} bytes (max 1024)`);
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes));
  } catch (cause) {
    throw new AnchoringError('INVALID_ANCHOR_MESSAGE', 'anchor message is not UTF-8 JSON', { cause });
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
    throw new AnchoringError('INVALID_ANCHOR_MESSAGE', 'anchor message is not a JSON object');
  }
  const o = parsed as Record<string, unknown>;
  if (Object.keys(o).sort().join() !== KEYS.join() || o.v !== VERSION || o.type !== TYPE) {
    throw new AnchoringError('INVALID_ANCHOR_MESSAGE', 'not an mrv.anchor v1 message');
  }
  const anchor = { root: o.root, count: o.count, policyHash: o.policy, period: o.period } as AnchorMessage;
  try {
    validateAnchor(anchor);
  } catch (cause) {
    throw new AnchoringError('INVALID_ANCHOR_MESSAGE', (cause as Error).message, { cause });
  }
  const canonical = encodeAnchorMessage(anchor);
  if (canonical.length !== bytes.length || canonical.some((b, i) => b !== bytes[i])) {
    throw new AnchoringError('INVALID_ANCHOR_MESSAGE', 'anchor message is not in canonical (JCS) form');
  }
  return anchor;
}

function validateAnchor(a: AnchorMessage): void {
  if (!isHashHex(a.root)) fail('root must be a lowercase hex SHA-256 digest');
  if (!Number.isSafeInteger(a.count) || a.count < 1) fail('count must be a positive integer');
  if (typeof a.policyHash !== 'string' || !POLICY_HASH.test(a.policyHash)) {
    fail('policyHash must be lowercase hex, optionally prefixed by an algorithm name (sha256:…)');
  }
  if (typeof a.period !== 'string' || !PERIOD.test(a.period)) {
    fail('period must be 1–64 characters of A–Z a–z 0–9 : . _ / + -');
  }
}

function fail(message: string): never {
  throw new AnchoringError('INVALID_ANCHOR_FIELD', message);
}
