import type { AnchoredVerdict } from '../../store/anchor-batch-store.ts';
import type { CredentialRecord } from '../../store/credential-store.ts';
import type { ReadingStatus } from '../../store/reading-store.ts';

/** What a reading's anchored verdict and its review (if any) add up to, as the trust chain states it. */
export type ReadingClaim = 'APPROVED' | 'FLAGGED' | 'REJECTED';

/**
 * A reading's final status as the period counts it and its trust-chain bundle claims it: the rules'
 * verdict anchored with the reading, and for a FLAGGED verdict only a verifier's ReviewDecision
 * credential decides (approve → APPROVED, reject → REJECTED, none yet → FLAGGED). This is the rule
 * `identity/check-readings.ts` applies, so the service counts exactly the readings an auditor counts.
 * A reading anchored before verdicts were recorded (`verdict` absent: only approved readings were
 * anchored then) keeps its stored status; the bundle states no claim for it (absent = APPROVED).
 *
 * @example readingClaim({ verdict: { status: 'FLAGGED', verifiedAt }, review: 'approve', status: 'APPROVED' }) // 'APPROVED'
 */
export function readingClaim(input: {
  verdict?: AnchoredVerdict | null;
  review?: 'approve' | 'reject';
  status: ReadingStatus;
}): ReadingClaim | undefined {
  const { verdict, review } = input;
  if (!verdict) return input.status === 'APPROVED' ? 'APPROVED' : undefined;
  if (verdict.status !== 'FLAGGED') return verdict.status;
  if (review === 'approve') return 'APPROVED';
  if (review === 'reject') return 'REJECTED';
  return 'FLAGGED';
}

/** A verifier's decision on one reading, from its ReviewDecision credential. */
export interface ReviewOfReading {
  credentialId: string;
  decision: 'approve' | 'reject';
  anchor?: CredentialRecord['anchor'];
}

/**
 * ReviewDecision credentials by the reading leaf hash they decide (their subject). The first
 * decision wins, as the review workflow takes one decision per reading; the period and the trust
 * chain both read reviews through this, so they cannot disagree about which one counts.
 */
export function reviewsByLeaf(records: readonly CredentialRecord[]): Map<string, ReviewOfReading> {
  const byLeaf = new Map<string, ReviewOfReading>();
  for (const c of records) {
    const decision = (c.credential.credentialSubject as { decision?: unknown } | undefined)?.decision;
    if (decision !== 'approve' && decision !== 'reject') continue;
    if (!byLeaf.has(c.subjectId))
      byLeaf.set(c.subjectId, { credentialId: c._id, decision, ...(c.anchor ? { anchor: c.anchor } : {}) });
  }
  return byLeaf;
}
