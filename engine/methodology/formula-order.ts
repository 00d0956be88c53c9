import type { FormulaDecl } from '../policy/policy-document.ts';

/** Identifiers an expression mentions (a cheap scan; CEL string literals are skipped). */
export function identifiersIn(expr: string): Set<string> {
  const withoutStrings = expr.replace(/"(?:[^"\\]|\\.)*"|'(?:[^'\\]|\\.)*'/g, '""');
  return new Set(withoutStrings.match(/[A-Za-z_][A-Za-z0-9_]*/g) ?? []);
}

/**
 * Evaluation order of formulas (dependencies first) and the ones caught in a cycle.
 *
 * @example
 * formulaOrder({ ER: { unit: 'tCO2e', expr: 'BE - PE' }, BE: …, PE: … }).order // ['BE', 'PE', 'ER']
 */
export function formulaOrder(formulas: Record<string, FormulaDecl>): {
  order: string[];
  cyclic: string[];
  cycleOf: (name: string) => string[];
} {
  const deps = new Map<string, string[]>();
  for (const [name, f] of Object.entries(formulas)) {
    deps.set(
      name,
      [...identifiersIn(f.expr)].filter((id) => Object.hasOwn(formulas, id)),
    );
  }
  const order: string[] = [];
  const state = new Map<string, 'visiting' | 'done'>();
  const cyclic = new Set<string>();
  const visit = (name: string, stack: string[]): void => {
    const s = state.get(name);
    if (s === 'done') return;
    if (s === 'visiting') {
      for (const n of stack.slice(stack.indexOf(name))) cyclic.add(n);
      return;
    }
    state.set(name, 'visiting');
    for (const d of deps.get(name) ?? []) visit(d, [...stack, name]);
    state.set(name, 'done');
    if (!cyclic.has(name)) order.push(name);
  };
  for (const name of deps.keys()) visit(name, []);
  const cycleOf = (name: string): string[] => {
    const path = [name];
    let current = name;
    for (let i = 0; i < deps.size; i++) {
      const next = (deps.get(current) ?? []).find((d) => cyclic.has(d));
      if (!next) break;
      path.push(next);
      if (next === name) break;
      current = next;
    }
    return path;
  };
  return { order, cyclic: [...cyclic], cycleOf };
}
