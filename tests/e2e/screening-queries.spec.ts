import { expect, test } from '@playwright/test';
import { adminStatePath, NCP_FRANCE } from './support/demo-accounts.ts';
import { signIn } from './support/sign-in.ts';

test.use({ storageState: adminStatePath() });

test('an administrator sees every screening query: who, for whom, what and how many hits', async ({ page, browser }) => {
  const searched = `QQ${String(Date.now()).slice(-7)}`;
  const ncp = await browser.newContext({ storageState: { cookies: [], origins: [] } });
  const ncpPage = await ncp.newPage();
  await signIn(ncpPage, NCP_FRANCE.username, NCP_FRANCE.password, NCP_FRANCE.displayName);
  await ncpPage.goto('/screening');
  await ncpPage.getByLabel('Identifier', { exact: true }).fill(searched);
  await ncpPage.getByRole('search').getByRole('button', { name: 'Search' }).click();
  await expect(ncpPage.getByTestId('search-summary')).toHaveText('No candidate in the watch lists.');
  await ncp.close();

  await page.goto('/');
  await page.getByRole('navigation', { name: 'Main navigation' }).getByRole('link', { name: 'Screening queries' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Screening queries' })).toBeVisible();
  const row = page.getByTestId('screening-queries').getByRole('row').filter({ hasText: searched });
  await expect(row).toContainText(NCP_FRANCE.displayName);
  await expect(row).toContainText('Own organisation');
  await expect(row).toContainText('Search');

  await page.getByLabel('Kind').selectOption('batch');
  await expect(page.getByTestId('screening-queries').getByRole('row').filter({ hasText: searched })).toHaveCount(0);
});
