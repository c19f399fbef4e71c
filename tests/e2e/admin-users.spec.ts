import { expect, test } from '@playwright/test';
import { adminStatePath } from './support/demo-accounts.ts';

test.use({ storageState: adminStatePath() });

test('an administrator creates a user and resets its password; the user must change it at next sign-in', async ({ page, browser }) => {
  const username = `e2e.analyst.${Date.now().toString(36)}`;
  await page.goto('/admin/users');
  await expect(page.getByRole('heading', { level: 1, name: 'Users' })).toBeVisible();

  // A bad e-mail is refused beside its field.
  await page.getByRole('button', { name: 'New user' }).click();
  const dialog = page.getByRole('dialog', { name: 'New user' });
  await dialog.locator('#username').fill(username);
  await dialog.locator('#displayName').fill('Ana Lyst');
  await dialog.locator('#email').fill('not-an-address');
  await dialog.locator('#orgId').selectOption({ index: 1 });
  await dialog.locator('#initialPassword').fill('Initial-password-2026');
  await dialog.getByRole('checkbox', { name: /RILO analyst/ }).check();
  await dialog.getByRole('button', { name: 'Create' }).click();
  await expect(dialog.locator('#email-error')).toBeVisible();

  await dialog.locator('#email').fill('ana.lyst@customs.example');
  await dialog.getByRole('button', { name: 'Create' }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByText(`User ${username} created.`)).toBeVisible();

  await page.locator('#user-q').fill(username);
  const row = page.locator(`tr[data-username="${username}"]`);
  await expect(row).toBeVisible();
  await expect(row).toContainText('RILO analyst');

  await row.getByRole('button', { name: 'Reset password' }).click();
  await page.getByRole('dialog', { name: 'Reset password' }).getByRole('button', { name: 'Reset' }).click();
  const temporary = (await page.getByTestId('temporary-password').textContent())?.trim() ?? '';
  expect(temporary.length).toBeGreaterThanOrEqual(12);
  await page.getByRole('button', { name: 'Done' }).click();

  // The user signs in with the temporary password and is held on the password page.
  const userContext = await browser.newContext({ storageState: { cookies: [], origins: [] } });
  const userPage = await userContext.newPage();
  await userPage.goto('/');
  await userPage.locator('#username').fill(username);
  await userPage.locator('#password').fill(temporary);
  await userPage.getByRole('button', { name: 'Sign in' }).click();
  await expect(userPage.getByRole('heading', { level: 1, name: 'Choose a new password' })).toBeVisible();
  await expect(userPage.getByRole('navigation', { name: 'Main navigation' })).toHaveCount(0);

  await userPage.locator('#currentPassword').fill(temporary);
  await userPage.locator('#newPassword').fill('short');
  await userPage.locator('#confirmation').fill('short');
  await userPage.getByRole('button', { name: 'Change password' }).click();
  await expect(userPage.locator('#newPassword-error')).toContainText('at least 12');

  const chosen = 'A-much-longer-passphrase-2026';
  await userPage.locator('#newPassword').fill(chosen);
  await userPage.locator('#confirmation').fill(chosen);
  await userPage.getByRole('button', { name: 'Change password' }).click();
  await expect(userPage.getByRole('heading', { level: 1, name: 'Welcome, Ana Lyst' })).toBeVisible();
  await expect(userPage.getByText('Your password has been changed.')).toBeVisible();

  // Signing in again with the chosen password leads straight in; a deep link opens once signed in.
  await userPage.getByRole('button', { name: 'Sign out' }).click();
  await userPage.goto('/reference');
  await userPage.locator('#username').fill(username);
  await userPage.locator('#password').fill(chosen);
  await userPage.getByRole('button', { name: 'Sign in' }).click();
  await expect(userPage.getByRole('heading', { level: 1, name: 'Reference data' })).toBeVisible();
  await userContext.close();
});

test('an administrator disables and re-enables an account, and edits its roles', async ({ page }) => {
  await page.goto('/admin/users');
  await page.locator('#user-q').fill('viewer.belgium');
  const row = page.locator('tr[data-username="viewer.belgium"]');
  await expect(row).toBeVisible();

  await row.getByRole('button', { name: 'Disable' }).click();
  await page.getByRole('dialog', { name: 'Disable account' }).getByRole('button', { name: 'Disable' }).click();
  await expect(row.getByText('Disabled', { exact: true })).toBeVisible();
  await row.getByRole('button', { name: 'Enable' }).click();
  await page.getByRole('dialog', { name: 'Enable account' }).getByRole('button', { name: 'Enable' }).click();
  await expect(row.getByText('Active', { exact: true })).toBeVisible();

  await row.getByRole('button', { name: 'Edit' }).click();
  const dialog = page.getByRole('dialog', { name: 'Edit viewer.belgium' });
  await dialog.getByRole('checkbox', { name: /Partner agency/ }).check();
  await dialog.getByRole('button', { name: 'Save' }).click();
  await expect(dialog).toBeHidden();
  await expect(row).toContainText('Partner agency');
});
