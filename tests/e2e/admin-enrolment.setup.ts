import { writeFileSync } from 'node:fs';
import { expect, test } from '@playwright/test';
import { ADMIN, adminSecretPath, adminStatePath, adminStepPath } from './support/demo-accounts.ts';
import { submitCredentials } from './support/sign-in.ts';
import { currentStep, totpCode } from './support/totp.ts';

test('the administrator enrols TOTP at first sign-in and reaches the admin pages', async ({ page }) => {
  await submitCredentials(page, ADMIN.username, ADMIN.password);

  await expect(page.getByRole('heading', { name: 'Set up two-step verification' })).toBeVisible();
  await expect(page.getByRole('img', { name: /QR code/ })).toBeVisible();
  const secret = (await page.getByTestId('totp-secret').textContent())?.trim() ?? '';
  expect(secret).toMatch(/^[A-Z2-7]+=*$/);
  writeFileSync(adminSecretPath(), secret);

  writeFileSync(adminStepPath(), String(currentStep()));
  await page.locator('#totp-code').fill(totpCode(secret));
  await page.getByRole('button', { name: 'Activate and continue' }).click();

  await expect(page.getByRole('heading', { level: 1, name: `Welcome, ${ADMIN.displayName}` })).toBeVisible();
  const nav = page.getByRole('navigation', { name: 'Main navigation' });
  for (const section of ['Organisations', 'Users', 'API tokens', 'Audit log']) await expect(nav.getByRole('link', { name: section })).toBeVisible();

  await nav.getByRole('link', { name: 'Organisations' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Organisations' })).toBeVisible();
  await expect(page.getByRole('cell', { name: 'WCO-I2C', exact: true })).toBeVisible();

  await page.context().storageState({ path: adminStatePath() });
});
