import { expect, test } from '@playwright/test';
import { adminStatePath } from './support/demo-accounts.ts';

test.use({ storageState: adminStatePath() });

test('an administrator browses the audit log with filters and verifies the chain', async ({ page }) => {
  await page.goto('/admin/audit');
  await expect(page.getByRole('heading', { level: 1, name: 'Audit log' })).toBeVisible();
  const rows = page.locator('.audit-table tbody tr');
  await expect(rows.first()).toBeVisible();
  await expect(page.locator('.pager')).toContainText(/Page 1 of \d+/);

  await page.getByLabel('Action').fill('auth.totp.enrolled');
  await page.getByRole('button', { name: 'Apply' }).click();
  await expect(rows.first()).toContainText('auth.totp.enrolled');
  await expect(rows.first()).toContainText('admin');
  for (const text of await rows.allTextContents()) expect(text).toContain('auth.totp.enrolled');

  await page.getByLabel('User', { exact: true }).fill('nobody-by-this-name');
  await page.getByRole('button', { name: 'Apply' }).click();
  await expect(page.getByText('Nothing found.')).toBeVisible();

  await page.getByRole('button', { name: 'Clear' }).click();
  await expect(rows.first()).not.toContainText('Nothing found.');

  await page.getByRole('button', { name: 'Verify chain' }).click();
  await expect(page.getByTestId('audit-verification')).toContainText(/The chain is intact: [\d,]+ entries checked\./);
});

test('an administrator creates and edits an organisation', async ({ page }) => {
  const shortName = `E2E-${Date.now().toString(36).toUpperCase()}`;
  await page.goto('/admin/organisations');
  await page.getByRole('button', { name: 'New organisation' }).click();
  const dialog = page.getByRole('dialog', { name: 'New organisation' });
  await dialog.getByRole('textbox', { name: 'Name', exact: true }).fill('E2E Border Police');
  await dialog.getByRole('textbox', { name: 'Short name' }).fill(shortName);
  await dialog.getByRole('combobox', { name: 'Type' }).selectOption('partner');
  const country = dialog.getByRole('combobox', { name: 'Country' });
  await country.pressSequentially('fra');
  await dialog.getByRole('option', { name: /France/ }).click();
  await dialog.getByRole('button', { name: 'Create' }).click();
  await expect(dialog).toBeHidden();

  await page.getByLabel('Filter').fill(shortName);
  const row = page.getByRole('row', { name: new RegExp(shortName) });
  await expect(row).toContainText('Partner agency');
  await expect(row).toContainText('FR');

  await row.getByRole('button', { name: 'Edit E2E Border Police' }).click();
  const edit = page.getByRole('dialog', { name: 'Edit E2E Border Police' });
  await expect(edit.getByRole('combobox', { name: 'Country' })).toHaveValue(/France/);
  await edit.getByRole('textbox', { name: 'Name', exact: true }).fill('E2E Border Police Agency');
  await edit.getByRole('button', { name: 'Save' }).click();
  await expect(edit).toBeHidden();
  await expect(page.getByRole('row', { name: new RegExp(shortName) })).toContainText('E2E Border Police Agency');
});
