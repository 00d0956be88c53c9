import { expect, test } from '@playwright/test';
import { callApi, expectAccessible, fixture, screenshot, signIn } from './helpers.ts';

test('an operator provisions a device and gets its pairing QR once', async ({ page }) => {
  const f = fixture();
  await signIn(page, f.keys.admin);
  await page.goto(`${f.url}/console/#/operator`);
  await expect(page.getByRole('heading', { name: 'Projects & devices' })).toBeVisible();
  await expect(page.getByRole('region', { name: /Devices of/ }).getByRole('table')).toContainText('active');
  await page.getByRole('button', { name: 'Next' }).click();
  await page.getByLabel(/Scope/).selectOption('plant');
  await page.getByRole('button', { name: 'Next' }).click();
  // The template step lists the shipped edge templates: vendor, the manual cited, the sensors read.
  await page.getByLabel(/Edge template/).selectOption('abb-a44');
  await expect(page.getByTestId('template-details')).toContainText('ABB A series');
  await expect(page.getByRole('table', { name: 'Sensors of abb-a44' })).toContainText('energy_export');
  await expectAccessible(page);
  await page.getByRole('button', { name: 'Next' }).click();
  await page.getByLabel(/Device name/).fill('Turbine 3 gateway');
  await page.getByRole('button', { name: 'Provision' }).click();
  const qr = page.getByTestId('pairing-qr');
  await expect(qr).toBeVisible();
  expect(await qr.getAttribute('src')).toMatch(/^data:image\/png;base64,/);
  expect(await qr.evaluate((img: HTMLImageElement) => img.naturalWidth)).toBeGreaterThan(100);
  await expectAccessible(page);
  await screenshot(page, '07-operator-provisioned');
  const download = page.waitForEvent('download');
  await page.getByRole('link', { name: /Download the QR code/ }).click();
  expect((await download).suggestedFilename()).toMatch(/^dev_.*-pairing\.png$/);
  await expect(page.getByRole('link', { name: /Download the QR code/ })).toHaveCount(0);
  const devices = (
    await callApi<{ data: { name: string | null; template: string | null }[] }>(
      `/v1/devices?project_id=${f.projectId}`,
      f.keys.admin,
    )
  ).body.data;
  expect(devices.find((d) => d.name === 'Turbine 3 gateway')?.template).toBe('abb-a44');
});

test('an operator suspends and reactivates a device', async ({ page }) => {
  const f = fixture();
  const devices = (
    await callApi<{ data: { id: string; policy_status: string | null }[] }>(
      `/v1/devices?project_id=${f.projectId}`,
      f.keys.admin,
    )
  ).body.data;
  // A registered device (the registry approved it); a freshly provisioned one still waits for that.
  const device = devices.find((d) => d.policy_status === 'active')!;
  await signIn(page, f.keys.admin);
  await page.goto(`${f.url}/console/#/operator`);
  const table = page.getByRole('region', { name: /Devices of/ }).getByRole('table');
  const row = table.getByRole('row').filter({ hasText: device.id });
  const region = page.getByRole('region', { name: /Devices of/ });
  await row.getByRole('button', { name: 'Suspend' }).click();
  // The reason is required: an empty one is not sent.
  await region.getByRole('button', { name: 'Suspend', exact: true }).last().click();
  await expect(row).toContainText('active');
  await region.getByLabel(/Reason to suspend/).fill('maintenance window');
  await region.getByRole('form').getByRole('button', { name: 'Suspend' }).click();
  await expect(row).toContainText('suspended', { timeout: 30_000 });
  await row.getByRole('button', { name: 'Reactivate' }).click();
  await region.getByLabel(/Reason to reactivate/).fill('maintenance done');
  await region.getByRole('form').getByRole('button', { name: 'Reactivate' }).click();
  await expect(row).toContainText('active', { timeout: 30_000 });
});

test('API keys: create with scopes and roles (secret once), rotate, revoke; the audit log shows it', async ({
  page,
}) => {
  const f = fixture();
  await signIn(page, f.keys.admin);
  await page.goto(`${f.url}/console/#/keys`);
  const name = `field verifier ${Date.now()}`;
  await page.getByLabel('Name').fill(name);
  await page.getByLabel('readings:read').check();
  await page.getByLabel('review:write').check();
  await page.getByLabel(/Policy roles/).fill('verifier');
  await page.getByRole('button', { name: 'Create key' }).click();
  const secret = page.getByTestId('new-secret');
  await expect(secret).toContainText('mrv_live_');
  const key = (await secret.textContent())!.trim();
  expect((await callApi('/v1/console/session', key)).status).toBe(200);
  await expectAccessible(page);
  await screenshot(page, '08-api-keys');
  await page.getByRole('button', { name: 'I have stored it' }).click();
  await expect(page.getByTestId('new-secret')).toHaveCount(0);
  const row = page.getByRole('row').filter({ hasText: name }).filter({ hasText: 'active' });
  page.once('dialog', (d) => d.accept());
  await row.getByRole('button', { name: 'Rotate' }).click();
  await expect(page.getByTestId('new-secret')).toContainText('mrv_live_');
  const rotated = (await page.getByTestId('new-secret').textContent())!.trim();
  await page.getByRole('button', { name: 'I have stored it' }).click();
  const active = page.getByRole('row').filter({ hasText: name }).filter({ hasText: 'active' });
  page.once('dialog', (d) => d.accept());
  await active.getByRole('button', { name: 'Revoke' }).click();
  await expect(page.getByRole('row').filter({ hasText: name }).filter({ hasText: 'active' })).toHaveCount(0);
  expect((await callApi('/v1/console/session', rotated)).status).toBe(401);

  await page.goto(`${f.url}/console/#/audit`);
  await page.getByLabel('Action').fill('createApiKey');
  await page.getByRole('button', { name: 'Filter' }).click();
  await expect(page.getByTestId('audit-table')).toContainText('createApiKey');
  await expect(page.getByTestId('audit-table')).not.toContainText('revokeApiKey');
  await expectAccessible(page);
  await screenshot(page, '09-audit-log');
});
