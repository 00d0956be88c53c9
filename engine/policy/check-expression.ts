import { formatDimension, parseUnit, sameDimension } from '../units/index.ts';
import { type ExpressionScope, environmentFor } from './expression-environment.ts';
import { type UnitIssue, unitsOf } from './expression-units.ts';
import type { PolicyProblemCode } from './policy-problem.ts';

/** A problem inside an expression; `offset` is a character offset into the expression text. */
export interface ExpressionIssue {
  offset: number;
  code: PolicyProblemCode;
  message: string;
}

/** A checked expression, ready to evaluate against variables in coherent base units. */
export type CompiledExpression = (context: Record<string, unknown>) => unknown;

/** What the expression must produce: a boolean (guards, eligibility) or a quantity in a unit. */
export type ExpectedResult = { kind: 'bool' } | { kind: 'quantity'; unit: string };

interface CelErrorLike {
  name?: string;
  summary?: string;
  message?: string;
  range?: { start: number };
}

/**
 * Parses, type-checks (CEL types) and unit-checks (dimensions) one expression. Never throws: a
 * hostile or malformed expression comes back as issues.
 *
 * @example
 * checkExpression('EG * EF_grid', scope, { kind: 'quantity', unit: 'tCO2e' }).issues // []
 */
export function checkExpression(
  source: string,
  scope: ExpressionScope,
  expected: ExpectedResult,
): { issues: ExpressionIssue[]; compiled?: CompiledExpression } {
  const env = environmentFor(scope);
  let parsed: ReturnType<typeof env.parse>;
  try {
    parsed = env.parse(source);
  } catch (error) {
    return { issues: [celIssue(error, 'expression-syntax')] };
  }
  const typed = parsed.check();
  if (!typed.valid) {
    const e = typed.error as CelErrorLike;
    const unknown = /^(Unknown variable|No such key)/.test(e.summary ?? '');
    return { issues: [celIssue(e, unknown ? 'unknown-parameter' : 'type-error')] };
  }
  const { result, issues: unitIssues } = unitsOf(parsed.ast, scope);
  const issues: ExpressionIssue[] = unitIssues.map((u: UnitIssue) => ({ ...u }));
  if (expected.kind === 'bool' && typed.type !== 'bool') {
    issues.push({
      offset: 0,
      code: 'type-error',
      message: `must be a boolean condition, found ${typed.type}`,
    });
  }
  if (expected.kind === 'quantity') {
    if (typed.type !== 'double') {
      issues.push({
        offset: 0,
        code: 'type-error',
        message: `must be a double in ${expected.unit}, found ${typed.type} (write 0.0, not 0)`,
      });
    } else if (result && result !== 'zero') {
      const want = parseUnit(expected.unit).dimension;
      if (!sameDimension(want, result.dim)) {
        issues.push({
          offset: 0,
          code: 'unit-mismatch',
          message: `declared ${expected.unit} [${formatDimension(want)}] but the expression gives ${result.label} [${formatDimension(result.dim)}]`,
        });
      }
    }
  }
  if (issues.length > 0) return { issues };
  return { issues, compiled: (context) => parsed(context) };
}

function celIssue(error: unknown, code: PolicyProblemCode): ExpressionIssue {
  const e = (error ?? {}) as CelErrorLike;
  const message = e.summary ?? e.message?.split('\n')[0] ?? String(error);
  return { offset: e.range?.start ?? 0, code, message };
}
