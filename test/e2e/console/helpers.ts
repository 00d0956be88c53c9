import { mkdirSync, readFileSync } from 'node:fs';
import { AxeBuilder } from '@axe-core/playwright';
import { expect, type Page } from '@playwright/test';
import type { ConsoleFixture } from './fixture.ts';

export function fixture(): ConsoleFixture {
  const file = process.env.CONSOLE_FIXTURE;
  if (!file) throw new Error('CONSOLE_FIXTURE is not set: run through test/e2e/console.test.ts');
  return JSON.parse(readFileSync(file, 'utf8')) as ConsoleFixture;
}

// Outside Playwright's outputDir, which it empties at the start of every run.
const screens = 'test-results/console-screens';

/** A full-page screenshot kept as a test artifact (test-results/console-screens/<name>.png). */
export async function screenshot(page: Page, name: string): Promise<void> {
  mkdirSync(screens, { recursive: true });
  await page.screenshot({ path: `${screens}/${name}.png`, fullPage: true });
}

/** axe-core on the current page: no serious or critical violation. */
export async function expectAccessible(page: Page): Promise<void> {
  const result = await new AxeBuilder({ page }).analyze();
  const bad = result.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  expect(
    bad.map(
      (v) =>
        `${v.id}: ${v.help} (${v.nodes
          .map((n) => n.target.join(' '))
          .slice(0, 3)
          .join('; ')})`,
    ),
  ).toEqual([]);
}

/** Records CSP violations the page reports (none may happen). */
export async function watchCsp(page: Page): Promise<string[]> {
  const violations: string[] = [];
  await page.exposeFunction('__cspViolation', (v: string) => violations.push(v));
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (e) => {
      (window as unknown as { __cspViolation(v: string): void }).__cspViolation(
        `${e.violatedDirective} ${e.blockedURI}`,
      );
    });
  });
  return violations;
}

export async function signIn(page: Page, key: string): Promise<void> {
  const f = fixture();
  await page.goto(`${f.url}/console/`);
  await page.getByLabel('API key', { exact: true }).fill(key);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByTestId('org-name')).toHaveText(f.orgName);
}

/** The public API with an API key (test setup and checks, as any client would call it). */
export async function callApi<T>(
  path: string,
  key: string,
  init: RequestInit = {},
): Promise<{ status: number; body: T }> {
  const res = await fetch(`${fixture().url}${path}`, {
    ...init,
    headers: { authorization: `Bearer ${key}`, ...(init.headers as Record<string, string>) },
  });
  const text = await res.text();
  return { status: res.status, body: (text ? JSON.parse(text) : undefined) as T };
}
