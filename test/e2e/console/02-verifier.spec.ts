import { expect, test } from '@playwright/test';
import { callApi, expectAccessible, fixture, screenshot, signIn, watchCsp } from './helpers.ts';

interface Reading {
  id: string;
  status: string;
  findings: { rule: string; limit?: number; unit?: string }[];
}

test('a verifier filters the queue, reads the evidence and approves a flagged reading', async ({ page }) => {
  const f = fixture();
  const violations = await watchCsp(page);
  await signIn(page, f.keys.verifier);
  await expect(page.getByRole('heading', { name: 'Review queue' })).toBeVisible();
  await expect(page.getByTestId('queue-total')).toContainText(`${f.flagged.length} flagged readings`);
  await expectAccessible(page);
  await screenshot(page, '01-review-queue');

  // Filter by project, then by a rule one flagged reading broke: the queue narrows to matching rows.
  await page.getByLabel('Project').selectOption(f.projectId);
  await expect(page.getByTestId('queue-total')).toContainText(`${f.flagged.length} flagged readings`);
  // Pick a flagged reading whose findings carry a limit in a charted unit.
  const charted = ['m3/s', 'm', 'kWh', 'kW', '1'];
  let target: Reading | undefined;
  for (const id of f.flagged) {
    const r = (await callApi<Reading>(`/v1/readings/${id}`, f.keys.verifier)).body;
    if (r.findings.some((x) => typeof x.limit === 'number' && charted.includes(x.unit ?? ''))) {
      target = r;
      break;
    }
  }
  target ??= (await callApi<Reading>(`/v1/readings/${f.flagged[0]}`, f.keys.verifier)).body;
  const rule = target.findings.find((x) => typeof x.limit === 'number')?.rule ?? target.findings[0]!.rule;
  await page.getByLabel('Rule').fill(rule);
  await page.getByLabel('Rule').press('Enter');
  await page.getByLabel('Rule').blur();
  const expected = (
    await callApi<{ total: number }>(`/v1/reviews?rule=${encodeURIComponent(rule)}`, f.keys.verifier)
  ).body.total;
  await expect(page.getByTestId('queue-total')).toContainText(`${expected} flagged readings`);
  await expect(page.getByRole('link', { name: target.id })).toBeVisible();
  // The escalation countdown of the policy's P7D timer is shown.
  await expect(page.locator('table.queue tbody tr td:last-child time').first()).toHaveText(
    /\d+d \d+h \d+m|escalated/,
  );

  // Keyboard: j moves the selection, r opens the reject form, Escape closes it.
  await page.locator('body').press('j');
  await page.locator('body').press('r');
  await expect(page.getByRole('form', { name: /Decide rdg_/ })).toBeVisible();
  await page.getByLabel('Reason (required)').press('Escape');

  await page.getByRole('link', { name: target.id }).click();
  await expect(page.getByRole('heading', { name: `Reading ${target.id}` })).toBeVisible();
  await expect(page.getByTestId('reading-status')).toHaveText('FLAGGED');
  await expect(page.locator('figure.chart canvas').first()).toBeVisible();
  const withLimit = page.locator('figure.chart:not([data-limit-lines="0"])');
  await expect(withLimit.first()).toBeVisible();
  await expect(withLimit.first().locator('.limit-key')).toContainText('limit');
  await expect(page.getByRole('table').filter({ hasText: 'Rule' }).first()).toContainText(rule);
  await expectAccessible(page);
  await screenshot(page, '02-reading-evidence');

  // A reason is required.
  await page.getByRole('button', { name: 'Approve' }).click();
  await expect(page.getByRole('alert')).toContainText('A reason is required');
  await page.getByLabel('Reason (required)').fill('flow meter recalibrated on site; step is real');
  await page.getByRole('button', { name: 'Approve' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Recorded' })).toContainText('APPROVED');
  await expect(page.getByTestId('reading-status')).toHaveText('APPROVED');
  // The workflow recorded it: the API says APPROVED with the reviewer's reason.
  const after = (
    await callApi<Reading & { review: { reason: string } }>(`/v1/readings/${target.id}`, f.keys.verifier)
  ).body;
  expect(after.status).toBe('APPROVED');
  expect(after.review.reason).toContain('recalibrated');
  await screenshot(page, '03-reading-approved');

  // A second decision on the same reading is refused (409) and said in words.
  const again = await page.evaluate(async (id) => {
    const s = (await (await fetch('/v1/console/session')).json()) as { csrf_token: string };
    const r = await fetch(`/v1/reviews/${id}/decision`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-csrf-token': s.csrf_token },
      body: JSON.stringify({ decision: 'reject', reason: 'second opinion' }),
    });
    return r.status;
  }, target.id);
  expect(again).toBe(409);
  expect(violations).toEqual([]);
});

test('the queue is usable on a tablet', async ({ page }) => {
  const f = fixture();
  await page.setViewportSize({ width: 768, height: 1024 });
  await signIn(page, f.keys.verifier);
  await expect(page.getByRole('table', { name: 'Flagged readings' })).toBeVisible();
  await expectAccessible(page);
  await screenshot(page, '04-review-queue-tablet');
  // Sorting by a column is the API's (sort=timestamp&order=desc): the newest measurement comes first.
  await page.getByRole('button', { name: 'Measured' }).click();
  await page.getByRole('button', { name: /Measured/ }).click();
  await expect(page.getByRole('columnheader', { name: /Measured/ })).toHaveAttribute(
    'aria-sort',
    'descending',
  );
  const newest = (
    await callApi<{ data: { id: string }[] }>(
      '/v1/reviews?sort=timestamp&order=desc&limit=1',
      f.keys.verifier,
    )
  ).body.data[0]!.id;
  await expect(page.locator('table.queue tbody tr').first()).toContainText(newest);
});

test('an auditor (read-only) sees the queue but no decision controls, and the API refuses one', async ({
  page,
}) => {
  const f = fixture();
  await signIn(page, f.keys.auditor);
  await expect(page.getByRole('table', { name: 'Flagged readings' })).toBeVisible();
  await page.locator('body').press('a');
  await expect(page.getByRole('form', { name: /Decide/ })).toHaveCount(0);
  const status = await page.evaluate(async (id) => {
    const s = (await (await fetch('/v1/console/session')).json()) as { csrf_token: string };
    return (
      await fetch(`/v1/reviews/${id}/decision`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-csrf-token': s.csrf_token },
        body: JSON.stringify({ decision: 'approve', reason: 'x' }),
      })
    ).status;
  }, f.flagged.at(-1));
  expect(status).toBe(403);
});
