import { expect, test } from '@playwright/test';
import { NCP_FRANCE } from './support/demo-accounts.ts';
import { signIn } from './support/sign-in.ts';

// References and a narrative word of this run only, so that reruns against one database never meet older rows.
const RUN = String(Date.now()).slice(-8);
const WORD = `heron${RUN}`;
const day = new Date(Date.now() - 3 * 86_400_000).toISOString().slice(0, 10);
const CSV = [
  'external_ref,seized_at,country,location_type,direction,commodity_1_category,commodity_1_subcategory,commodity_1_quantity,commodity_1_unit,narrative',
  `E2E-${RUN}-1,${day},FR,seaport,import,DRUGS,COCAINE,310,kg,${WORD} container from Santos`,
  `E2E-${RUN}-2,${day},FR,airport,import,TOBACCO,CIGARETTES,12000,sticks,${WORD} suitcases`,
  `E2E-${RUN}-3,${day},FR,airport,import,DRUGS,COCAINE,5,sticks,${WORD} broken row`,
].join('\n');

test('an NCP imports a CSV with one broken row: the error is located, the valid rows are stored and found by search', async ({ page }) => {
  await signIn(page, NCP_FRANCE.username, NCP_FRANCE.password, NCP_FRANCE.displayName);
  await page.goto('/seizures/import');
  await expect(page.getByRole('heading', { level: 1, name: 'Import seizures' })).toBeVisible();
  await expect(page.getByRole('link', { name: 'Download the CSV template' })).toHaveAttribute('href', '/api/v1/seizures/import-template?format=csv');

  await page.locator('#import-file').setInputFiles({ name: `seizures-${RUN}.csv`, mimeType: 'text/csv', buffer: Buffer.from(CSV) });
  await page.getByRole('button', { name: 'Upload' }).click();
  await expect(page.getByTestId('import-file')).toContainText(`seizures-${RUN}.csv`);

  // The suggested mapping is preselected: the columns are named as the template's fields.
  const mapping = page.getByTestId('import-mapping');
  await expect(mapping.locator('#map-external_ref')).toHaveValue('external_ref');
  await expect(mapping.locator('#map-commodity_1_unit')).toHaveValue('commodity_1_unit');
  await page.getByRole('button', { name: 'Check every row' }).click();

  await expect(page.getByTestId('import-counts')).toHaveText('Rows: 3 · valid: 2 · with errors: 1 · already stored: 0');
  const error = page.getByTestId('import-errors').locator('tr[data-row="4"]');
  await expect(error).toContainText('commodity_1_unit');
  await expect(error).toContainText('sticks');

  await expect(page.getByLabel('Only the valid rows')).toBeChecked();
  await page.getByRole('button', { name: 'Store the seizures' }).click();
  await expect(page.getByTestId('import-committed')).toHaveText('Stored: 2 · skipped (already stored): 0');

  await page.goto(`/seizures?q=${WORD}`);
  await expect(page.getByTestId('result-count')).toHaveText('Seizures found: 2');
  await expect(page.getByTestId('seizure-results')).toContainText('310 kg');
  await expect(page.getByTestId('seizure-results').locator('[data-status="draft"]')).toHaveCount(2);
});
