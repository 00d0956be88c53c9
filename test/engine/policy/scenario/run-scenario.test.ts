import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  compareOutcome,
  parseScenario,
  runScenario,
  type Scenario,
} from '../../../../engine/policy/scenario/index.ts';
import { acmPolicy, amsPolicy, policiesDir } from '../support.ts';

function scenarios(policyId: string): [string, Scenario][] {
  const dir = join(policiesDir, 'fixtures', policyId);
  return readdirSync(dir)
    .filter((n) => n.endsWith('.yaml'))
    .sort()
    .map((n) => {
      const { value, problems } = parseScenario(readFileSync(join(dir, n), 'utf8'), n);
      if (!value) throw new Error(problems.join('\n'));
      if (typeof value.plant === 'string')
        value.plant = JSON.parse(readFileSync(join(dir, value.plant), 'utf8'));
      return [n, value as unknown as Scenario];
    });
}

describe('shipped policy fixtures', () => {
  const policies = { 'hydro-ams-i-d': amsPolicy(), 'hydro-acm0002': acmPolicy() };
  for (const [id, policy] of Object.entries(policies)) {
    const list = scenarios(id);
    it(`${id} has at least 8 scenarios`, () => {
      expect(list.length).toBeGreaterThanOrEqual(8);
    });
    it.each(list)(`${id}: %s passes`, (_name, scenario) => {
      const outcome = runScenario(policy, scenario);
      expect(compareOutcome(scenario.expect, outcome)).toEqual([]);
    });
  }
});

describe('runScenario', () => {
  const [, clean] = scenarios('hydro-ams-i-d').find(([n]) => n.startsWith('01'))!;

  it('fails a scenario whose expected amount is wrong, naming the difference', () => {
    const outcome = runScenario(amsPolicy(), clean);
    expect(compareOutcome({ ...clean.expect, minted: 20_116 }, outcome)).toEqual([
      'minted amount: expected 20116, got 20115',
    ]);
  });

  it('is reproducible: device keys come from seeds', () => {
    expect(runScenario(amsPolicy(), clean)).toEqual(runScenario(amsPolicy(), clean));
  });

  it('rejects a scenario file that does not follow the scenario schema', () => {
    expect(parseScenario('name: x\nplant: p.json\n', 's.yaml').problems[0]).toContain('devices');
    expect(parseScenario('[', 's.yaml').problems[0]).toContain('yaml-syntax');
  });
});
