import { describe, expect, it } from 'vitest';
import { diffPolicies, formatDifference, mermaidOf, parsePolicy } from '../../../engine/policy/index.ts';
import { acmPolicy, amsPolicy, amsSource, mutate } from './support.ts';

describe('diffPolicies', () => {
  it('finds no differences between a policy and itself re-laid-out', () => {
    const { policy } = parsePolicy(`# comment\n${amsSource}`, 'p.yaml');
    expect(diffPolicies(amsPolicy().document, policy!.document)).toEqual([]);
  });

  it('names changed, added and removed paths', () => {
    const changed = mutate(amsSource, 'P7D: escalated', 'P5D: escalated');
    const diffs = diffPolicies(amsPolicy().document, parsePolicy(changed, 'p.yaml').policy!.document);
    expect(diffs.map(formatDifference)).toEqual([
      '- workflows.reading_review.states.in_review.after.P7D: "escalated"',
      '+ workflows.reading_review.states.in_review.after.P5D: "escalated"',
    ]);
  });

  it('reports the methodology differences between the two shipped policies', () => {
    const lines = diffPolicies(amsPolicy().document, acmPolicy().document).map(formatDifference);
    expect(lines).toContain('~ methodology.id: "AMS-I.D" → "ACM0002"');
    expect(lines.some((l) => l.startsWith('- parameters.max_capacity'))).toBe(true);
  });
});

describe('mermaidOf', () => {
  it('draws states, guarded transitions, timers and final states', () => {
    const text = mermaidOf(amsPolicy(), 'reading_review');
    expect(text.startsWith('stateDiagram-v2\n  [*] --> verifying\n')).toBe(true);
    expect(text).toContain("verifying --> approved : verified [event.status == 'APPROVED']");
    expect(text).toContain('in_review --> escalated : after P7D');
    expect(text).toContain('approved --> [*]');
  });

  it('draws a targetless timer as a self-loop', () => {
    expect(mermaidOf(amsPolicy(), 'period_issuance')).toContain(
      'awaiting_approval --> awaiting_approval : after P14D',
    );
  });
});
