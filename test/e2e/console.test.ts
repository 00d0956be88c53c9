import { spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startConsoleStack, writeFixture } from './support/console-stack.ts';

/**
 * The web console in a real browser (Debian's chromium via @playwright/test) against the live stack:
 * API + worker + local Hedera over this run's FerretDB and Temporal. The Playwright specs are in
 * test/e2e/console/*.spec.ts; their screenshots land in test-results/console-screens/.
 */
describe('web console (Playwright, chromium)', () => {
  let stack: Awaited<ReturnType<typeof startConsoleStack>>;
  let fixtureFile: string;

  beforeAll(async () => {
    stack = await startConsoleStack('console-e2e');
    fixtureFile = join(mkdtempSync(join(tmpdir(), 'mrv-console-')), 'fixture.json');
    writeFixture(fixtureFile, stack.fixture);
  }, 400_000);
  afterAll(async () => {
    await stack?.close();
  });

  it('passes every browser scenario', async () => {
    expect(stack.fixture.flagged.length).toBeGreaterThan(0);
    const child = spawn('npx', ['playwright', 'test', '-c', 'test/e2e/console/playwright.config.ts'], {
      env: { ...process.env, CONSOLE_FIXTURE: fixtureFile, FORCE_COLOR: '0' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', (d) => {
      output += d;
    });
    child.stderr.on('data', (d) => {
      output += d;
    });
    const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
    console.info(output);
    expect(code, output.slice(-4000)).toBe(0);
  }, 900_000);
});
