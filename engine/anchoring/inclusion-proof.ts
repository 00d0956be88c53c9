import type { AnchorMessage } from './anchor-message.ts';
import { decodeAnchorMessage } from './anchor-message.ts';
import { AnchoringError } from './anchoring-error.ts';
import { hashDocument, isHashHex } from './hash-document.ts';
import { rootFromPath } from './merkle-tree.ts';

/** Proof that one document is leaf `leafIndex` of an anchored batch of `treeSize` documents. */
export interface InclusionProof {
  v: 1;
  leafIndex: number;
  treeSize: number;
  /** `hashDocument(document)`. */
  leafHash: string;
  /** RFC 6962 audit path, leaf side first. */
  path: string[];
  /** The batch root the proof leads to; must equal the anchored root. */
  root: string;
}

/** The fields of a mirror-node topic message (`/api/v1/topics/{id}/messages/{seq}`) that matter here. */
export interface MirrorTopicMessage {
  /** Base64 message body, as the mirror node returns it. */
  message: string;
  topic_id?: string;
  sequence_number?: number;
  consensus_timestamp?: string;
}

export type InclusionFailure =
  | 'MALFORMED_PROOF'
  | 'MESSAGE_UNREADABLE'
  | 'COUNT_MISMATCH'
  | 'ROOT_MISMATCH'
  | 'PATH_INVALID'
  | 'DOCUMENT_MISMATCH';

export type InclusionResult =
  | { valid: true; anchor: AnchorMessage }
  | { valid: false; reason: InclusionFailure; detail: string };

const BASE64 = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/;

/**
 * Checks a proof against the anchor message exactly as the mirror node serves it, using nothing from
 * our database: decodes the message, compares count and root, and recomputes the root from the leaf.
 * Pass `document` to also check that the proof is about that document.
 *
 * @example
 * const msg = await (await fetch(`${mirror}/api/v1/topics/${topic}/messages/${seq}`)).json();
 * verifyInclusion(proof, msg, { document }).valid; // true
 */
export function verifyInclusion(
  proof: InclusionProof,
  mirrorMessage: MirrorTopicMessage,
  options: { document?: unknown } = {},
): InclusionResult {
  if (!isWellFormed(proof)) return no('MALFORMED_PROOF', 'proof is not a v1 inclusion proof');
  let anchor: AnchorMessage;
  try {
    anchor = decodeAnchorMessage(decodeBase64(mirrorMessage?.message));
  } catch (e) {
    return no('MESSAGE_UNREADABLE', e instanceof Error ? e.message : String(e));
  }
  if (anchor.count !== proof.treeSize) {
    return no('COUNT_MISMATCH', `anchor covers ${anchor.count} documents, proof claims ${proof.treeSize}`);
  }
  if (anchor.root !== proof.root) return no('ROOT_MISMATCH', 'proof root differs from the anchored root');
  if ('document' in options) {
    let leaf: string;
    try {
      leaf = hashDocument(options.document);
    } catch (e) {
      return no('DOCUMENT_MISMATCH', (e as Error).message);
    }
    if (leaf !== proof.leafHash) return no('DOCUMENT_MISMATCH', 'document hash differs from the proof leaf');
  }
  if (rootFromPath(proof) !== anchor.root) return no('PATH_INVALID', 'audit path does not lead to the root');
  return { valid: true, anchor };
}

function no(reason: InclusionFailure, detail: string): InclusionResult {
  return { valid: false, reason, detail };
}

function isWellFormed(p: InclusionProof): boolean {
  return (
    typeof p === 'object' &&
    p !== null &&
    p.v === 1 &&
    Number.isSafeInteger(p.leafIndex) &&
    Number.isSafeInteger(p.treeSize) &&
    p.leafIndex >= 0 &&
    p.leafIndex < p.treeSize &&
    isHashHex(p.leafHash) &&
    isHashHex(p.root) &&
    Array.isArray(p.path) &&
    p.path.length <= 64 &&
    p.path.every(isHashHex)
  );
}

function decodeBase64(text: unknown): Uint8Array {
  // 1024 message bytes are at most 1368 base64 characters; refuse anything longer before decoding.
  if (typeof text !== 'string' || text.length > 1368 || !BASE64.test(text)) {
    throw new AnchoringError('INVALID_ANCHOR_MESSAGE', 'mirror message is not base64');
  }
  const binary = atob(text);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}
