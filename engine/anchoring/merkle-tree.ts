import { AnchoringError } from './anchoring-error.ts';
import { hashNode, isHashHex } from './hash-document.ts';

/** A Merkle tree over leaf hashes, kept level by level so proofs are cheap to cut. */
export interface MerkleTree {
  readonly root: string;
  readonly size: number;
  /** levels[0] are the leaf hashes, the last level is [root]. */
  readonly levels: readonly (readonly string[])[];
}

/**
 * Builds the RFC 6962 Merkle tree over leaf hashes (from `hashDocument`). An unpaired last node is
 * carried up unchanged rather than duplicated: duplicating it would let two different batches share a
 * root (the CVE-2012-2459 ambiguity), and carrying it up gives exactly RFC 6962's MTH.
 *
 * @example
 * const tree = buildMerkleTree(docs.map(hashDocument));
 * tree.root; // hex SHA-256
 */
export function buildMerkleTree(leafHashes: readonly string[]): MerkleTree {
  if (leafHashes.length === 0)
    throw new AnchoringError('EMPTY_BATCH', 'a Merkle tree needs at least one leaf');
  for (const leaf of leafHashes) {
    if (!isHashHex(leaf))
      throw new AnchoringError('INVALID_HASH', 'leaf is not a lowercase hex SHA-256 digest');
  }
  const levels: string[][] = [[...leafHashes]];
  let level = levels[0]!;
  while (level.length > 1) {
    const next: string[] = [];
    for (let i = 0; i < level.length; i += 2) {
      const right = level[i + 1];
      next.push(right === undefined ? level[i]! : hashNode(level[i]!, right));
    }
    levels.push(next);
    level = next;
  }
  return { root: level[0]!, size: leafHashes.length, levels };
}

/**
 * The audit path of leaf `index` (RFC 6962 §2.1.1 order: from the leaf's sibling up to the root's child).
 *
 * @example
 * const path = auditPath(tree, 3);
 */
export function auditPath(tree: MerkleTree, index: number): string[] {
  if (!Number.isSafeInteger(index) || index < 0 || index >= tree.size) {
    throw new AnchoringError('INDEX_OUT_OF_RANGE', `leaf index ${index} is outside a tree of ${tree.size}`);
  }
  const path: string[] = [];
  let i = index;
  for (let depth = 0; depth < tree.levels.length - 1; depth++) {
    const level = tree.levels[depth]!;
    const sibling = level[i ^ 1];
    // A node without a sibling was carried up unchanged: it contributes no hash at this depth.
    if (sibling !== undefined) path.push(sibling);
    i >>= 1;
  }
  return path;
}

/**
 * Recomputes the root from a leaf hash and its audit path (RFC 9162 §2.1.3.2). Returns undefined when
 * the path length does not fit the index and tree size, so a truncated or padded path never verifies.
 *
 * @example
 * rootFromPath({ leafHash, leafIndex: 3, treeSize: 7, path }) === tree.root;
 */
export function rootFromPath(o: {
  leafHash: string;
  leafIndex: number;
  treeSize: number;
  path: readonly string[];
}): string | undefined {
  const { leafIndex, treeSize } = o;
  if (!Number.isSafeInteger(leafIndex) || !Number.isSafeInteger(treeSize)) return undefined;
  if (leafIndex < 0 || treeSize < 1 || leafIndex >= treeSize) return undefined;
  if (!isHashHex(o.leafHash) || !o.path.every(isHashHex)) return undefined;
  // Plain division instead of bit shifts: tree sizes may exceed 2^31.
  let fn = leafIndex;
  let sn = treeSize - 1;
  let r = o.leafHash;
  for (const p of o.path) {
    if (sn === 0) return undefined;
    if (fn % 2 === 1 || fn === sn) {
      r = hashNode(p, r);
      while (fn % 2 === 0 && fn !== 0) {
        fn = Math.floor(fn / 2);
        sn = Math.floor(sn / 2);
      }
    } else {
      r = hashNode(r, p);
    }
    fn = Math.floor(fn / 2);
    sn = Math.floor(sn / 2);
  }
  return sn === 0 ? r : undefined;
}
