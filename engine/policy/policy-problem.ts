/** Closed set of static-check codes; each has a broken fixture under test/engine/policy/fixtures. */
export type PolicyProblemCode =
  | 'too-large'
  | 'too-deep'
  | 'alias-limit'
  | 'yaml-syntax'
  | 'duplicate-key'
  | 'not-a-policy'
  | 'schema'
  | 'unknown-state'
  | 'unknown-event'
  | 'unknown-role'
  | 'unknown-rule'
  | 'unknown-credential'
  | 'unknown-parameter'
  | 'unknown-input-source'
  | 'invalid-action'
  | 'unreachable-state'
  | 'dead-end-state'
  | 'shadowed-transition'
  | 'unsendable-event'
  | 'expression-syntax'
  | 'type-error'
  | 'unit-mismatch'
  | 'invalid-unit'
  | 'out-of-bounds'
  | 'missing-output'
  | 'formula-cycle'
  | 'name-clash'
  | 'invalid-duration'
  | 'unreadable';

/** One problem found in a policy file; line and col are 1-based positions in the YAML source. */
export interface PolicyProblem {
  file: string;
  line: number;
  col: number;
  code: PolicyProblemCode;
  message: string;
}

/**
 * The `file:line:col: code: message` form that `mrv policy validate` prints.
 *
 * @example
 * formatProblem({ file: 'p.yaml', line: 3, col: 5, code: 'unknown-state', message: "no state 'x'" })
 * // 'p.yaml:3:5: unknown-state: no state \'x\''
 */
export function formatProblem(p: PolicyProblem): string {
  return `${p.file}:${p.line}:${p.col}: ${p.code}: ${p.message.replace(/\s*\n\s*/g, ' ')}`;
}
