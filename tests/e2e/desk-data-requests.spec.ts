import { readFileSync } from 'node:fs';
import { expect, test } from '@playwright/test';
import { DEMO_PASSWORD } from './support/demo-accounts.ts';
import { signIn, signOut } from './support/sign-in.ts';

const UNODC = { username: 'unodc.analyst', password: DEMO_PASSWORD, displayName: 'Elena Petrova' };
const I2C = { username: 'i2c.officer', password: DEMO_PASSWORD, displayName: 'Amira Haddad' };
// A word of this run only, so that reruns against one database never meet an older request.
const STAMP = `egret${String(Date.now()).slice(-8)}`;

test('a partner asks for data, the I2C narrows the request and issues the extract, the partner downloads aggregates', async ({ page }) => {
  await signIn(page, UNODC.username, UNODC.password, UNODC.displayName);
  await page.goto('/desk/data-requests');
  await expect(page.getByRole('heading', { level: 1, name: 'Requests for WCO data' })).toBeVisible();
  await expect(page.getByRole('navigation', { name: 'I2C desk pages' }).getByRole('link', { name: 'Data requests' })).toBeVisible();
  // The demo's request of UNODC, still to be decided.
  await expect(page.getByTestId('data-requests').locator('tbody tr').filter({ hasText: 'World Drug Report' })).toContainText('Submitted');

  await page.getByRole('link', { name: 'New request' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'New request' })).toBeVisible();
  // A partner organisation receives aggregates only: record-level fields are not offered.
  const fields = page.getByTestId('dr-fields');
  await expect(fields.getByLabel('Country', { exact: true })).toBeChecked();
  await expect(fields.getByLabel('CEN reference')).toHaveCount(0);
  await page.getByRole('textbox', { name: 'Purpose', exact: true }).fill(`Study ${STAMP} of drug trafficking by means of transport, for the annual report.`);
  await page.getByRole('textbox', { name: 'From', exact: true }).fill('2020-01-01');
  await page.getByRole('textbox', { name: 'To', exact: true }).fill('2025-12-31');
  await page.getByTestId('dr-risk-areas').getByLabel('Drugs').check();
  await fields.getByLabel('Means of transport').check();
  await page.getByRole('button', { name: 'Submit the request' }).click();
  await expect(page.getByRole('heading', { level: 1, name: /^DR-\d{4}-\d{4} — United Nations Office on Drugs and Crime$/ })).toBeVisible();
  await expect(page.getByTestId('dr-facts')).toContainText('Submitted');
  const requestUrl = page.url();
  await signOut(page);

  // The I2C finds it among the submitted requests and narrows it; a refusal without a reason is refused first.
  await signIn(page, I2C.username, I2C.password, I2C.displayName);
  await page.goto('/desk/data-requests');
  await page.getByLabel('Status', { exact: true }).selectOption('submitted');
  await page.getByTestId('data-requests').getByRole('row').filter({ hasText: STAMP }).getByRole('link').click();
  await page.getByLabel('Refuse').check();
  await page.getByRole('button', { name: 'Refuse' }).click();
  await expect(page.getByRole('alert')).toContainText('Please correct the fields marked below.');
  await expect(page.getByText(/a refusal needs a reason/)).toBeVisible();
  await page.getByLabel('Narrow').check();
  await page.getByTestId('dr-narrow-fields').getByLabel('Means of transport').uncheck();
  await page.getByRole('textbox', { name: 'From', exact: true }).fill('2023-01-01');
  await page.getByRole('textbox', { name: 'Reason', exact: true }).fill('Approved by country, year and category for the last three years only.');
  await page.getByRole('button', { name: 'Narrow' }).click();
  await expect(page.getByTestId('dr-facts')).toContainText('Approved, narrowed');
  await expect(page.getByTestId('dr-approved-fields')).toHaveText('Country, Year, & Category');
  await expect(page.getByTestId('dr-decision')).toContainText('for the last three years only');
  await page.getByRole('button', { name: 'Issue the extract' }).click();
  await expect(page.getByTestId('dr-download')).toContainText('The download link works until');
  await signOut(page);

  // The partner downloads the aggregates: only the approved dimensions, small cells suppressed, no total.
  await signIn(page, UNODC.username, UNODC.password, UNODC.displayName);
  await page.goto(requestUrl);
  await expect(page.getByTestId('dr-facts')).toContainText('Fulfilled');
  await expect(page.getByText(/each published cell counts at least 5 seizures from at least 2 administrations/)).toBeVisible();
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: 'Download (CSV file)' }).click()]);
  expect(download.suggestedFilename()).toMatch(/^opencen-dr-\d{4}-\d{4}\.csv$/);
  const lines = readFileSync((await download.path())!, 'utf8').replace(/^\uFEFF/, '').trim().split(/\r?\n/);
  expect(lines[0]).toBe('country,year,category,seizures,administrations,quantity_kg');
  for (const line of lines.slice(1)) {
    const [, year, category, seizures, administrations] = line.split(',');
    expect(Number(year)).toBeGreaterThanOrEqual(2023);
    expect(category).toBe('DRUGS');
    if (seizures !== 'suppressed') {
      expect(Number(seizures)).toBeGreaterThanOrEqual(5);
      expect(Number(administrations)).toBeGreaterThanOrEqual(2);
    }
  }
  expect(lines.join('\n').toLowerCase()).not.toContain('total');
  await page.reload();
  await expect(page.getByTestId('dr-download')).toContainText('Downloads: 1');
});
