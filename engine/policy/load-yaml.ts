import { LineCounter, parseDocument, type YAMLError } from 'yaml';
import type { PolicyProblem } from './policy-problem.ts';
import { SourceLocator } from './source-locator.ts';

/** Limits that keep any input cheap: policies are a few KB; anything near these is hostile or a mistake. */
export const yamlLimits = {
  maxChars: 1_000_000,
  maxDepth: 48,
  maxAliasCount: 50,
} as const;

export interface LoadedYaml {
  value: unknown;
  locator: SourceLocator;
  problems: PolicyProblem[];
}

/**
 * Parses YAML with bounded size, nesting and alias expansion, and rejects duplicate keys. Never throws.
 */
export function loadYaml(source: string, file: string): LoadedYaml {
  const lines = new LineCounter();
  const empty = new SourceLocator(undefined, lines);
  const at1 = (code: PolicyProblem['code'], message: string): LoadedYaml => ({
    value: undefined,
    locator: empty,
    problems: [{ file, line: 1, col: 1, code, message }],
  });
  if (typeof source !== 'string') return at1('not-a-policy', 'not text');
  if (source.length > yamlLimits.maxChars) {
    return at1('too-large', `file has ${source.length} characters; the limit is ${yamlLimits.maxChars}`);
  }
  if (source.includes('\u0000')) return at1('not-a-policy', 'binary content (NUL bytes): not a YAML policy');
  const depth = bracketDepth(source);
  if (depth > yamlLimits.maxDepth) {
    return at1('too-deep', `flow collections nest ${depth} deep; the limit is ${yamlLimits.maxDepth}`);
  }
  const doc = parseDocument(source, {
    lineCounter: lines,
    uniqueKeys: true,
    prettyErrors: true,
    strict: true,
  });
  const locator = new SourceLocator(doc, lines);
  const problems: PolicyProblem[] = doc.errors.map((e) => fromYamlError(e, file, locator));
  if (problems.length > 0) return { value: undefined, locator, problems };
  let value: unknown;
  try {
    value = doc.toJS({ maxAliasCount: yamlLimits.maxAliasCount });
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    return at1('alias-limit', `alias expansion refused: ${message}`);
  }
  const deepest = valueDepth(value, 0);
  if (deepest > yamlLimits.maxDepth) {
    return {
      value: undefined,
      locator,
      problems: [
        { file, line: 1, col: 1, code: 'too-deep', message: `nesting deeper than ${yamlLimits.maxDepth}` },
      ],
    };
  }
  return { value, locator, problems };
}

function fromYamlError(e: YAMLError, file: string, locator: SourceLocator): PolicyProblem {
  const pos = e.linePos?.[0] ?? locator.toPosition(e.pos[0]);
  const message = e.message.split(/ at line \d+, column \d+/)[0]!.trim();
  return {
    file,
    line: pos.line,
    col: pos.col,
    code: e.code === 'DUPLICATE_KEY' ? 'duplicate-key' : 'yaml-syntax',
    message,
  };
}

/** Upper bound of flow-collection nesting ([ and {), counted before parsing so the parser never recurses deep. */
function bracketDepth(source: string): number {
  let depth = 0;
  let max = 0;
  for (let i = 0; i < source.length; i++) {
    const c = source.charCodeAt(i);
    if (c === 91 || c === 123) max = Math.max(max, ++depth);
    else if ((c === 93 || c === 125) && depth > 0) depth--;
  }
  return max;
}

function valueDepth(value: unknown, depth: number): number {
  if (depth > yamlLimits.maxDepth) return depth;
  if (value === null || typeof value !== 'object') return depth;
  let max = depth;
  for (const v of Object.values(value as object)) max = Math.max(max, valueDepth(v, depth + 1));
  return max;
}
