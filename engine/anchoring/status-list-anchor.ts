import { sha256 } from '@noble/hashes/sha2';
import { bytesToHex, utf8ToBytes } from '@noble/hashes/utils';

/**
 * Each version of a revocation status list is anchored as a Merkle batch of one on the issuer's
 * anchor topic, with this `period` in its anchor message: a fixed tag per list id (its SHA-256,
 * abridged, because list ids may be longer than a period may be), so an auditor can pick the list's
 * versions out of the topic without trusting the issuer to name them, and a version the issuer
 * leaves out of a bundle is noticed (identity/check-status-lists.ts).
 */
export const STATUS_LIST_PERIOD_PREFIX = 'status-list/';

export function statusListAnchorPeriod(listId: string): string {
  return `${STATUS_LIST_PERIOD_PREFIX}${bytesToHex(sha256(utf8ToBytes(listId))).slice(0, 32)}`;
}
