/**
 * The Hiero JS SDK's own integration tests (v2.81.0, the SDK version we install) against a fresh local
 * network in a loopback-only network namespace, with the conformance material's runner (run.sh,
 * classify.mjs). Every in-scope test must pass; every out-of-scope test must end as
 * sdk-suite/out-of-scope-outcomes.ts requires (refused by the network, never passing by accident).
 */
import { execFileSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { CHECKOUT, conformanceDir } from './sdk-suite/conformance-dir.ts';
import {
  isOutOfScope,
  outOfScopeRules,
  outOfScopeViolation,
  type VitestAssertion,
} from './sdk-suite/out-of-scope-outcomes.ts';

const work = mkdtempSync(path.join(tmpdir(), 'mrv-sdk-suite-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

interface Report {
  testResults: { name: string; message?: string; assertionResults: VitestAssertion[] }[];
}

describe('Hiero SDK v2.81.0 integration tests', () => {
  it(
    'pass in scope, and are refused out of scope',
    () => {
      const source = conformanceDir();
      const copy = path.join(work, 'conformance');
      // The material is read-only in CI: run a copy, its src/ linked to the SDK we install.
      cpSync(source, copy, { recursive: true });
      execFileSync('chmod', ['-R', 'u+w', copy]);
      const suite = path.join(copy, 'hiero-sdk-js-v2.81.0');
      symlinkSync(path.join(CHECKOUT, 'node_modules', '@hashgraph', 'sdk', 'src'), path.join(suite, 'src'));
      execFileSync('npm', ['ci', '--no-audit', '--no-fund', '--prefer-offline', '--loglevel=error'], {
        cwd: suite,
        stdio: 'inherit',
      });
      const out = path.join(work, 'out');
      const run = execFileSync(
        'bash',
        [path.join(copy, 'netns.sh'), 'bash', path.join(suite, 'run.sh'), out],
        {
          cwd: CHECKOUT,
          encoding: 'utf8',
          timeout: 15 * 60_000,
        },
      );
      process.stdout.write(run);
      const table = execFileSync(
        'node',
        [
          path.join(suite, 'classify.mjs'),
          path.join(out, 'vitest.json'),
          '--totals',
          path.join(out, 'totals.json'),
        ],
        { encoding: 'utf8' },
      );
      process.stdout.write(table);
      const totals = JSON.parse(readFileSync(path.join(out, 'totals.json'), 'utf8'));
      expect(totals.problems).toEqual([]);
      expect(totals.complete).toBe(true);
      expect(totals.inScopePassed).toBe(totals.expected.inScope);

      const rules = outOfScopeRules(readFileSync(path.join(suite, 'classify.mjs'), 'utf8'));
      const report = JSON.parse(readFileSync(path.join(out, 'vitest.json'), 'utf8')) as Report;
      const violations: string[] = [];
      let outOfScope = 0;
      for (const f of report.testResults) {
        const file = path.basename(f.name).replace(/\.js$/, '');
        for (const t of f.assertionResults) {
          if (!isOutOfScope(rules, file, t)) continue;
          outOfScope++;
          const why = outOfScopeViolation(file, t);
          if (why) violations.push(why);
        }
      }
      expect(outOfScope).toBe(totals.outOfScopePassed + totals.outOfScopeFailed);
      expect(violations).toEqual([]);
    },
    20 * 60_000,
  );
});
