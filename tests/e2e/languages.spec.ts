import { expect, test } from '@playwright/test';
import { NCP_FRANCE } from './support/demo-accounts.ts';

const html = (page: import('@playwright/test').Page) => page.locator('html');

test('Urdu and Dari turn the page right-to-left with translated labels; French turns it back', async ({ page }) => {
  await page.goto('/');
  await expect(html(page)).toHaveAttribute('dir', 'ltr');
  await expect(page.getByLabel('Username')).toBeVisible();

  await page.getByTestId('language-switcher').selectOption('ur');
  await expect(html(page)).toHaveAttribute('dir', 'rtl');
  await expect(html(page)).toHaveAttribute('lang', 'ur');
  await expect(page.getByLabel('صارف نام')).toBeVisible();
  await expect(page.getByRole('button', { name: 'سائن اِن کریں' })).toBeVisible();

  await page.getByTestId('language-switcher').selectOption('fa-AF');
  await expect(html(page)).toHaveAttribute('dir', 'rtl');
  await expect(html(page)).toHaveAttribute('lang', 'fa-AF');
  await expect(page.getByLabel('نام کاربر')).toBeVisible();
  await expect(page.getByRole('button', { name: 'ورود', exact: true })).toBeVisible();

  await page.getByTestId('language-switcher').selectOption('fr');
  await expect(html(page)).toHaveAttribute('dir', 'ltr');
  await expect(html(page)).toHaveAttribute('lang', 'fr');
  await expect(page.getByLabel("Nom d'utilisateur")).toBeVisible();

  // The choice is remembered on this device, and holds once signed in.
  await page.reload();
  await expect(html(page)).toHaveAttribute('lang', 'fr');
  await page.getByLabel("Nom d'utilisateur").fill(NCP_FRANCE.username);
  await page.getByLabel('Mot de passe').fill(NCP_FRANCE.password);
  await page.getByRole('button', { name: 'Se connecter' }).click();
  await expect(page.getByRole('heading', { level: 1, name: `Bienvenue, ${NCP_FRANCE.displayName}` })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Se déconnecter' })).toBeVisible();

  // Signed in, the header switcher still works on every page, right-to-left included.
  await page.getByRole('navigation').getByRole('link', { name: 'Données de référence', exact: true }).click();
  await page.getByTestId('language-switcher').selectOption('ur');
  await expect(html(page)).toHaveAttribute('dir', 'rtl');
  await expect(page.getByRole('heading', { level: 1, name: 'حوالہ جاتی ڈیٹا' })).toBeVisible();
  await page.getByTestId('language-switcher').selectOption('fr');
  await expect(html(page)).toHaveAttribute('dir', 'ltr');
  await expect(page.getByRole('heading', { level: 1, name: 'Données de référence' })).toBeVisible();

  // Leave the account in English for the other tests.
  await page.getByTestId('language-switcher').selectOption('en');
  await expect(page.getByRole('heading', { level: 1, name: 'Reference data' })).toBeVisible();
});
