import { type AnchorMessage, hashDocument, verifyInclusion } from '../engine/anchoring/index.ts';
import { auditPath, buildMerkleTree } from '../engine/anchoring/merkle-tree.ts';
import type { TrustChainBundle } from './trust-chain-bundle.ts';
import { fail, pass, type TrustChainCheck } from './trust-chain-check.ts';

/**
 * Merkle inclusion of every bundled document in its anchor. When the bundle carries all of an
 * anchor's leaves (the usual case: a batch is anchored whole), the tree is rebuilt once from the
 * documents' hashes and its root compared with the anchored one — n hashes instead of n·log n path
 * checks for a month of readings; otherwise, or when that root differs, each proof is checked on its
 * own so the failure names the document. Passes are counted per anchor, failures listed one by one.
 */
export function checkInclusion(
  bundle: TrustChainBundle,
  decoded: ReadonlyArray<AnchorMessage | undefined>,
): { checks: TrustChainCheck[]; included: Set<number> } {
  const checks: TrustChainCheck[] = [];
  const included = new Set<number>();
  const byAnchor = new Map<number, number[]>();
  bundle.documents.forEach((d, j) => {
    byAnchor.set(d.anchor, [...(byAnchor.get(d.anchor) ?? []), j]);
  });
  for (const [a, members] of [...byAnchor].sort(([x], [y]) => x - y)) {
    const anchor = bundle.anchors[a];
    if (wholeBatchHolds(bundle, members, decoded[a])) {
      for (const j of members) included.add(j);
    } else {
      for (const j of members) {
        const item = bundle.documents[j]!;
        const result = anchor
          ? verifyInclusion(item.proof, { message: anchor.message }, { document: item.document })
          : ({ valid: false, reason: 'MALFORMED_PROOF', detail: 'no such anchor' } as const);
        if (result.valid) included.add(j);
        else checks.push(fail(`document:${j}.inclusion`, `${result.reason}: ${result.detail}`));
      }
    }
    const n = members.filter((j) => included.has(j)).length;
    if (anchor && n > 0) {
      checks.push(
        pass(
          `anchor:${anchor.topicId}#${anchor.sequenceNumber}.inclusion`,
          `${n} document(s) proven included`,
        ),
      );
    }
  }
  return { checks, included };
}

function wholeBatchHolds(
  bundle: TrustChainBundle,
  members: number[],
  anchor: AnchorMessage | undefined,
): boolean {
  if (!anchor || anchor.count !== members.length) return false;
  const leaves = new Array<string>(members.length);
  for (const j of members) {
    const { proof, document } = bundle.documents[j]!;
    if (
      proof.treeSize !== members.length ||
      proof.root !== anchor.root ||
      leaves[proof.leafIndex] !== undefined
    )
      return false;
    let hash: string;
    try {
      hash = hashDocument(document);
    } catch {
      return false;
    }
    if (hash !== proof.leafHash) return false;
    leaves[proof.leafIndex] = hash;
  }
  const tree = buildMerkleTree(leaves);
  if (tree.root !== anchor.root) return false;
  // The stated audit paths must be the tree's too (compared, not re-hashed): no byte goes unchecked.
  return members.every((j) => {
    const { proof } = bundle.documents[j]!;
    const path = auditPath(tree, proof.leafIndex);
    return path.length === proof.path.length && path.every((h, k) => h === proof.path[k]);
  });
}
