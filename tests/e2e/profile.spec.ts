import { expect, test, type Page } from '@playwright/test';
import { NCP_FRANCE } from './support/demo-accounts.ts';
import { signIn } from './support/sign-in.ts';

const fieldError = (page: Page, id: string) => page.locator(`#${id}-error`);

test('the profile refuses a missing mandatory field beside it, then saves and keeps valid data', async ({ page }) => {
  await signIn(page, NCP_FRANCE.username, NCP_FRANCE.password, NCP_FRANCE.displayName);
  await page.getByRole('navigation', { name: 'Main navigation' }).getByRole('link', { name: 'My profile' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'My profile' })).toBeVisible();

  await page.locator('#firstName').fill('Claire');
  await page.locator('#surname').fill('Martin');
  await page.locator('#officeName').fill('Direction nationale du renseignement et des enquêtes douanières');
  await page.locator('#email').fill('claire.martin@douane.example');
  await page.locator('#phone').fill('');
  await page.getByRole('button', { name: 'Save', exact: true }).click();

  await expect(page.getByRole('alert')).toBeVisible();
  await expect(fieldError(page, 'phone')).toBeVisible();
  await expect(page.locator('#phone')).toHaveAttribute('aria-invalid', 'true');
  await expect(fieldError(page, 'surname')).toHaveCount(0);

  await page.locator('#phone').fill('+33 1 44 74 47 00');
  await page.locator('#officeHours').fill('Mon–Fri 08:00–18:00');
  await page.locator('#libraryAlerts').check();
  await page.getByRole('button', { name: 'Save', exact: true }).click();
  await expect(page.getByText('Your profile has been saved.')).toBeVisible();
  await expect(fieldError(page, 'phone')).toHaveCount(0);

  await page.reload();
  await expect(page.locator('#phone')).toHaveValue('+33 1 44 74 47 00');
  await expect(page.locator('#officeHours')).toHaveValue('Mon–Fri 08:00–18:00');
  await expect(page.locator('#surname')).toHaveValue('Martin');
  await expect(page.locator('#libraryAlerts')).toBeChecked();
});

test('a profile without surname and office name names both fields', async ({ page }) => {
  await signIn(page, NCP_FRANCE.username, NCP_FRANCE.password, NCP_FRANCE.displayName);
  await page.goto('/profile');
  await page.locator('#surname').fill('');
  await page.locator('#officeName').fill('');
  await page.getByRole('button', { name: 'Save', exact: true }).click();
  await expect(fieldError(page, 'surname')).toBeVisible();
  await expect(fieldError(page, 'officeName')).toBeVisible();
});
