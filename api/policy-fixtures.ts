import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { CheckedPolicy } from '../engine/policy/index.ts';
import {
  checkExpectations,
  type ExpectationResult,
  parseScenario,
  runScenario,
  type Scenario,
} from '../engine/policy/scenario/index.ts';

/** The shipped policies' fixture scenarios: policies/fixtures/<policy id>/*.yaml (plants as JSON beside them). */
export const fixturesRoot = resolve(import.meta.dirname, '../policies/fixtures');

export interface ScenarioRun {
  file: string;
  name: string;
  passed: boolean;
  /** Why the scenario could not run at all (bad file, engine refusal); expectations are then empty. */
  error: string | null;
  expectations: ExpectationResult[];
}

function loadScenario(dir: string, file: string): { scenario?: Scenario; error?: string } {
  const { value, problems } = parseScenario(readFileSync(join(dir, file), 'utf8'), file);
  if (!value) return { error: problems.slice(0, 5).join('; ') };
  if (typeof value.plant === 'string') {
    const plantFile = resolve(dir, value.plant);
    // Shipped fixtures name plants beside them; nothing outside the fixture folder is read.
    if (!plantFile.startsWith(`${dir}/`) || !existsSync(plantFile))
      return { error: `no plant ${value.plant}` };
    value.plant = JSON.parse(readFileSync(plantFile, 'utf8')) as unknown;
  }
  return { scenario: value as unknown as Scenario };
}

/**
 * Runs every fixture scenario shipped for `policyId` against a (draft) policy, through the engine the
 * service runs: pass/fail per expectation. Null when no fixtures ship for that policy id.
 */
export function runShippedFixtures(
  policy: CheckedPolicy,
  policyId: string,
  root = fixturesRoot,
): ScenarioRun[] | null {
  if (!/^[\w.-]{1,100}$/.test(policyId)) return null;
  const dir = join(root, policyId);
  if (!existsSync(dir)) return null;
  const files = readdirSync(dir)
    .filter((n) => /\.ya?ml$/.test(n))
    .sort();
  return files.map((file) => {
    const { scenario, error } = loadScenario(dir, file);
    if (!scenario) return { file, name: file, passed: false, error: error ?? 'unreadable', expectations: [] };
    try {
      const expectations = checkExpectations(scenario.expect, runScenario(policy, scenario));
      return {
        file,
        name: scenario.name ?? file,
        passed: expectations.every((e) => e.passed),
        error: null,
        expectations,
      };
    } catch (e) {
      const message = e instanceof Error ? e.message : String(e);
      return { file, name: scenario.name ?? file, passed: false, error: message, expectations: [] };
    }
  });
}
