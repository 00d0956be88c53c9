import { describe, expect, it } from 'vitest';
import { readingClaim } from '../../../workflows/activities/reading-claim.ts';

const verifiedAt = '2026-05-02T00:00:00.000Z';

describe('readingClaim: what the period counts and the trust chain states per reading', () => {
  it('keeps the rules’ verdict of an approved or rejected reading, whatever its stored status', () => {
    expect(readingClaim({ verdict: { status: 'APPROVED', verifiedAt }, status: 'APPROVED' })).toBe(
      'APPROVED',
    );
    expect(readingClaim({ verdict: { status: 'REJECTED', verifiedAt }, status: 'REJECTED' })).toBe(
      'REJECTED',
    );
    // A review cannot overturn the rules' rejection: the auditor's re-run would not follow.
    expect(
      readingClaim({ verdict: { status: 'REJECTED', verifiedAt }, review: 'approve', status: 'APPROVED' }),
    ).toBe('REJECTED');
  });

  it('lets only a verifier’s review decide a flagged reading', () => {
    const verdict = { status: 'FLAGGED' as const, verifiedAt };
    expect(readingClaim({ verdict, review: 'approve', status: 'APPROVED' })).toBe('APPROVED');
    expect(readingClaim({ verdict, review: 'reject', status: 'REJECTED' })).toBe('REJECTED');
    // Stored as APPROVED (e.g. a decision recorded before its credential): not counted without one.
    expect(readingClaim({ verdict, status: 'APPROVED' })).toBe('FLAGGED');
    expect(readingClaim({ verdict, status: 'FLAGGED' })).toBe('FLAGGED');
  });

  it('counts a reading anchored before verdicts were recorded by its stored status, claiming nothing', () => {
    expect(readingClaim({ status: 'APPROVED' })).toBe('APPROVED');
    expect(readingClaim({ verdict: null, status: 'REJECTED' })).toBeUndefined();
  });
});
