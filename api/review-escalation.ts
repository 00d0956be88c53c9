import { isoDurationMs } from '../engine/policy/iso-duration.ts';
import type { PolicyDocument } from '../engine/policy/policy-document.ts';

/**
 * The escalation timer of a policy's review: the first ISO-duration `after` timer of the
 * `reading_review` state that marks a reading FLAGGED (e.g. `P7D` → escalated). Null when the
 * policy has none, so the queue shows no countdown rather than an invented one.
 */
export function reviewEscalationOf(policy: PolicyDocument): { after: string; ms: number } | null {
  const workflow = policy.workflows?.reading_review;
  for (const state of Object.values(workflow?.states ?? {})) {
    const flags = (state.entry ?? []).some(
      (a) =>
        typeof a === 'object' && (a as { setStatus?: { status?: unknown } }).setStatus?.status === 'FLAGGED',
    );
    if (!flags) continue;
    for (const after of Object.keys(state.after ?? {})) {
      const ms = isoDurationMs(after);
      if (ms !== undefined) return { after, ms };
    }
  }
  return null;
}
