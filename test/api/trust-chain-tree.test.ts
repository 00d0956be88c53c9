import { describe, expect, it } from 'vitest';
import { chainTree } from '../../api/trust-chain-tree.ts';
import { shortDid } from '../../identity/check-readings.ts';
import type { AnchoredDocument } from '../../identity/trust-chain-bundle.ts';
import { fail, pass } from '../../identity/trust-chain-check.ts';

const did = `did:key:z6Mk${'a'.repeat(44)}`;
const doc = (seq: number) =>
  ({ document: { device_id: did, seq }, anchor: 0 }) as unknown as AnchoredDocument;

describe('chainTree', () => {
  it('folds checks by link and points reading, document and device links into the bundle', () => {
    const tree = chainTree(
      [
        pass('presentation.signature', 'verified'),
        pass(`device:${shortDid(did)}.readings`, '2 reading(s) signed'),
        fail(`reading:${shortDid(did)}#8.signature`, 'not signed'),
        fail('document:0.inclusion', 'BAD_ROOT'),
        pass('plant', 'as registered'),
      ],
      [doc(7), doc(8)],
    );
    expect(tree.map((l) => [l.name, l.status])).toEqual([
      ['presentation', 'PASS'],
      [`device:${shortDid(did)}`, 'PASS'],
      [`reading:${shortDid(did)}#8`, 'FAIL'],
      ['document:0', 'FAIL'],
      ['plant', 'PASS'],
    ]);
    expect(tree[1]).toMatchObject({ device_id: did, reason: '1 checks passed' });
    expect(tree[2]).toMatchObject({ document_index: 1, reason: '1 of 1 checks failed' });
    expect(tree[3]).toMatchObject({ document_index: 0 });
    expect(tree[4]).toMatchObject({ reason: 'as registered', children: [] });
  });

  it('keeps the dots of entity ids in the link name', () => {
    const tree = chainTree([
      pass('anchor:0.0.1001#3.mirror', 'as on the mirror node'),
      pass('anchor:0.0.1001#3.running-hash', 'chains'),
      fail('anchor:0.0.1001.control', 'not the issuer'),
      pass('anchor:0.0.1001#4', 'seen'),
    ]);
    expect(tree.map((l) => [l.name, l.children.map((c) => c.name)])).toEqual([
      ['anchor:0.0.1001#3', ['mirror', 'running-hash']],
      ['anchor:0.0.1001', ['control']],
      ['anchor:0.0.1001#4', []],
    ]);
  });

  it('points nowhere for links the bundle does not hold', () => {
    const [link] = chainTree([fail('document:9.inclusion', 'no such anchor')], [doc(1)]);
    expect(link?.document_index).toBeUndefined();
    expect(link?.device_id).toBeUndefined();
  });
});
