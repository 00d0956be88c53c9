import { describe, expect, it } from 'vitest';
import { type PolicyProblemCode, parsePolicy } from '../../../engine/policy/index.ts';
import { amsSource, lineOf, mutate } from './support.ts';

interface BrokenFixture {
  code: PolicyProblemCode;
  what: string;
  find: string;
  replace: string;
  /** Text in the broken source on the line the problem must point at. */
  at: string;
}

const S = amsSource;

const broken: BrokenFixture[] = [
  {
    code: 'yaml-syntax',
    what: 'an unclosed flow sequence',
    find: 'roles:\n',
    replace: 'oops: [unclosed\nroles:\n',
    at: 'roles:\n',
  },
  {
    code: 'duplicate-key',
    what: 'a key written twice',
    find: 'title: Grid',
    replace: 'title: Copy\ntitle: Grid',
    at: 'title: Grid',
  },
  {
    code: 'schema',
    what: 'a version that is not semver',
    find: 'version: 1.0.0',
    replace: 'version: one',
    at: 'version: one',
  },
  {
    code: 'schema',
    what: 'a misspelled property',
    find: '    initial: verifying',
    replace: '    initail: verifying\n    initial: verifying',
    at: 'initail',
  },
  {
    code: 'schema',
    what: 'an action outside the catalog',
    find: 'entry: [verify]',
    replace: 'entry: [verify, launchRocket]',
    at: 'launchRocket',
  },
  {
    code: 'unknown-state',
    what: 'a timer target that does not exist',
    find: 'P7D: escalated',
    replace: 'P7D: escalatd',
    at: 'P7D: escalatd',
  },
  {
    code: 'unknown-state',
    what: 'an initial state that does not exist',
    find: 'initial: draft',
    replace: 'initial: drafted',
    at: 'initial: drafted',
  },
  {
    code: 'unknown-event',
    what: 'a transition on an undeclared event',
    find: 'on: { approve: approved, reject: rejected }',
    replace: 'on: { approve: approved, reject: rejected, aprove: approved }',
    at: 'aprove: approved',
  },
  {
    code: 'unknown-event',
    what: 'verify without a declared verified answer',
    find: '      verified:\n        roles: [system]',
    replace: '      verifyed:\n        roles: [system]',
    at: '    events:\n      verifyed:',
  },
  {
    code: 'unknown-role',
    what: 'an event sent by an undeclared role',
    find: 'approve_registration: { roles: [registry] }',
    replace: 'approve_registration: { roles: [registar] }',
    at: 'roles: [registar]',
  },
  {
    code: 'unknown-role',
    what: 'a notification to an undeclared role',
    find: '{ notify: { role: project_developer } }',
    replace: '{ notify: { role: auditor } }',
    at: 'role: auditor',
  },
  {
    code: 'unknown-rule',
    what: 'a rule missing from the catalog',
    find: 'stats.drift: {',
    replace: 'stats.drfit: {',
    at: 'stats.drfit',
  },
  {
    code: 'unknown-credential',
    what: 'issuing an undeclared credential',
    find: 'schema: Issuance }',
    replace: 'schema: Issuanse }',
    at: 'Issuanse',
  },
  {
    code: 'unknown-parameter',
    what: 'a threshold naming no parameter',
    find: 'approve: approve_threshold,',
    replace: 'approve: approve_treshold,',
    at: 'approve_treshold',
  },
  {
    code: 'unknown-parameter',
    what: 'a formula naming no variable',
    find: 'expr: EG * EF_grid',
    replace: 'expr: EG * EF_grd',
    at: 'EF_grd',
  },
  {
    code: 'unknown-parameter',
    what: 'a rule parameter the catalog lacks',
    find: 'params: { k: 6 }',
    replace: 'params: { kk: 6 }',
    at: 'kk: 6',
  },
  {
    code: 'unknown-input-source',
    what: 'an input from an unknown source',
    find: 'source: plant.capacity_kw',
    replace: 'source: plant.capacity_mw',
    at: 'plant.capacity_mw',
  },
  {
    code: 'invalid-action',
    what: 'a status outside the workflow statuses',
    find: '{ setStatus: { status: open } }',
    replace: '{ setStatus: { status: opened } }',
    at: 'status: opened',
  },
  {
    code: 'invalid-action',
    what: 'mint inside reading review',
    find: 'entry: [verify]',
    replace: 'entry: [verify, mint]',
    at: 'entry: [verify, mint]',
  },
  {
    code: 'invalid-action',
    what: 'a missing required action parameter',
    find: '{ issueCredential: { schema: DeviceRegistration } }',
    replace: 'issueCredential',
    at: 'actions: [issueCredential',
  },
  {
    code: 'unreachable-state',
    what: 'a state no transition leads to',
    find: '  period_issuance:\n',
    replace: '      orphan: { final: true }\n  period_issuance:\n',
    at: 'orphan:',
  },
  {
    code: 'dead-end-state',
    what: 'a non-final state with no way out',
    find: '      retired:\n        final: true\n',
    replace: '      retired:\n',
    at: '      retired:',
  },
  {
    code: 'shadowed-transition',
    what: 'a guarded transition after an unguarded one',
    find: '            - { target: in_review }\n',
    replace:
      "            - { target: in_review }\n            - { guard: 'event.trust_score > 0.5', target: approved }\n",
    at: "guard: 'event.trust_score > 0.5'",
  },
  {
    code: 'unsendable-event',
    what: 'an event no role may send',
    find: 'reinstate: { roles: [registry] }',
    replace: 'reinstate: { roles: [] }',
    at: 'reinstate: { roles: [] }',
  },
  {
    code: 'expression-syntax',
    what: 'a guard that does not parse',
    find: `guard: 'event.status == "APPROVED"'`,
    replace: `guard: 'event.status == == "APPROVED"'`,
    at: '== ==',
  },
  {
    code: 'type-error',
    what: 'a score compared with a string',
    find: `guard: 'event.status == "APPROVED"'`,
    replace: `guard: 'event.trust_score == "high"'`,
    at: 'trust_score == "high"',
  },
  {
    code: 'type-error',
    what: 'a guard that is not boolean',
    find: `guard: 'event.status == "APPROVED"'`,
    replace: `guard: 'event.trust_score'`,
    at: `guard: 'event.trust_score'`,
  },
  {
    code: 'type-error',
    what: 'an int formula where a double is needed',
    find: "LE: { unit: tCO2e, expr: '0.0' }",
    replace: "LE: { unit: tCO2e, expr: '0' }",
    at: "LE: { unit: tCO2e, expr: '0' }",
  },
  {
    code: 'unit-mismatch',
    what: 'MWh + tCO2e/MWh',
    find: 'expr: EG * EF_grid',
    replace: 'expr: EG + EF_grid',
    at: 'expr: EG + EF_grid',
  },
  {
    code: 'unit-mismatch',
    what: 'a formula whose unit differs from its declaration',
    find: 'BE: { unit: tCO2e, expr: EG * EF_grid }',
    replace: 'BE: { unit: tCO2e, expr: EG * EF_grid * TEG }',
    at: 'EF_grid * TEG',
  },
  {
    code: 'unit-mismatch',
    what: 'a required output that is not an emission',
    find: 'BE: { unit: tCO2e, expr: EG * EF_grid }',
    replace: 'BE: { unit: MWh, expr: EG }',
    at: 'BE: { unit: MWh',
  },
  {
    code: 'unit-mismatch',
    what: 'a guard comparing a score with W/m2',
    find: `guard: 'event.status == "APPROVED"'`,
    replace: `guard: 'event.trust_score > pd_min'`,
    at: 'trust_score > pd_min',
  },
  {
    code: 'unit-mismatch',
    what: 'a kW parameter used as a dimensionless threshold',
    find: 'reject: reject_threshold }',
    replace: 'reject: max_capacity }',
    at: 'reject: max_capacity',
  },
  {
    code: 'invalid-unit',
    what: 'a unit nobody knows',
    find: 'pd_min: { unit: W/m2',
    replace: 'pd_min: { unit: W/furlong',
    at: 'W/furlong',
  },
  {
    code: 'invalid-unit',
    what: 'a bad unit inside q()',
    find: "LE: { unit: tCO2e, expr: '0.0' }",
    replace: `LE: { unit: tCO2e, expr: 'q(0.0, "parsec")' }`,
    at: 'parsec',
  },
  {
    code: 'out-of-bounds',
    what: 'a default above its max',
    find: "approve_threshold: { unit: '1', default: 0.8",
    replace: "approve_threshold: { unit: '1', default: 1.2",
    at: 'default: 1.2',
  },
  {
    code: 'out-of-bounds',
    what: 'a rule parameter beyond the catalog bound',
    find: 'params: { k: 6 }',
    replace: 'params: { k: 50 }',
    at: 'k: 50',
  },
  {
    code: 'out-of-bounds',
    what: 'an empty efficiency band',
    find: 'francis: { min: eff_francis_min, max: eff_francis_max }',
    replace: 'francis: { min: 0.9, max: 0.8 }',
    at: 'francis: { min: 0.9',
  },
  {
    code: 'out-of-bounds',
    what: 'a mandatory integrity rule disabled',
    find: '    physics.capacity:',
    replace: '    signature: { enabled: false }\n    physics.capacity:',
    at: 'signature: { enabled: false }',
  },
  {
    code: 'missing-output',
    what: 'a methodology without LE',
    find: "    LE: { unit: tCO2e, expr: '0.0' }\n",
    replace: '',
    at: '  formulas:',
  },
  {
    code: 'formula-cycle',
    what: 'formulas that depend on each other',
    find: 'added_area: { unit: m2, expr: A_PJ - A_BL }',
    replace: 'added_area: { unit: m2, expr: \'A_PJ - A_BL + PD * q(0.0, "m4/W")\' }',
    at: 'added_area:',
  },
  {
    code: 'name-clash',
    what: 'a parameter named like an input',
    find: '  max_capacity:',
    replace: '  EG: { unit: MWh, default: 1 }\n  max_capacity:',
    at: '    EG: { unit: MWh, source',
  },
  {
    code: 'name-clash',
    what: 'a parameter with a reserved name',
    find: '  max_capacity:',
    replace: '  event: { unit: MWh, default: 1 }\n  max_capacity:',
    at: '  event: { unit',
  },
  {
    code: 'invalid-duration',
    what: 'a calendar-dependent timer',
    find: 'P7D: escalated',
    replace: 'P1M: escalated',
    at: 'P1M: escalated',
  },
];

