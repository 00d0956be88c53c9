import { encodeAnchorMessage } from './anchor-message.ts';
import { hashDocument } from './hash-document.ts';
import type { InclusionProof } from './inclusion-proof.ts';
import { auditPath, buildMerkleTree } from './merkle-tree.ts';

export interface AnchorBatch {
  root: string;
  count: number;
  /** The HCS message body (≤ 1024 bytes). */
  message: Uint8Array;
  /** One proof per input document, same order. */
  proofs: InclusionProof[];
}

/**
 * Turns a batch of documents into one anchor message and an inclusion proof per document.
 *
 * @example
 * const batch = anchorBatch({ documents: readings, policyHash: 'sha256:ab…', period: '2025-01' });
 * // submit batch.message to HCS, store batch.proofs[i] next to readings[i]
 */
export function anchorBatch(o: {
  documents: readonly unknown[];
  policyHash: string;
  period: string;
}): AnchorBatch {
  const tree = buildMerkleTree(o.documents.map(hashDocument));
  const message = encodeAnchorMessage({
    root: tree.root,
    count: tree.size,
    policyHash: o.policyHash,
    period: o.period,
  });
  const proofs = tree.levels[0]!.map(
    (leafHash, leafIndex): InclusionProof => ({
      v: 1,
      leafIndex,
      treeSize: tree.size,
      leafHash,
      path: auditPath(tree, leafIndex),
      root: tree.root,
    }),
  );
  return { root: tree.root, count: tree.size, message, proofs };
}
