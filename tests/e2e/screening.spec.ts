import { expect, test, type Page } from '@playwright/test';
import { NCP_FRANCE } from './support/demo-accounts.ts';
import { signIn } from './support/sign-in.ts';

const MRZ_LINE_1 = 'P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<';
const MRZ_LINE_2 = 'L898902C36UTO7408122F1204159ZE184226B<<<<<10';
// The birth date's last digit changed (740812 → 740813): its check digit and the composite one fail.
const MRZ_LINE_2_TAMPERED = 'L898902C36UTO7408132F1204159ZE184226B<<<<<10';

// A document number of this run only, so that reruns against one database never meet an older record.
const PASSPORT = `XK${String(Date.now()).slice(-7)}`;
// One character typed wrong: the last digit, replaced by one that no OCR confusion folds into it.
const TYPO = PASSPORT.slice(0, -1) + (PASSPORT.endsWith('7') ? '4' : '7');

async function checkMrz(page: Page, line2: string) {
  await page.getByLabel('Kind of identifier').selectOption('mrz');
  await page.locator('#identifier-value').fill(`${MRZ_LINE_1}\n${line2}`);
  await page.getByRole('button', { name: 'Check', exact: true }).click();
}

test.describe.configure({ mode: 'serial' });

test('an NCP checks the ICAO specimen MRZ (valid) and a tampered one (invalid, located error)', async ({ page }) => {
  await signIn(page, NCP_FRANCE.username, NCP_FRANCE.password, NCP_FRANCE.displayName);
  await page.getByRole('navigation', { name: 'Main navigation' }).getByRole('link', { name: 'Screening', exact: true }).click();
  await page.getByRole('navigation', { name: 'Screening pages' }).getByRole('link', { name: 'Identifier check' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Identifier check' })).toBeVisible();

  await checkMrz(page, MRZ_LINE_2);
  await expect(page.getByTestId('identifier-verdict')).toHaveText('Valid');
  const fields = page.getByTestId('identifier-fields');
  await expect(fields.locator('tr[data-field="documentNumber"]')).toContainText('L898902C3');
  await expect(fields.locator('tr[data-field="surname"]')).toContainText('ERIKSSON');
  await expect(fields.locator('[data-check="holds"]')).toHaveCount(5);
  await expect(fields.locator('[data-check="fails"]')).toHaveCount(0);
  await expect(page.getByTestId('identifier-normalised')).toContainText(MRZ_LINE_2);

  await checkMrz(page, MRZ_LINE_2_TAMPERED);
  await expect(page.getByTestId('identifier-verdict')).toHaveText('Invalid');
  await expect(fields.locator('tr[data-field="birthDate"] [data-check="fails"]')).toBeVisible();
  await expect(page.getByTestId('identifier-errors')).toContainText('Date of birth');
  await expect(page.getByTestId('identifier-errors')).toContainText('position');
});

test('an NCP records a stolen passport, then finds it with one character typed wrong', async ({ page }) => {
  await signIn(page, NCP_FRANCE.username, NCP_FRANCE.password, NCP_FRANCE.displayName);
  await page.goto('/screening/records');
  await expect(page.getByRole('heading', { level: 1, name: 'Our watch-list records' })).toBeVisible();
  await expect(page.getByLabel('Watch list')).toHaveValue('travel_documents');

  await page.getByRole('button', { name: 'Record an item' }).click();
  const dialog = page.getByRole('dialog', { name: 'Record in Travel documents' });
  await dialog.locator('#record-number').fill(PASSPORT);
  await dialog.locator('#record-docType').selectOption('passport');
  const country = dialog.getByRole('combobox', { name: 'Issuing country' });
  await country.pressSequentially('fra');
  await dialog.getByRole('option', { name: /France/ }).click();
  await expect(country).toHaveValue(/France \(FR\)/);
  await dialog.locator('#record-status').selectOption('stolen');
  await dialog.getByRole('button', { name: 'Record', exact: true }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByTestId('screening-records')).toContainText(PASSPORT);

  await page.getByRole('navigation', { name: 'Screening pages' }).getByRole('link', { name: 'Search' }).click();
  await page.getByLabel('Identifier', { exact: true }).fill(TYPO);
  await page.getByRole('search').getByRole('button', { name: 'Search' }).click();
  const hits = page.getByTestId('screening-hits');
  const row = hits.getByRole('row').filter({ hasText: PASSPORT });
  await expect(row).toBeVisible();
  await expect(row.locator('[data-match="one_edit"]')).toHaveText('One edit away');
  await expect(row).toContainText('Travel documents');
  await expect(row).toContainText('Passport');
  await expect(row).toContainText(`Character ${PASSPORT.length}: searched ${TYPO.slice(-1)}, recorded ${PASSPORT.slice(-1)}.`);

  // A pattern with too few fixed characters is refused beside the field.
  await page.getByLabel('Identifier', { exact: true }).fill('X*');
  await page.getByRole('search').getByRole('button', { name: 'Search' }).click();
  await expect(page.locator('[data-field-error="search-identifier"]')).toHaveText('Too broad: give at least 3 characters besides ? and *.');
});

test('a batch of a few lines returns the recorded passport as a hit', async ({ page }) => {
  await signIn(page, NCP_FRANCE.username, NCP_FRANCE.password, NCP_FRANCE.displayName);
  await page.goto('/screening/batch');
  await page.locator('#batch-input').fill(['CSQU3054383', PASSPORT, '1G4AH59H45G118341', 'ZZ0000001'].join('\n'));
  await expect(page.getByTestId('batch-parsed')).toHaveText('4 items read (one per line).');
  await page.getByRole('button', { name: 'Screen the list' }).click();
  await expect(page.getByTestId('batch-counts')).toContainText('Items screened4');
  await expect(page.getByTestId('batch-hit-count')).toHaveText('1');
  const row = page.getByTestId('screening-hits').getByRole('row').filter({ hasText: PASSPORT });
  await expect(row).toContainText('Line 2');
  await expect(row.locator('[data-match="exact"]')).toHaveText('Exact');
});

test('the screening pages work in Urdu, right to left', async ({ page }) => {
  await signIn(page, NCP_FRANCE.username, NCP_FRANCE.password, NCP_FRANCE.displayName);
  await page.goto('/screening');
  await page.getByTestId('language-switcher').selectOption('ur');
  await expect(page.locator('html')).toHaveAttribute('dir', 'rtl');
  await expect(page.getByRole('heading', { level: 1, name: 'نگرانی فہرستوں میں تلاش' })).toBeVisible();

  await page.getByLabel('شناخت کنندہ', { exact: true }).fill(PASSPORT);
  await page.getByRole('search').getByRole('button', { name: 'تلاش' }).click();
  const row = page.getByTestId('screening-hits').getByRole('row').filter({ hasText: PASSPORT });
  await expect(row.locator('[data-match="exact"]')).toHaveText('بالکل وہی');
  await expect(row).toContainText('سفری دستاویزات');

  await page.getByRole('navigation', { name: 'اسکریننگ کے صفحات' }).getByRole('link', { name: 'شناخت کنندہ کی جانچ' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'شناخت کنندہ کی جانچ' })).toBeVisible();
  await page.locator('#identifier-value').fill(`${MRZ_LINE_1}\n${MRZ_LINE_2}`);
  await page.getByRole('button', { name: 'جانچیں' }).click();
  await expect(page.getByTestId('identifier-verdict')).toHaveText('درست');

  // Leave the account in English for the other tests.
  await page.getByTestId('language-switcher').selectOption('en');
  await expect(page.getByRole('heading', { level: 1, name: 'Identifier check' })).toBeVisible();
});
