import { readFileSync, writeFileSync } from 'node:fs';
import { expect, test } from '@playwright/test';
import { ADMIN, adminSecretPath, adminStepPath } from './support/demo-accounts.ts';
import { submitCredentials } from './support/sign-in.ts';
import { currentStep, totpCode, waitForStepAfter } from './support/totp.ts';

test('an enrolled administrator must give a valid code after the password', async ({ page }) => {
  test.setTimeout(90_000);
  const secret = readFileSync(adminSecretPath(), 'utf8').trim();

  await submitCredentials(page, ADMIN.username, ADMIN.password);
  await expect(page.getByRole('heading', { name: 'Two-step verification' })).toBeVisible();
  // Nothing of the app opens before the second factor.
  await page.goto('/admin/users');
  await expect(page.getByRole('heading', { name: 'Two-step verification' })).toBeVisible();

  const wrong = totpCode(secret) === '000000' ? '111111' : '000000';
  await page.locator('#totp-code').fill(wrong);
  await page.getByRole('button', { name: 'Verify' }).click();
  await expect(page.getByRole('alert')).toContainText('This code is not valid.');

  await waitForStepAfter(Number(readFileSync(adminStepPath(), 'utf8')));
  writeFileSync(adminStepPath(), String(currentStep()));
  await page.locator('#totp-code').fill(totpCode(secret));
  await page.getByRole('button', { name: 'Verify' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Users' })).toBeVisible();
});
