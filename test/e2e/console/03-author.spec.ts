import { expect, type Page, test } from '@playwright/test';
import { callApi, expectAccessible, fixture, screenshot, signIn, watchCsp } from './helpers.ts';

/** Selects all and pastes (typing would auto-close brackets and re-indent, as for a person typing). */
async function replaceEditorText(page: Page, text: string): Promise<void> {
  const content = page.locator('.cm-content');
  await content.click();
  await page.keyboard.press('Control+A');
  await content.evaluate((el, value) => {
    const data = new DataTransfer();
    data.setData('text/plain', value);
    el.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
  }, text);
}

test('an author sees a typo at its line, fixes it, runs the fixtures, diffs and publishes', async ({
  page,
}) => {
  const f = fixture();
  const violations = await watchCsp(page);
  const versions = (await callApi<{ data: { id: string; version: string }[] }>('/v1/policies', f.keys.author))
    .body.data;
  const base = versions[0]!;
  const source = (await callApi<{ source: string }>(`/v1/policies/${base.id}`, f.keys.author)).body.source;

  const editorChunk = page.waitForRequest(/\/console\/assets\/yaml-editor-.*\.js$/);
  await signIn(page, f.keys.author);
  await page.goto(`${f.url}/console/#/author`);
  await expect(page.getByRole('heading', { name: 'Policy workspace' })).toBeVisible();
  await page.getByLabel('Start from a published policy').selectOption(base.id);
  await editorChunk; // the editor is its own chunk, loaded only here
  await expect(page.getByTestId('check-ok')).toContainText(`@${base.version}`);

  // The typo: `initial` misspelled in the reading_review workflow.
  const typo = source.replace('    initial: verifying', '    initail: verifying');
  const line = typo.split('\n').findIndex((l) => l.includes('initail')) + 1;
  await replaceEditorText(page, typo);
  const problems = page.getByTestId('problems');
  await expect(problems).toContainText(`${line}:5`);
  await expect(problems).toContainText("unknown property 'initail'");
  // Inline in the editor too: the problem's link puts the cursor there, on the underlined range.
  await problems
    .getByRole('button', { name: `${line}:5` })
    .first()
    .click();
  await expect(page.locator('.cm-lintRange-error').first()).toBeVisible();
  await expect(page.locator('.cm-activeLine')).toContainText('initail: verifying');
  await screenshot(page, '05-author-diagnostic');

  // Fixed, and a new version (published versions never change).
  const fixed = source.replace(/^version: .*$/m, 'version: 1.0.1');
  await replaceEditorText(page, fixed);
  await expect(page.getByTestId('check-ok')).toContainText('@1.0.1');
  // The workflows as state diagrams, rendered locally by Mermaid.
  const diagram = page.getByRole('img', { name: 'State diagram of the reading_review workflow' });
  await expect(diagram).toBeVisible();
  // Styled, though the page allows no inline style: the states carry Mermaid's theme fill (#ececff),
  // which an unstyled SVG would draw black. Read back from the pixels the browser drew.
  const themed = await diagram.evaluate(async (img: HTMLImageElement) => {
    await img.decode();
    const canvas = document.createElement('canvas');
    canvas.width = img.naturalWidth;
    canvas.height = img.naturalHeight;
    const g = canvas.getContext('2d')!;
    g.drawImage(img, 0, 0);
    const d = g.getImageData(0, 0, canvas.width, canvas.height).data;
    let count = 0;
    for (let i = 0; i < d.length; i += 4)
      if (
        d[i + 3]! > 200 &&
        Math.abs(d[i]! - 0xec) < 10 &&
        Math.abs(d[i + 1]! - 0xec) < 10 &&
        d[i + 2]! > 0xf5
      )
        count += 1;
    return count;
  });
  expect(themed).toBeGreaterThan(100);

  await page.getByRole('button', { name: 'Run fixture scenarios' }).click();
  await expect(page.getByTestId('fixtures-verdict')).toHaveText('all pass', { timeout: 60_000 });
  // Each scenario is PASS; opened, it lists each expectation with its own result.
  await expect(page.locator('details summary .badge.fail')).toHaveCount(0);
  await page.locator('details summary').first().click();
  await expect(page.getByRole('table').filter({ hasText: 'Expectation' }).first()).toContainText('pass');

  await page.getByLabel('Compare with').selectOption(base.id);
  await page.getByRole('button', { name: 'Show differences' }).click();
  await expect(page.getByRole('heading', { name: /Differences \(1\)/ })).toBeVisible();
  await expect(page.getByRole('cell', { name: 'version', exact: true })).toBeVisible();
  await expectAccessible(page);
  await screenshot(page, '06-author-workspace');

  await page.getByRole('button', { name: 'Publish…' }).click();
  const dialog = page.getByRole('dialog');
  await expect(dialog).toContainText('immutable');
  await dialog.getByRole('button', { name: 'Publish' }).click();
  await expect(page.getByTestId('published')).toContainText('@1.0.1');
  const after = (await callApi<{ data: { version: string }[] }>('/v1/policies', f.keys.author)).body.data;
  expect(after.map((v) => v.version)).toContain('1.0.1');
  // Nothing was blocked: Mermaid's styles reach the page through CSSOM only (web/src/parts/mermaid-diagram.ts).
  expect(violations).toEqual([]);
});
