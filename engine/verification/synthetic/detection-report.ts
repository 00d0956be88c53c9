import type { VerdictStatus } from '../verdict.ts';
import { type FaultClass, type FaultKind, faultKinds } from './fault-kinds.ts';

export interface KindRate {
  kind: FaultKind;
  class: FaultClass;
  count: number;
  approved: number;
  flagged: number;
  rejected: number;
  /** clean: share APPROVED; hard: share REJECTED; soft: share not APPROVED. */
  rate: number;
}

export interface DetectionReport {
  kinds: KindRate[];
  /** Share of clean readings APPROVED. */
  clean_approved: number;
  /** Share of clean readings not APPROVED (false positives). */
  false_positive: number;
  hard_rejected: number;
  soft_not_approved: number;
}

/**
 * Per-kind detection and false-positive rates of verdicts against the generator's labels.
 *
 * @example
 * detectionReport(records.map((r, i) => ({ kind: r.kind, status: verdicts[i].status })))
 */
export function detectionReport(results: { kind: FaultKind; status: VerdictStatus }[]): DetectionReport {
  const byKind = new Map<FaultKind, KindRate>();
  for (const { kind, status } of results) {
    let row = byKind.get(kind);
    if (!row) {
      row = { kind, class: faultKinds[kind], count: 0, approved: 0, flagged: 0, rejected: 0, rate: 0 };
      byKind.set(kind, row);
    }
    row.count++;
    if (status === 'APPROVED') row.approved++;
    else if (status === 'FLAGGED') row.flagged++;
    else row.rejected++;
  }
  const totals = { clean: [0, 0], hard: [0, 0], soft: [0, 0] } as Record<string, [number, number]>;
  for (const row of byKind.values()) {
    const good =
      row.class === 'clean' ? row.approved : row.class === 'hard' ? row.rejected : row.count - row.approved;
    row.rate = row.count > 0 ? good / row.count : 0;
    const total = totals[row.class];
    if (total) {
      total[0] += good;
      total[1] += row.count;
    }
  }
  const share = ([good, count]: [number, number]) => (count > 0 ? good / count : 1);
  const cleanApproved = share(totals.clean!);
  return {
    kinds: [...byKind.values()].sort((a, b) => a.kind.localeCompare(b.kind)),
    clean_approved: cleanApproved,
    false_positive: 1 - cleanApproved,
    hard_rejected: share(totals.hard!),
    soft_not_approved: share(totals.soft!),
  };
}
