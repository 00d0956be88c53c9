import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startConsoleStack, writeFixture } from './support/console-stack.ts';

const config = 'test/e2e/console/playwright.config.ts';

function playwright(
  args: string[],
  env: Record<string, string>,
): Promise<{ code: number | null; output: string }> {
  const child = spawn('npx', ['playwright', 'test', '-c', config, ...args], {
    env: { ...process.env, ...env, FORCE_COLOR: '0' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout.on('data', (d) => {
    output += d;
  });
  child.stderr.on('data', (d) => {
    output += d;
  });
  return new Promise((resolve) => child.on('close', (code) => resolve({ code, output })));
}

/**
 * The web console in a real browser (Debian's chromium via @playwright/test) against the live stack:
 * API + worker + local Hedera over this run's FerretDB and Temporal. The Playwright specs are in
 * test/e2e/console/*.spec.ts; their screenshots land in test-results/console-screens/.
 * It fails, never skips: a missing browser, a skipped or flaky spec, or fewer specs run than defined
 * all fail this test.
 */
describe('web console (Playwright, chromium)', () => {
  let stack: Awaited<ReturnType<typeof startConsoleStack>>;
  let dir: string;

  beforeAll(async () => {
    stack = await startConsoleStack('console-e2e');
    dir = mkdtempSync(join(tmpdir(), 'mrv-console-'));
    writeFixture(join(dir, 'fixture.json'), stack.fixture);
  }, 400_000);
  afterAll(async () => {
    await stack?.close();
  });

  it('passes every browser scenario', async () => {
    expect(stack.fixture.flagged.length).toBeGreaterThan(0);
    const listed = await playwright(['--list'], {});
    const defined = Number(/Total: (\d+) tests? in/.exec(listed.output)?.[1] ?? 0);
    expect(defined, listed.output).toBeGreaterThan(0);

    const report = join(dir, 'report.json');
    const run = await playwright(['--reporter=list,json'], {
      CONSOLE_FIXTURE: join(dir, 'fixture.json'),
      PLAYWRIGHT_JSON_OUTPUT_NAME: report,
    });
    console.info(run.output);
    expect(run.code, run.output.slice(-4000)).toBe(0);
    const { stats } = JSON.parse(readFileSync(report, 'utf8')) as {
      stats: { expected: number; skipped: number; unexpected: number; flaky: number };
    };
    expect(stats).toEqual({ ...stats, expected: defined, skipped: 0, unexpected: 0, flaky: 0 });
  }, 900_000);
});
