import { describe, expect, it } from 'vitest';
import { anchorBatch } from '../../../engine/anchoring/anchor-batch.ts';
import { hashDocument } from '../../../engine/anchoring/hash-document.ts';
import type { InclusionProof } from '../../../engine/anchoring/inclusion-proof.ts';
import { verifyInclusion } from '../../../engine/anchoring/inclusion-proof.ts';

const documents = Array.from({ length: 13 }, (_, i) => ({ device: 'did:key:z6Mk', seq: i, kwh: i * 10 }));
const policyHash = `sha256:${hashDocument('policy')}`;
const batch = anchorBatch({ documents, policyHash, period: '2025-02' });
const mirror = (message: Uint8Array) => ({
  message: Buffer.from(message).toString('base64'),
  topic_id: '0.0.1001',
  sequence_number: 7,
  consensus_timestamp: '1700000000.000000001',
});
const mirrorMessage = mirror(batch.message);

describe('anchorBatch', () => {
  it('produces one message and one proof per document', () => {
    expect(batch.count).toBe(13);
    expect(batch.proofs).toHaveLength(13);
    expect(batch.proofs.map((p) => p.leafIndex)).toEqual(documents.map((_, i) => i));
  });

  it('refuses an empty batch', () => {
    expect(() => anchorBatch({ documents: [], policyHash, period: '2025-02' })).toThrowError(
      expect.objectContaining({ code: 'EMPTY_BATCH' }),
    );
  });
});

describe('verifyInclusion', () => {
  it('accepts every document of the batch against the mirror message', () => {
    documents.forEach((document, i) => {
      const result = verifyInclusion(batch.proofs[i]!, mirrorMessage, { document });
      expect(result).toEqual({
        valid: true,
        anchor: { root: batch.root, count: 13, policyHash, period: '2025-02' },
      });
    });
  });

  it('rejects a document that is not the proven leaf', () => {
    const result = verifyInclusion(batch.proofs[0]!, mirrorMessage, {
      document: { ...documents[0], kwh: 1 },
    });
    expect(result).toMatchObject({ valid: false, reason: 'DOCUMENT_MISMATCH' });
  });

  it('rejects a proof whose leaf was swapped for another', () => {
    const proof = { ...batch.proofs[2]!, leafHash: batch.proofs[3]!.leafHash };
    expect(verifyInclusion(proof, mirrorMessage)).toMatchObject({ valid: false, reason: 'PATH_INVALID' });
  });

  it('rejects a proof with a tampered path', () => {
    const path = [...batch.proofs[4]!.path];
    path[1] = hashDocument('forged');
    expect(verifyInclusion({ ...batch.proofs[4]!, path }, mirrorMessage)).toMatchObject({
      valid: false,
      reason: 'PATH_INVALID',
    });
  });

  it('rejects a proof for another anchor', () => {
    const other = anchorBatch({ documents: documents.slice(0, 12), policyHash, period: '2025-02' });
    expect(verifyInclusion(other.proofs[0]!, mirrorMessage)).toMatchObject({
      valid: false,
      reason: 'COUNT_MISMATCH',
    });
    const sameSize = anchorBatch({
      documents: documents.map((d) => ({ ...d, x: 1 })),
      policyHash,
      period: 'p',
    });
    expect(verifyInclusion(sameSize.proofs[0]!, mirrorMessage)).toMatchObject({
      valid: false,
      reason: 'ROOT_MISMATCH',
    });
  });

  it.each([
    ['a message that is not base64', { message: '%%%' }],
    ['a message that is not an anchor', { message: Buffer.from('hello').toString('base64') }],
    ['a missing message', {}],
    ['an oversized message', { message: 'A'.repeat(4000) }],
  ])('reports %s as unreadable', (_, msg) => {
    expect(verifyInclusion(batch.proofs[0]!, msg as { message: string })).toMatchObject({
      valid: false,
      reason: 'MESSAGE_UNREADABLE',
    });
  });

  it.each([
    ['a negative index', { leafIndex: -1 }],
    ['an index past the tree', { leafIndex: 13 }],
    ['another version', { v: 2 }],
    ['a non-hex leaf', { leafHash: 'zz' }],
    ['a path that is not an array', { path: 'abc' }],
    ['an absurdly long path', { path: Array(65).fill(hashDocument(1)) }],
  ])('reports a proof with %s as malformed', (_, patch) => {
    const proof = { ...batch.proofs[0]!, ...patch } as unknown as InclusionProof;
    expect(verifyInclusion(proof, mirrorMessage)).toMatchObject({ valid: false, reason: 'MALFORMED_PROOF' });
  });

  it('reports null as a malformed proof', () => {
    expect(verifyInclusion(null as unknown as InclusionProof, mirrorMessage)).toMatchObject({
      valid: false,
      reason: 'MALFORMED_PROOF',
    });
  });
});
