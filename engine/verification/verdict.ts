import type { RuleId } from './rule-catalog.ts';

export type VerdictStatus = 'APPROVED' | 'FLAGGED' | 'REJECTED';

/**
 * `error`: a hard failure (the reading is REJECTED); `warning`: a soft failure that lowers the trust
 * score; `info`: explanation only (e.g. the implied efficiency of a clean reading).
 */
export type FindingSeverity = 'error' | 'warning' | 'info';

export interface Finding {
  rule: RuleId;
  severity: FindingSeverity;
  message: string;
  measured?: number;
  limit?: number;
  unit?: string;
  /** For learned-baseline rules: the band the device learned from its approved history (in `unit`). */
  band?: { low: number; high: number; median: number; n: number };
  /** The meters' accuracy allowance added to the band (in `unit`). */
  allowance?: number;
}

/** What `mrv verify` prints per line and what the service stores with a reading. */
export interface Verdict {
  status: VerdictStatus;
  /** In [0, 1]: the product of (1 − weight) over failed soft rules; 0 when rejected by a hard rule. */
  trust_score: number;
  findings: Finding[];
}
