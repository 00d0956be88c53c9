import { parseUnit } from '../units/index.ts';
import { checkExpression } from './check-expression.ts';
import { parameterScope, scalarTypeOf } from './check-workflows.ts';
import { type EventDecl, fieldTypeOf, type PolicyDocument } from './policy-document.ts';

/** An event as the workflows send it: a type and payload fields in the units the policy declares. */
export interface PolicyEvent {
  type: string;
  [field: string]: unknown;
}

/**
 * Builds the guard of one transition: the CEL expression evaluated over `event` (payload converted to
 * base units, integers to CEL ints) and the project's parameter values. A guard that cannot be
 * evaluated (a payload field missing) is false, never an exception, so stepping stays total.
 */
export function guardFunction(options: {
  policy: PolicyDocument;
  source: string;
  event: EventDecl | undefined;
  parameterValues: Record<string, number>;
}): (event: PolicyEvent) => boolean {
  const { policy, source, event, parameterValues } = options;
  const payload: Record<string, ReturnType<typeof scalarTypeOf>> = {};
  for (const [name, type] of Object.entries(event?.payload ?? {})) payload[name] = scalarTypeOf(type);
  const { compiled } = checkExpression(
    source,
    { variables: parameterScope(policy), event: payload },
    { kind: 'bool' },
  );
  if (!compiled) throw new TypeError(`guard does not compile: ${source}`);
  const vars: Record<string, unknown> = {};
  for (const [name, value] of Object.entries(parameterValues)) {
    const u = parseUnit(policy.parameters[name]!.unit);
    vars[name] = value * u.factor + u.offset;
  }
  return (e) => {
    const converted: Record<string, unknown> = {};
    for (const [name, decl] of Object.entries(event?.payload ?? {})) {
      const f = fieldTypeOf(decl);
      const value = e[name];
      if (value === undefined) return false;
      if (f.type === 'integer') {
        if (typeof value !== 'number' || !Number.isSafeInteger(value)) return false;
        converted[name] = BigInt(value);
      } else if (f.type === 'number') {
        if (typeof value !== 'number' || !Number.isFinite(value)) return false;
        const u = f.unit ? parseUnit(f.unit) : { factor: 1, offset: 0 };
        converted[name] = value * u.factor + u.offset;
      } else {
        converted[name] = value;
      }
    }
    try {
      return compiled({ ...vars, event: converted }) === true;
    } catch {
      return false;
    }
  };
}
