import { readFileSync } from 'node:fs';
import { expect, test } from '@playwright/test';
import { DEMO_PASSWORD } from './support/demo-accounts.ts';
import { signIn } from './support/sign-in.ts';

// A word of this run only, so that reruns against one database never meet an older entry.
const NCP_KENYA = { username: 'ncp.kenya', password: DEMO_PASSWORD, displayName: 'Wanjiru Otieno' };
const STAMP = `heron${String(Date.now()).slice(-8)}`;

test('an NCP finds contact points by country and staleness, adds one of its own and exports the directory', async ({ page }) => {
  await signIn(page, NCP_KENYA.username, NCP_KENYA.password, NCP_KENYA.displayName);
  await page.getByRole('navigation', { name: 'Main navigation' }).getByRole('link', { name: 'I2C desk', exact: true }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Contact points' })).toBeVisible();
  const cards = page.getByTestId('directory-entries');
  // The form's Clear button (each typeahead has a small one of the same name).
  const clearFilters = page.locator('button.button', { hasText: /^Clear$/ });
  await expect(cards.locator('[data-entry="I2C help desk"]')).toBeVisible();

  // France's entries only, chosen with the country typeahead; none of them is Kenya's to edit.
  const country = page.getByRole('combobox', { name: 'Country' });
  await country.pressSequentially('Fran', { delay: 20 });
  await expect(page.locator(`#${await country.getAttribute('aria-controls')}`).getByRole('option').first()).toHaveText(/France/);
  await country.press('ArrowDown');
  await country.press('Enter');
  await page.getByRole('button', { name: 'Filter' }).click();
  await expect(cards.locator('[data-entry="Permanent operations room"]')).toBeVisible();
  await expect(cards.locator('[data-entry="I2C help desk"]')).toHaveCount(0);
  await expect(cards.locator('[data-entry="Permanent operations room"]')).toContainText('Open 24/7');
  await expect(cards.getByRole('button', { name: /^Change / })).toHaveCount(0);

  // The entries nobody has confirmed for a year: Brazil's and UNODC's in the demo.
  await clearFilters.click();
  await page.getByLabel('Not confirmed for a year').check();
  await page.getByRole('button', { name: 'Filter' }).click();
  await expect(cards.locator('[data-entry="Ponto de contato nacional CEN"]')).toContainText('To confirm');
  await expect(cards.locator('[data-entry="Container Control Programme"]')).toBeVisible();
  await expect(cards.locator('[data-entry="I2C help desk"]')).toHaveCount(0);

  // Kenya adds a contact point; a bad time zone is refused first, with the field named.
  await clearFilters.click();
  await page.getByRole('button', { name: 'Add a contact point' }).click();
  const dialog = page.getByRole('dialog');
  await dialog.getByLabel('Name of the contact point').fill(`Mombasa port desk ${STAMP}`);
  await dialog.getByLabel('Telephone').fill('+254 41 990 0101');
  await dialog.getByLabel('Time zone').fill('Africa/Atlantis');
  await dialog.getByLabel('Languages').fill('sw, en');
  await dialog.getByLabel('Drugs').check();
  await dialog.getByRole('button', { name: 'Save' }).click();
  await expect(dialog.getByRole('alert')).toBeVisible();
  await expect(dialog.getByText(/must be an IANA time zone/)).toBeVisible();
  await dialog.getByLabel('Time zone').fill('Africa/Nairobi');
  await dialog.getByRole('button', { name: 'Save' }).click();
  await expect(dialog).toBeHidden();

  await page.getByLabel('My organisation only').check();
  await page.getByRole('button', { name: 'Filter' }).click();
  const mine = cards.locator(`[data-entry="Mombasa port desk ${STAMP}"]`);
  await expect(mine).toContainText('Swahili');
  await expect(mine).toContainText('+254 41 990 0101');
  await expect(mine.getByRole('button', { name: `Change Mombasa port desk ${STAMP}` })).toBeVisible();
  await mine.getByRole('button', { name: `Confirm Mombasa port desk ${STAMP} is still right` }).click();
  await expect(page.getByText('Confirmed as still right')).toBeVisible();

  // The export holds what the search shows.
  const download = page.waitForEvent('download');
  await page.getByRole('link', { name: 'Export CSV' }).click();
  const csv = readFileSync(await (await download).path(), 'utf8');
  expect(csv.split('\n')[0]).toMatch(/^organisation,short_name,country/);
  expect(csv).toContain(`Mombasa port desk ${STAMP}`);
  expect(csv).not.toContain('Permanent operations room');
});
