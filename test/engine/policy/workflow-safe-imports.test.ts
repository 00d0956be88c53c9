import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../../../', import.meta.url));

/** Every module reachable from `entry` through relative imports, with the bare imports each makes. */
function importGraph(entry: string): Map<string, string[]> {
  const graph = new Map<string, string[]>();
  const visit = (file: string) => {
    if (graph.has(file)) return;
    const source = readFileSync(file, 'utf8');
    const specifiers = [...source.matchAll(/^\s*(?:import|export)\s[^'"]*?from\s+'([^']+)'/gm)]
      .filter((m) => !/^\s*(?:import|export)\s+type\s/.test(m[0]))
      .map((m) => m[1]!);
    graph.set(
      file,
      specifiers.filter((s) => !s.startsWith('.')),
    );
    for (const s of specifiers.filter((s) => s.startsWith('.'))) visit(resolve(dirname(file), s));
  };
  visit(resolve(root, entry));
  return graph;
}

describe('modules Temporal workflow code may import', () => {
  it.each([
    'engine/policy/compile-policy.ts',
    'engine/policy/step-workflow.ts',
    'engine/policy/check-event.ts',
  ])('%s reaches no Node built-in and no code generator', (entry) => {
    const bare = [...importGraph(entry).values()].flat();
    expect(bare.filter((s) => s.startsWith('node:') || s === 'ajv' || s.startsWith('ajv/'))).toEqual([]);
    expect(new Set(bare)).toEqual(
      new Set(['xstate', '@marcbachmann/cel-js'].filter((s) => bare.includes(s))),
    );
  });
});
