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
  /** Episode kinds: the rate per interval since onset (0, 1, …, and `${ONSET_TAIL}+` together). */
  by_onset?: { onset: string; count: number; rate: number }[];
}

/** Onset intervals reported one by one; later ones are pooled. */
export const ONSET_TAIL = 6;

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
export function detectionReport(
  results: { kind: FaultKind; status: VerdictStatus; onset?: number }[],
): DetectionReport {
  const byKind = new Map<FaultKind, KindRate>();
  const onsets = new Map<FaultKind, Map<string, [number, number]>>();
  for (const { kind, status, onset } of results) {
    if (onset !== undefined) {
      const key = onset >= ONSET_TAIL ? `${ONSET_TAIL}+` : String(onset);
      const rows = onsets.get(kind) ?? new Map<string, [number, number]>();
      const row = rows.get(key) ?? [0, 0];
      row[0] += status === 'APPROVED' ? 0 : 1;
      row[1] += 1;
      rows.set(key, row);
      onsets.set(kind, rows);
    }
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
  for (const [kind, rows] of onsets) {
    const row = byKind.get(kind)!;
    row.by_onset = [...rows.entries()]
      .sort(([a], [b]) => Number.parseInt(a, 10) - Number.parseInt(b, 10))
      .map(([onset, [detected, count]]) => ({ onset, count, rate: detected / count }));
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
