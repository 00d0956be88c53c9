import { type CompiledExpression, checkExpression } from '../policy/check-expression.ts';
import type { CheckedPolicy } from '../policy/policy-document.ts';
import { methodologyScope } from './check-methodology.ts';
import { formulaOrder } from './formula-order.ts';

export interface CompiledMethodology {
  /** Formulas in evaluation order (dependencies first). */
  formulas: { name: string; unit: string; evaluate: CompiledExpression }[];
  eligibility: { id: string; reason: string; evaluate: CompiledExpression }[];
}

const cache = new WeakMap<CheckedPolicy, CompiledMethodology>();

/** The policy's formulas and eligibility conditions compiled once (CEL), cached per checked policy. */
export function compiledMethodology(policy: CheckedPolicy): CompiledMethodology {
  const hit = cache.get(policy);
  if (hit) return hit;
  const m = policy.document.methodology;
  const scope = { variables: methodologyScope(policy.document) };
  const compile = (expr: string, expected: Parameters<typeof checkExpression>[2]) => {
    const { compiled, issues } = checkExpression(expr, scope, expected);
    if (!compiled) throw new TypeError(`expression does not compile: ${expr}: ${issues[0]?.message}`);
    return compiled;
  };
  const result: CompiledMethodology = {
    formulas: formulaOrder(m.formulas).order.map((name) => ({
      name,
      unit: m.formulas[name]!.unit,
      evaluate: compile(m.formulas[name]!.expr, { kind: 'quantity', unit: m.formulas[name]!.unit }),
    })),
    eligibility: (m.eligibility ?? []).map((rule) => ({
      id: rule.id,
      reason: rule.reason,
      evaluate: compile(rule.require, { kind: 'bool' }),
    })),
  };
  cache.set(policy, result);
  return result;
}
