import { type RuleId, ruleCatalog } from './rule-catalog.ts';
import type { Finding, Verdict } from './verdict.ts';
import type { VerificationConfig } from './verification-config.ts';

/**
 * Turns findings into a verdict. Any `error` finding is a hard failure: REJECTED with score 0.
 * Otherwise the score is Π (1 − weight) over the soft rules that warned (each rule counted once),
 * and the policy's thresholds decide: score ≥ approve → APPROVED, score < reject → REJECTED, else
 * FLAGGED.
 *
 * @example
 * scoreVerdict([{ rule: 'stats.stuck', severity: 'warning', message: '…' }], config)
 * // { status: 'FLAGGED', trust_score: 0.85, findings: [...] }
 */
export function scoreVerdict(findings: Finding[], config: VerificationConfig): Verdict {
  if (findings.some((f) => f.severity === 'error')) {
    return { status: 'REJECTED', trust_score: 0, findings };
  }
  const warned = new Set<RuleId>();
  for (const f of findings) if (f.severity === 'warning') warned.add(f.rule);
  let score = 1;
  for (const rule of warned) {
    const weight = config.rules[rule]?.weight ?? ruleCatalog[rule].weight;
    score *= 1 - Math.min(1, Math.max(0, weight));
  }
  const status =
    score >= config.thresholds.approve
      ? 'APPROVED'
      : score < config.thresholds.reject
        ? 'REJECTED'
        : 'FLAGGED';
  return { status, trust_score: Math.round(score * 1000) / 1000, findings };
}
