import { parseUnit } from '../units/index.ts';
import { checkFieldUnit } from './check-workflows.ts';
import { reservedNames } from './expression-environment.ts';
import type { PolicyDocument } from './policy-document.ts';
import type { ProblemSink } from './problem-sink.ts';

/**
 * Checks parameters (units, bounds, defaults), credential schemas, the single namespace shared by
 * parameters, methodology inputs and formulas, and anchoring.
 */
export function checkDeclarations(policy: PolicyDocument, sink: ProblemSink): void {
  const owners = new Map<string, string>();
  const claim = (name: string, path: (string | number)[]) => {
    if (reservedNames.has(name)) sink.at(path, 'name-clash', `'${name}' is reserved in expressions`, 'key');
    const first = owners.get(name);
    if (first)
      sink.at(
        path,
        'name-clash',
        `'${name}' is already declared as ${first}; expressions need one meaning per name`,
        'key',
      );
    else owners.set(name, path.slice(0, -1).join('.'));
  };
  for (const [name, p] of Object.entries(policy.parameters)) {
    const path = ['parameters', name];
    claim(name, path);
    try {
      parseUnit(p.unit);
    } catch (error) {
      sink.at([...path, 'unit'], 'invalid-unit', (error as Error).message);
    }
    if (p.min !== undefined && p.max !== undefined && p.min > p.max) {
      sink.at(path, 'out-of-bounds', `parameter '${name}': min ${p.min} is greater than max ${p.max}`, 'key');
    }
    if ((p.min !== undefined && p.default < p.min) || (p.max !== undefined && p.default > p.max)) {
      sink.at(
        [...path, 'default'],
        'out-of-bounds',
        `default ${p.default} is outside [${p.min ?? '-∞'}, ${p.max ?? '∞'}]`,
      );
    }
  }
  for (const name of Object.keys(policy.methodology.inputs)) claim(name, ['methodology', 'inputs', name]);
  for (const name of Object.keys(policy.methodology.formulas)) claim(name, ['methodology', 'formulas', name]);

  for (const [name, cred] of Object.entries(policy.credentials)) {
    const path = ['credentials', name];
    for (const [field, type] of Object.entries(cred.fields))
      checkFieldUnit(type, [...path, 'fields', field], sink);
    (cred.required ?? []).forEach((field, i) => {
      if (!Object.hasOwn(cred.fields, field))
        sink.at([...path, 'required', i], 'schema', `required field '${field}' is not among ${name}.fields`);
    });
  }

  const a = policy.anchoring;
  if (a.mode === 'merkle_batch' && a.batch_size === undefined && a.interval === undefined) {
    sink.at(
      ['anchoring'],
      'schema',
      'merkle_batch anchoring needs batch_size, interval or both (when to close a batch)',
    );
  }
}
