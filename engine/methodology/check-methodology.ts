import { checkExpression } from '../policy/check-expression.ts';
import { parameterScope } from '../policy/check-workflows.ts';
import type { ScalarType } from '../policy/expression-environment.ts';
import type { PolicyDocument } from '../policy/policy-document.ts';
import type { ProblemSink } from '../policy/problem-sink.ts';
import { conversionFactor, dimensionOf, parseUnit, sameDimension } from '../units/index.ts';
import { formulaOrder } from './formula-order.ts';
import { inputSources } from './input-sources.ts';

/** Inputs and formulas every methodology must define: the CLI and issuance report them. */
export const requiredInputs = ['EG', 'EF_grid'] as const;
export const requiredOutputs = ['BE', 'PE', 'LE', 'ER'] as const;

/** The methodology's expression scope: parameters, inputs and formulas, each a unit-carrying double. */
export function methodologyScope(policy: PolicyDocument): Record<string, ScalarType> {
  const vars: Record<string, ScalarType> = { ...parameterScope(policy) };
  for (const [name, input] of Object.entries(policy.methodology.inputs))
    vars[name] = { cel: 'double', unit: input.unit };
  for (const [name, f] of Object.entries(policy.methodology.formulas))
    vars[name] = { cel: 'double', unit: f.unit };
  return vars;
}

function unitOk(unit: string, path: (string | number)[], sink: ProblemSink): boolean {
  try {
    parseUnit(unit);
    return true;
  } catch (error) {
    sink.at(path, 'invalid-unit', (error as Error).message);
    return false;
  }
}

/**
 * Checks the methodology: input sources and units, formula types and units, formula cycles,
 * eligibility conditions, required outputs, and that the mint amount converts to the token unit.
 */
export function checkMethodology(policy: PolicyDocument, sink: ProblemSink): void {
  const m = policy.methodology;
  const base = ['methodology'];
  for (const [name, input] of Object.entries(m.inputs)) {
    const path = [...base, 'inputs', name];
    const ok = unitOk(input.unit, [...path, 'unit'], sink);
    const source = Object.hasOwn(inputSources, input.source) ? inputSources[input.source] : undefined;
    if (!source) {
      sink.at(
        [...path, 'source'],
        'unknown-input-source',
        `unknown source '${input.source}' (known: ${Object.keys(inputSources).join(', ')})`,
      );
    } else if (ok) {
      try {
        conversionFactor(source.unit, input.unit);
      } catch {
        sink.at(
          [...path, 'unit'],
          'unit-mismatch',
          `source ${input.source} is in ${source.unit}, not convertible to ${input.unit}`,
        );
      }
    }
    if (input.min !== undefined && input.max !== undefined && input.min > input.max) {
      sink.at(
        path,
        'out-of-bounds',
        `input '${name}': min ${input.min} is greater than max ${input.max}`,
        'key',
      );
    }
  }
  for (const name of requiredInputs) {
    if (!Object.hasOwn(m.inputs, name))
      sink.at([...base, 'inputs'], 'missing-output', `the methodology must declare input '${name}'`, 'key');
  }
  const vars = methodologyScope(policy);
  const emission = dimensionOf('tCO2e');
  for (const name of requiredOutputs) {
    const f = Object.hasOwn(m.formulas, name) ? m.formulas[name] : undefined;
    if (!f)
      sink.at(
        [...base, 'formulas'],
        'missing-output',
        `the methodology must define formula '${name}' (tCO2e)`,
        'key',
      );
    else if (safeUnit(f.unit) && !sameDimension(parseUnit(f.unit).dimension, emission)) {
      sink.at(
        [...base, 'formulas', name, 'unit'],
        'unit-mismatch',
        `${name} must be an emission (like tCO2e), not ${f.unit}`,
      );
    }
  }
  for (const [name, f] of Object.entries(m.formulas)) {
    const path = [...base, 'formulas', name];
    if (!unitOk(f.unit, [...path, 'unit'], sink)) continue;
    const { issues } = checkExpression(f.expr, { variables: vars }, { kind: 'quantity', unit: f.unit });
    sink.inExpression([...path, 'expr'], issues, `formula ${name}`);
  }
  const order = formulaOrder(m.formulas);
  for (const name of order.cyclic) {
    sink.at(
      [...base, 'formulas', name],
      'formula-cycle',
      `formula '${name}' depends on itself (${order.cycleOf(name).join(' → ')})`,
      'key',
    );
  }
  (m.eligibility ?? []).forEach((rule, i) => {
    const { issues } = checkExpression(rule.require, { variables: vars }, { kind: 'bool' });
    sink.inExpression([...base, 'eligibility', i, 'require'], issues, `eligibility ${rule.id}`);
  });
  const tokenUnitOk = unitOk(m.token.unit, [...base, 'token', 'unit'], sink);
  const minted = Object.hasOwn(m.formulas, m.mint.amount) ? m.formulas[m.mint.amount] : undefined;
  if (!minted) {
    sink.at(
      [...base, 'mint', 'amount'],
      'unknown-parameter',
      `mint amount '${m.mint.amount}' is not a formula`,
    );
  } else if (tokenUnitOk && safeUnit(minted.unit)) {
    try {
      conversionFactor(minted.unit, m.token.unit);
    } catch {
      sink.at(
        [...base, 'mint', 'amount'],
        'unit-mismatch',
        `${m.mint.amount} is in ${minted.unit}; one token is 1 ${m.token.unit}`,
      );
    }
  }
}

function safeUnit(unit: string): boolean {
  try {
    parseUnit(unit);
    return true;
  } catch {
    return false;
  }
}
