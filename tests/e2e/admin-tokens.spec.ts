import { expect, test } from '@playwright/test';
import { adminStatePath } from './support/demo-accounts.ts';

test.use({ storageState: adminStatePath() });

test('an administrator issues an API token, which works until it is revoked', async ({ page, playwright, baseURL }) => {
  const name = `e2e national system ${Date.now().toString(36)}`;
  await page.goto('/admin/tokens');
  await expect(page.getByRole('heading', { level: 1, name: 'API tokens' })).toBeVisible();

  await page.locator('#token-name').fill(name);
  const userValue = await page.locator('#token-user option', { hasText: '(system.fr-ncen)' }).getAttribute('value');
  await page.locator('#token-user').selectOption(userValue ?? '');
  await page.locator('#token-days').fill('30');
  await page.getByRole('button', { name: 'Issue token' }).click();

  const token = (await page.getByTestId('issued-token').textContent())?.trim() ?? '';
  expect(token.length).toBeGreaterThan(20);
  await expect(page.getByText('Copy it now: it will not be shown again.')).toBeVisible();

  const row = page.locator(`tr[data-token-name="${name}"]`);
  await expect(row).toContainText('Active');
  await expect(row).toContainText('system.fr-ncen');

  const api = await playwright.request.newContext({ baseURL, extraHTTPHeaders: { Authorization: `Bearer ${token}` } });
  expect((await api.get('/api/v1/auth/me')).status()).toBe(200);
  // A person's own routes are not for a token.
  expect((await api.get('/api/v1/profile')).status()).toBe(403);

  await row.getByRole('button', { name: 'Revoke' }).click();
  await page.getByRole('dialog', { name: 'Revoke token' }).getByRole('button', { name: 'Revoke' }).click();
  await expect(row).toContainText('Revoked');
  await expect(row.getByRole('button', { name: 'Revoke' })).toHaveCount(0);

  expect((await api.get('/api/v1/auth/me')).status()).toBe(401);
  await api.dispose();
});
