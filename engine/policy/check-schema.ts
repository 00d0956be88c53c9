import { Ajv2020, type ErrorObject, type ValidateFunction } from 'ajv/dist/2020.js';
import policySchema from '../../schemas/policy.schema.json' with { type: 'json' };
import type { PolicyProblem } from './policy-problem.ts';
import type { SourceLocator, SourcePath } from './source-locator.ts';

let validate: ValidateFunction | undefined;

function validator(): ValidateFunction {
  if (validate === undefined) {
    const ajv = new Ajv2020({ allErrors: true, allowUnionTypes: true, strict: true, verbose: true });
    validate = ajv.compile(policySchema);
  }
  return validate as ValidateFunction;
}

/** Friendlier words for the `oneOf` alternatives of the language. */
const defs = policySchema.$defs;
const oneOfMessages = new Map<unknown, string>([
  [defs.transitions, 'must be a target state name, a transition {target, guard, actions} or a list of them'],
  [defs.numberOrParameter, 'must be a number or the name of a parameter'],
  [
    defs.fieldType,
    'must be a type name (string, number, integer, boolean, datetime, did, hash) or {type, unit}',
  ],
  [
    defs.actions.items,
    `must be an action from the catalog (${defs.actionName.enum.join(', ')}), bare or as a one-key map {action: {param: value}}`,
  ],
]);

/** Keywords that only say "this alternative of a oneOf has another shape"; noise when reported alone. */
const shapeKeywords = new Set(['type', 'enum', 'const', 'pattern', 'minProperties', 'maxProperties']);

/**
 * Validates the parsed YAML against `schemas/policy.schema.json` and reports each violation at the
 * key or value it concerns, without the cascade of alternatives that `oneOf` failures produce.
 */
export function checkSchema(value: unknown, file: string, locator: SourceLocator): PolicyProblem[] {
  const check = validator();
  if (check(value)) return [];
  const errors = check.errors ?? [];
  const oneOfPaths = new Set(errors.filter((e) => e.keyword === 'oneOf').map((e) => e.instancePath));
  const kept = errors.filter(
    (e) => !(e.keyword !== 'oneOf' && oneOfPaths.has(e.instancePath) && shapeKeywords.has(e.keyword)),
  );
  const explained = kept.filter(
    (e) =>
      e.keyword !== 'oneOf' ||
      !kept.some(
        (o) =>
          o !== e &&
          o.keyword !== 'oneOf' &&
          (o.instancePath === e.instancePath || o.instancePath.startsWith(`${e.instancePath}/`)),
      ),
  );
  const seen = new Set<string>();
  const problems: PolicyProblem[] = [];
  for (const e of explained) {
    const { path, part, message } = describe(e);
    const pos = locator.position(path, part);
    const key = `${pos.line}:${pos.col}:${message}`;
    if (seen.has(key)) continue;
    seen.add(key);
    problems.push({ file, line: pos.line, col: pos.col, code: 'schema', message });
  }
  return problems;
}

function pathOf(pointer: string): (string | number)[] {
  if (pointer === '') return [];
  return pointer
    .slice(1)
    .split('/')
    .map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'));
}

function describe(e: ErrorObject): { path: SourcePath; part: 'key' | 'value'; message: string } {
  const path = pathOf(e.instancePath);
  const where = path.length > 0 ? path.join('.') : 'policy';
  const p = e.params as Record<string, unknown>;
  switch (e.keyword) {
    case 'additionalProperties':
      return {
        path: [...path, String(p.additionalProperty)],
        part: 'key',
        message: `${where}: unknown property '${p.additionalProperty}'`,
      };
    case 'required':
      return { path, part: 'value', message: `${where}: missing required property '${p.missingProperty}'` };
    case 'propertyNames':
      return {
        path: [...path, String(p.propertyName)],
        part: 'key',
        message: `${where}: invalid name '${p.propertyName}'`,
      };
    case 'enum':
      return {
        path,
        part: 'value',
        message: `${where}: must be one of ${(p.allowedValues as unknown[]).join(', ')}`,
      };
    case 'oneOf': {
      const friendly = oneOfMessages.get(e.parentSchema);
      return { path, part: 'value', message: `${where}: ${friendly ?? e.message}` };
    }
    default:
      return { path, part: 'value', message: `${where}: ${e.message ?? e.keyword}` };
  }
}
