import { createHash } from 'node:crypto';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { AnchoringError } from '../../../engine/anchoring/anchoring-error.ts';
import { hashDocument, hashNode } from '../../../engine/anchoring/hash-document.ts';
import { auditPath, buildMerkleTree, rootFromPath } from '../../../engine/anchoring/merkle-tree.ts';

const sha = (...parts: Buffer[]) => createHash('sha256').update(Buffer.concat(parts)).digest();
const leafOf = (data: Buffer) => sha(Buffer.from([0]), data).toString('hex');

// Independent, recursive RFC 6962 MTH: split at the largest power of two below n.
function referenceRoot(leaves: string[]): string {
  if (leaves.length === 1) return leaves[0]!;
  let k = 1;
  while (k * 2 < leaves.length) k *= 2;
  const l = Buffer.from(referenceRoot(leaves.slice(0, k)), 'hex');
  const r = Buffer.from(referenceRoot(leaves.slice(k)), 'hex');
  return sha(Buffer.from([1]), l, r).toString('hex');
}

// Certificate Transparency's published test vectors (RFC 6962 reference implementation).
const CT_LEAVES = [
  '',
  '00',
  '10',
  '2021',
  '3031',
  '40414243',
  '5051525354555657',
  '606162636465666768696a6b6c6d6e6f',
];
const CT_ROOTS = [
  '6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d',
  'fac54203e7cc696cf0dfcb42c92a1d9dbaf70ad9e621f4bd8d98662f00e3c125',
  'aeb6bcfe274b70a14fb067a5e5578264db0fa9b51af5e0ba159158f329e06e77',
  'd37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7',
  '4e3bbb1f7b478dcfe71fb631631519a3bca12c9aefca1612bfce4c13a86264d4',
  '76e67dadbcdf1e10e1b74ddc608abd2f98dfb16fbce75277b5232a127f2087ef',
  'ddb89be403809e325750d3d263cd78929c2942b7942a34b77e122c9594a74c8c',
  '5dc9da79a70659a9ad559cb701ded9a2ab9d823aad2f4960cfe370eff4604328',
];

describe('hashDocument', () => {
  it('hashes the JCS form with a 0x00 leaf prefix', () => {
    const expected = leafOf(Buffer.from('{"a":[1,"x"],"b":1.5}'));
    expect(hashDocument({ b: 1.5, a: [1, 'x'] })).toBe(expected);
  });

  it('gives the same hash whatever the key order', () => {
    expect(hashDocument({ x: 1, y: { b: 2, a: 3 } })).toBe(hashDocument({ y: { a: 3, b: 2 }, x: 1 }));
  });

  it('separates leaves from interior nodes', () => {
    const a = hashDocument({ a: 1 });
    const node = hashNode(a, a);
    expect(node).toBe(sha(Buffer.from([1]), Buffer.from(a, 'hex'), Buffer.from(a, 'hex')).toString('hex'));
    expect(node).not.toBe(sha(Buffer.from(a + a, 'hex')).toString('hex'));
  });

  it('refuses values JCS cannot encode', () => {
    expect(() => hashDocument(undefined)).toThrowError(AnchoringError);
    expect(() => hashDocument({ n: Number.NaN })).toThrowError(AnchoringError);
    expect(() => hashDocument({ n: 10n })).toThrowError(AnchoringError);
  });

  it('refuses a non-hex node hash', () => {
    expect(() => hashNode('zz', hashDocument(1))).toThrowError(/SHA-256/);
  });
});

describe('buildMerkleTree', () => {
  it('reproduces the Certificate Transparency test vector roots', () => {
    const leaves = CT_LEAVES.map((h) => leafOf(Buffer.from(h, 'hex')));
    for (let n = 1; n <= leaves.length; n++) {
      expect(buildMerkleTree(leaves.slice(0, n)).root).toBe(CT_ROOTS[n - 1]);
    }
  });

  it('matches an independent recursive RFC 6962 computation for every size up to 70', () => {
    const leaves = Array.from({ length: 70 }, (_, i) => hashDocument({ i }));
    for (let n = 1; n <= leaves.length; n++) {
      expect(buildMerkleTree(leaves.slice(0, n)).root).toBe(referenceRoot(leaves.slice(0, n)));
    }
  });

  it('refuses an empty batch and malformed leaves', () => {
    expect(() => buildMerkleTree([])).toThrowError(expect.objectContaining({ code: 'EMPTY_BATCH' }));
    expect(() => buildMerkleTree(['ABC'])).toThrowError(expect.objectContaining({ code: 'INVALID_HASH' }));
    expect(() => buildMerkleTree([hashDocument(1).toUpperCase()])).toThrowError(AnchoringError);
  });

  it('gives different roots to a batch and the batch with its last document repeated', () => {
    const three = [1, 2, 3].map((i) => hashDocument(i));
    expect(buildMerkleTree(three).root).not.toBe(buildMerkleTree([...three, three[2]!]).root);
  });
});

describe('auditPath and rootFromPath', () => {
  it('verifies every leaf of every tree size', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 300 }), fc.nat(), (size, seed) => {
        const leaves = Array.from({ length: size }, (_, i) => hashDocument({ seed, i }));
        const tree = buildMerkleTree(leaves);
        const index = seed % size;
        const path = auditPath(tree, index);
        expect(rootFromPath({ leafHash: leaves[index]!, leafIndex: index, treeSize: size, path })).toBe(
          tree.root,
        );
      }),
      { numRuns: 200 },
    );
  });

  it('fails for a wrong index, a wrong size, a truncated or a padded path', () => {
    const leaves = Array.from({ length: 11 }, (_, i) => hashDocument(i));
    const tree = buildMerkleTree(leaves);
    const path = auditPath(tree, 6);
    const base = { leafHash: leaves[6]!, leafIndex: 6, treeSize: 11, path };
    expect(rootFromPath(base)).toBe(tree.root);
    expect(rootFromPath({ ...base, leafIndex: 7 })).not.toBe(tree.root);
    expect(rootFromPath({ ...base, treeSize: 7 })).not.toBe(tree.root);
    expect(rootFromPath({ ...base, path: path.slice(1) })).not.toBe(tree.root);
    expect(rootFromPath({ ...base, path: [...path, tree.root] })).toBeUndefined();
    expect(rootFromPath({ ...base, leafHash: leaves[5]! })).not.toBe(tree.root);
  });

  it('returns undefined for out-of-range or non-integer positions', () => {
    const leafHash = hashDocument(0);
    for (const [leafIndex, treeSize] of [
      [-1, 3],
      [3, 3],
      [0, 0],
      [0.5, 3],
      [Number.NaN, 3],
    ] as const) {
      expect(rootFromPath({ leafHash, leafIndex, treeSize, path: [] })).toBeUndefined();
    }
    expect(rootFromPath({ leafHash, leafIndex: 0, treeSize: 2, path: ['nothex'] })).toBeUndefined();
  });

  it('refuses an audit path for a leaf that does not exist', () => {
    const tree = buildMerkleTree([hashDocument(1)]);
    expect(auditPath(tree, 0)).toEqual([]);
    expect(() => auditPath(tree, 1)).toThrowError(expect.objectContaining({ code: 'INDEX_OUT_OF_RANGE' }));
    expect(() => auditPath(tree, -1)).toThrowError(AnchoringError);
  });
});
