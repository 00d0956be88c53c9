import {
  type Dimension,
  dimensionless,
  divideDimensions,
  formatDimension,
  multiplyDimensions,
  parseUnit,
  sameDimension,
  UnitError,
} from '../units/index.ts';
import type { ExpressionScope, ScalarType } from './expression-environment.ts';

/** A CEL AST node as produced by @marcbachmann/cel-js (`{ op, args, pos }`). */
interface AstNode {
  op: string;
  args: unknown;
  pos?: number;
}

/** The dimension of a numeric sub-expression; `zero` (the literal 0) fits any dimension. */
export type UnitOf = { dim: Dimension; label: string } | 'zero' | null;

export interface UnitIssue {
  offset: number;
  code: 'unit-mismatch' | 'invalid-unit';
  message: string;
}

const additive = new Set(['+', '-']);
const comparisons = new Set(['<', '<=', '>', '>=', '==', '!=']);
const sameUnitCalls = new Set(['max', 'min']);
const unaryCalls = new Set(['abs', 'floor', 'ceil']);

/**
 * Infers the dimension of every numeric sub-expression and reports sums, comparisons and branches
 * that mix dimensions (MWh + tCO2e). Plain number literals are dimensionless, except 0, which fits
 * any dimension; `q(x, 'unit')` carries its unit.
 *
 * @example
 * unitsOf(env.parse('EG + BE').ast, scope) // issues: [{ code: 'unit-mismatch', … }]
 */
export function unitsOf(ast: unknown, scope: ExpressionScope): { result: UnitOf; issues: UnitIssue[] } {
  const issues: UnitIssue[] = [];
  const result = walk(ast as AstNode, scope, issues);
  return { result, issues };
}

function quantity(type: ScalarType | undefined, label: string): UnitOf {
  if (!type || (type.cel !== 'double' && type.cel !== 'int')) return null;
  if (!type.unit) return { dim: dimensionless, label: `${label} (1)` };
  try {
    return { dim: parseUnit(type.unit).dimension, label: `${label} (${type.unit})` };
  } catch {
    return null; // an invalid declared unit is reported where it is declared
  }
}

function describe(u: Exclude<UnitOf, 'zero' | null>): string {
  return `${u.label} [${formatDimension(u.dim)}]`;
}

/** Unifies two operands that must share a dimension; reports when they do not. */
function unify(a: UnitOf, b: UnitOf, node: AstNode, what: string, issues: UnitIssue[]): UnitOf {
  if (a === null || b === null) return a ?? b;
  if (a === 'zero') return b;
  if (b === 'zero') return a;
  if (!sameDimension(a.dim, b.dim)) {
    issues.push({
      offset: node.pos ?? 0,
      code: 'unit-mismatch',
      message: `${what} ${describe(a)} and ${describe(b)}: dimensions differ`,
    });
    return null;
  }
  return a;
}

function walk(node: AstNode, scope: ExpressionScope, issues: UnitIssue[]): UnitOf {
  if (!node || typeof node !== 'object') return null;
  const { op, args } = node;
  if (op === 'value') {
    if (typeof args === 'number') return args === 0 ? 'zero' : { dim: dimensionless, label: String(args) };
    if (typeof args === 'bigint') return args === 0n ? 'zero' : { dim: dimensionless, label: String(args) };
    return null;
  }
  if (op === 'id') return quantity(scope.variables[args as string], args as string);
  if (op === '.') {
    const [target, field] = args as [AstNode, string];
    if (target?.op === 'id' && target.args === 'event' && scope.event) {
      return quantity(scope.event[field], `event.${field}`);
    }
    walk(target, scope, issues);
    return null;
  }
  if (op === '-_') return walk(args as AstNode, scope, issues);
  if (op === '!_') {
    walk(args as AstNode, scope, issues);
    return null;
  }
  if (Array.isArray(args) && (additive.has(op) || comparisons.has(op))) {
    const [l, r] = args as [AstNode, AstNode];
    const verb = additive.has(op)
      ? op === '+'
        ? 'cannot add'
        : 'cannot subtract'
      : `cannot compare (${op})`;
    const u = unify(walk(l, scope, issues), walk(r, scope, issues), node, verb, issues);
    return additive.has(op) ? u : null;
  }
  if (op === '*' || op === '/') {
    const [l, r] = args as [AstNode, AstNode];
    const a = walk(l, scope, issues);
    const b = walk(r, scope, issues);
    if (a === null || b === null) return null;
    if (a === 'zero' || b === 'zero') return 'zero';
    const dim = op === '*' ? multiplyDimensions(a.dim, b.dim) : divideDimensions(a.dim, b.dim);
    return { dim, label: `${a.label} ${op} ${b.label}` };
  }
  if (op === '?:') {
    const [c, t, f] = args as [AstNode, AstNode, AstNode];
    walk(c, scope, issues);
    return unify(walk(t, scope, issues), walk(f, scope, issues), node, 'branches differ:', issues);
  }
  if (op === 'call') return walkCall(node, scope, issues);
  // Logical operators, lists, maps, indexing, macros: check inside, no quantity comes out.
  for (const child of childrenOf(args)) walk(child, scope, issues);
  return null;
}

function walkCall(node: AstNode, scope: ExpressionScope, issues: UnitIssue[]): UnitOf {
  const [name, callArgs] = node.args as [string, AstNode[]];
  const units = (callArgs ?? []).map((a) => walk(a, scope, issues));
  if (sameUnitCalls.has(name) && units.length === 2) {
    return unify(units[0]!, units[1]!, node, `${name}() of`, issues);
  }
  if (unaryCalls.has(name) && units.length === 1) return units[0]!;
  if (name === 'q' && callArgs?.length === 2) {
    const unitNode = callArgs[1]!;
    if (unitNode.op !== 'value' || typeof unitNode.args !== 'string') {
      issues.push({
        offset: unitNode.pos ?? 0,
        code: 'invalid-unit',
        message: 'q(): the unit must be a string literal',
      });
      return null;
    }
    try {
      const dim = parseUnit(unitNode.args).dimension;
      return units[0] === 'zero' ? 'zero' : { dim, label: unitNode.args };
    } catch (error) {
      const message = error instanceof UnitError ? error.message : String(error);
      issues.push({ offset: unitNode.pos ?? 0, code: 'invalid-unit', message });
      return null;
    }
  }
  return null;
}

function childrenOf(args: unknown): AstNode[] {
  if (!Array.isArray(args)) return args && typeof args === 'object' && 'op' in args ? [args as AstNode] : [];
  const out: AstNode[] = [];
  for (const a of args) {
    if (Array.isArray(a)) out.push(...childrenOf(a));
    else if (a && typeof a === 'object' && 'op' in a) out.push(a as AstNode);
  }
  return out;
}
