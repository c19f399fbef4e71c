import { expect, test } from '@playwright/test';
import { NCP_FRANCE } from './support/demo-accounts.ts';
import { signIn, signOut, submitCredentials } from './support/sign-in.ts';

test('an NCP signs in, sees their organisation and roles, and signs out', async ({ page }) => {
  await signIn(page, NCP_FRANCE.username, NCP_FRANCE.password, NCP_FRANCE.displayName);

  const identity = page.getByTestId('home-identity');
  await expect(identity).toContainText(NCP_FRANCE.username);
  await expect(identity).toContainText('National Contact Point');
  await expect(identity).toContainText(/France/);
  // Administration is for administrators only.
  await expect(page.getByRole('link', { name: 'Users' })).toHaveCount(0);
  await expect(page.getByTestId('connection-indicator')).toHaveAttribute('data-status', 'online');

  await signOut(page);
  await page.reload();
  await expect(page.locator('#username')).toBeVisible();
});

test('a wrong password is refused with a clear message', async ({ page }) => {
  await submitCredentials(page, NCP_FRANCE.username, 'not-the-password');
  await expect(page.getByRole('alert')).toContainText('Wrong username or password.');
  await expect(page.locator('#password')).toHaveValue('');
  await expect(page.locator('#username')).toHaveValue(NCP_FRANCE.username);
});

test('an administrator-only page is refused to an NCP', async ({ page }) => {
  await signIn(page, NCP_FRANCE.username, NCP_FRANCE.password, NCP_FRANCE.displayName);
  await page.goto('/admin/users');
  await expect(page.getByRole('heading', { level: 1, name: 'Access denied' })).toBeVisible();
});
