import { expect, test } from '@playwright/test';
import { composeMrz } from '../../server/screening/testing.ts';
import { DEMO_PASSWORD, NCP_FRANCE } from './support/demo-accounts.ts';
import { signIn } from './support/sign-in.ts';

// Numbers of this run only, so that reruns against one database never meet an older record.
const RUN = String(Date.now()).slice(-7);
const PASSPORT = `MZ${RUN}`;
const TITLE = `Still life with lemons ${RUN}`;
// The smallest real PNG (1×1): the server sniffs the type from these bytes, whatever the name says.
const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==', 'base64');

test.describe.configure({ mode: 'serial' });

test('an NCP pastes a French passport’s MRZ into search: it is read, and the stolen passport is found', async ({ page }) => {
  await signIn(page, NCP_FRANCE.username, NCP_FRANCE.password, NCP_FRANCE.displayName);
  await page.goto('/screening/records');
  await page.getByRole('button', { name: 'Record an item' }).click();
  const dialog = page.getByRole('dialog', { name: 'Record in Travel documents' });
  await dialog.locator('#record-number').fill(PASSPORT);
  await dialog.locator('#record-docType').selectOption('passport');
  const country = dialog.getByRole('combobox', { name: 'Issuing country' });
  await country.pressSequentially('fra');
  await dialog.getByRole('option', { name: /France/ }).click();
  await dialog.locator('#record-status').selectOption('stolen');
  await dialog.getByRole('button', { name: 'Record', exact: true }).click();
  await expect(dialog).toBeHidden();

  const mrz = composeMrz('TD3', { documentCode: 'P', issuingState: 'FRA', surname: 'DUPONT', givenNames: 'LUC', documentNumber: PASSPORT, nationality: 'FRA', birthDate: '800101', sex: 'M', expiryDate: '320101' });
  await page.getByRole('navigation', { name: 'Screening pages' }).getByRole('link', { name: 'Search' }).click();
  await page.getByLabel('Identifier', { exact: true }).fill(mrz.join(''));
  await page.getByRole('search').getByRole('button', { name: 'Search' }).click();

  const reading = page.getByTestId('mrz-reading');
  await expect(reading).toContainText('Every check digit of the zone holds.');
  await expect(reading.getByTestId('mrz-document-number')).toContainText(PASSPORT);
  await expect(reading).toContainText('Searched as a travel document issued by FR.');
  // The holder's name is not shown back.
  await expect(reading).not.toContainText('DUPONT');
  const row = page.getByTestId('screening-hits').getByRole('row').filter({ hasText: PASSPORT });
  await expect(row.locator('[data-match="exact"]')).toBeVisible();
});

test('the recording organisation adds an image to a work of art; it shows in the record', async ({ page }) => {
  await signIn(page, NCP_FRANCE.username, NCP_FRANCE.password, NCP_FRANCE.displayName);
  await page.goto('/screening/records');
  await page.getByLabel('Watch list').selectOption('art');
  await page.getByRole('button', { name: 'Record an item' }).click();
  const dialog = page.getByRole('dialog', { name: 'Record in Works of art' });
  await dialog.locator('#record-title').fill(TITLE);
  await dialog.locator('#record-objectType').fill('painting');
  await dialog.locator('#record-status').selectOption('stolen');
  await dialog.getByRole('button', { name: 'Record', exact: true }).click();
  await expect(dialog).toBeHidden();

  const row = page.getByTestId('screening-records').getByRole('row').filter({ hasText: TITLE });
  await row.getByRole('button', { name: 'Images of the object' }).click();
  await page.getByLabel('Add images').setInputFiles({ name: 'lemons.png', mimeType: 'image/png', buffer: PNG });
  const gallery = page.getByTestId('art-images');
  const image = gallery.getByRole('img', { name: 'Image lemons.png' });
  await expect(image).toBeVisible();
  // Served back decrypted and decodable by the browser.
  await expect.poll(() => image.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth)).toBe(1);

  await page.getByRole('button', { name: 'Remove the image lemons.png' }).click();
  await expect(page.getByText('No images.')).toBeVisible();
});

test('an I2C officer picks the member administration by name and searches on its behalf', async ({ page }) => {
  await signIn(page, 'i2c.officer', DEMO_PASSWORD, 'Amira Haddad');
  await page.goto('/screening');
  const picker = page.getByLabel('On behalf of (member administration)');
  await expect(picker.getByRole('option', { name: /Kenya Customs/ })).toHaveCount(1);
  await picker.selectOption({ label: (await picker.getByRole('option', { name: /Kenya Customs/ }).textContent())! });
  await page.getByLabel('Identifier', { exact: true }).fill(PASSPORT);
  await page.getByRole('search').getByRole('button', { name: 'Search' }).click();
  await expect(page.getByTestId('screening-hits').getByRole('row').filter({ hasText: PASSPORT })).toBeVisible();
});
