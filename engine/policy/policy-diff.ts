import type { PolicyDocument } from './policy-document.ts';

/** One semantic difference between two policies, at a dotted path of the parsed document. */
export interface PolicyDifference {
  path: string;
  kind: 'added' | 'removed' | 'changed';
  before?: unknown;
  after?: unknown;
}

const MAX_DIFFERENCES = 10_000;

/**
 * Semantic differences between two policies: compared as parsed values, so comments, layout, quoting
 * and key order never show up. Lists compare by position.
 *
 * @example
 * diffPolicies(a, b) // [{ path: 'parameters.approve_threshold.default', kind: 'changed', before: 0.8, after: 0.85 }]
 */
export function diffPolicies(a: PolicyDocument, b: PolicyDocument): PolicyDifference[] {
  const out: PolicyDifference[] = [];
  walk(a, b, [], out);
  return out;
}

function isObject(x: unknown): x is Record<string, unknown> {
  return x !== null && typeof x === 'object';
}

function walk(a: unknown, b: unknown, path: string[], out: PolicyDifference[]): void {
  if (out.length >= MAX_DIFFERENCES) return;
  const p = path.join('.');
  if (isObject(a) && isObject(b) && Array.isArray(a) === Array.isArray(b)) {
    const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
    for (const key of keys) {
      const inA = Object.hasOwn(a, key);
      const inB = Object.hasOwn(b, key);
      const sub = [...path, key];
      if (inA && !inB) out.push({ path: sub.join('.'), kind: 'removed', before: a[key] });
      else if (!inA && inB) out.push({ path: sub.join('.'), kind: 'added', after: b[key] });
      else walk(a[key], b[key], sub, out);
    }
    return;
  }
  if (!Object.is(a, b)) out.push({ path: p, kind: 'changed', before: a, after: b });
}

/** One line per difference: `~ path: before → after`, `+ path: value`, `- path: value`. */
export function formatDifference(d: PolicyDifference): string {
  const show = (v: unknown) => {
    const s = JSON.stringify(v);
    return s.length > 120 ? `${s.slice(0, 117)}...` : s;
  };
  if (d.kind === 'added') return `+ ${d.path}: ${show(d.after)}`;
  if (d.kind === 'removed') return `- ${d.path}: ${show(d.before)}`;
  return `~ ${d.path}: ${show(d.before)} → ${show(d.after)}`;
}