describe('static checks', () => {
  it('accepts the shipped policies unchanged', () => {
    expect(parsePolicy(S, 'p.yaml').problems).toEqual([]);
  });

  it.each(broken)('reports $code for $what at the line of the mistake', ({ code, find, replace, at }) => {
    const source = mutate(S, find, replace);
    const { policy, problems } = parsePolicy(source, 'broken.yaml');
    expect(policy).toBeUndefined();
    const hit = problems.find((p) => p.code === code);
    expect(hit, `problems: ${JSON.stringify(problems)}`).toBeDefined();
    expect(hit!.file).toBe('broken.yaml');
    expect(hit!.line).toBe(lineOf(source, at));
    expect(hit!.col).toBeGreaterThan(0);
  });

  it('reports every problem, not just the first', () => {
    let source = mutate(S, 'P7D: escalated', 'P7D: escalatd');
    source = mutate(source, 'stats.drift: {', 'stats.drfit: {');
    source = mutate(source, 'expr: EG * EF_grid', 'expr: EG + EF_grid');
    const codes = parsePolicy(source, 'b.yaml').problems.map((p) => p.code);
    expect(codes).toEqual(expect.arrayContaining(['unknown-state', 'unknown-rule', 'unit-mismatch']));
  });

  it('points a unit mismatch at the column of the offending expression', () => {
    const source = mutate(S, 'expr: EG * EF_grid', 'expr: EG + EF_grid');
    const hit = parsePolicy(source, 'b.yaml').problems.find((p) => p.code === 'unit-mismatch')!;
    const line = source.split('\n')[hit.line - 1]!;
    expect(line.slice(hit.col - 1)).toMatch(/^EG \+ EF_grid/);
    expect(hit.message).toContain('MWh');
    expect(hit.message).toContain('tCO2e/MWh');
  });
});
