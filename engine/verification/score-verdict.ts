import { type RuleId, ruleCatalog } from './rule-catalog.ts';
import type { Finding, Verdict } from './verdict.ts';
import type { VerificationConfig } from './verification-config.ts';

/**
 * Turns findings into a verdict. Any `error` finding is a hard failure: REJECTED with score 0.
 * Otherwise each soft rule that warned costs its weight, scaled up by how far the measurement lies
 * beyond its limit (up to twice the weight at 100 % overshoot), and the score is
 * Π (1 − cost) over those rules. The policy's thresholds decide: score ≥ approve → APPROVED,
 * score < reject → REJECTED, else FLAGGED.
 *
 * @example
 * scoreVerdict([{ rule: 'stats.stuck', severity: 'warning', message: '…', measured: 6, limit: 6 }], config)
 * // { status: 'FLAGGED', trust_score: 0.75, findings: [...] }
 */
export function scoreVerdict(findings: Finding[], config: VerificationConfig): Verdict {
  if (findings.some((f) => f.severity === 'error')) {
    return { status: 'REJECTED', trust_score: 0, findings };
  }
  const costs = new Map<RuleId, number>();
  for (const f of findings) {
    if (f.severity !== 'warning') continue;
    const weight = Math.min(1, Math.max(0, config.rules[f.rule]?.weight ?? ruleCatalog[f.rule].weight));
    const cost = Math.min(1, weight * (1 + overshoot(f)));
    costs.set(f.rule, Math.max(costs.get(f.rule) ?? 0, cost));
  }
  let score = 1;
  for (const cost of costs.values()) score *= 1 - cost;
  const status =
    score >= config.thresholds.approve
      ? 'APPROVED'
      : score < config.thresholds.reject
        ? 'REJECTED'
        : 'FLAGGED';
  return { status, trust_score: Math.round(score * 1000) / 1000, findings };
}

/** Relative distance of the measurement beyond its limit, in [0, 1]. */
function overshoot(f: Finding): number {
  if (f.measured === undefined || f.limit === undefined || f.limit === 0) return 0;
  const relative = Math.abs(f.measured - f.limit) / Math.abs(f.limit);
  return Number.isFinite(relative) ? Math.min(1, relative) : 1;
}
