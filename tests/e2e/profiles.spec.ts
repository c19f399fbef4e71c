import { expect, test, type Locator, type Page } from '@playwright/test';
import { DEMO_PASSWORD } from './support/demo-accounts.ts';
import { signIn } from './support/sign-in.ts';

// A word of this run only, so that reruns against one database never meet an older profile.
const STAMP = `heron${String(Date.now()).slice(-8)}`;
const TITLE = `Andean cocaine by sea ${STAMP}`;
const DEMO_PROFILE = 'Cocaine routed from Ecuador or Colombia by sea';

test.describe.configure({ mode: 'serial' });

/** Types into a reference combobox and picks the first suggestion with the keyboard; a list field empties the box for the next one. */
async function choose(page: Page, combobox: Locator, text: string, option: RegExp) {
  await combobox.click();
  await combobox.pressSequentially(text, { delay: 20 });
  const listbox = page.locator(`#${await combobox.getAttribute('aria-controls')}`);
  await expect(listbox.getByRole('option').first()).toHaveText(option);
  await combobox.press('ArrowDown');
  await combobox.press('Enter');
  await expect(combobox).toHaveValue('');
}

async function signInAsRilo(page: Page) {
  // The shared sign-in passes the second factor when one is asked (rilo.weu coordinates an operation).
  await signIn(page, 'rilo.weu', DEMO_PASSWORD, /./);
  await expect(page.locator('.app-header')).toBeVisible();
}

test('a RILO analyst makes a profile with the typeaheads, tries it on the past and saves it', async ({ page }) => {
  await signInAsRilo(page);

  await test.step('/alerts/profiles opened directly is the list of profiles, not an alert', async () => {
    await page.goto('/alerts/profiles');
    await expect(page.getByRole('heading', { level: 1, name: 'Intelligence profiles' })).toBeVisible();
    await expect(page.getByTestId('profile-list').getByRole('link', { name: DEMO_PROFILE })).toBeVisible();
    await expect(page.getByRole('navigation', { name: 'Alert pages' }).getByRole('link', { name: 'Risk profiles' })).toHaveAttribute('aria-current', 'page');
  });

  await page.getByRole('link', { name: 'New profile' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'New intelligence profile' })).toBeVisible();
  await page.locator('#profile-title').fill(TITLE);
  await page.locator('#profile-riskArea').selectOption('drugs');
  await page.locator('#profile-narrative').fill('Sea consignments of cocaine routed through Ecuador.');

  await test.step('the back-test refuses a profile with nothing to look for, beside the indicators', async () => {
    await page.getByRole('button', { name: 'Try on the past' }).click();
    await expect(page.getByTestId('profile-indicators-error')).toBeVisible();
  });

  const summary = page.getByTestId('backtest-summary');
  const tryOnThePast = async () => {
    await page.getByRole('button', { name: 'Try on the past' }).click();
    await expect(page.getByRole('button', { name: 'Try on the past' })).toBeEnabled();
    await expect(summary).toHaveText(/^Would have matched \d+ seizures \(.+% of validated seizures in the period\)$/);
    return summary.textContent();
  };

  await choose(page, page.locator('#profile-countries'), 'Thail', /Thailand/);
  await expect(page.getByTestId('profile-countries-chosen')).toContainText('TH');

  await test.step('tried on the past, it tells how many seizures it would have matched, each with why and a link', async () => {
    await tryOnThePast();
    await expect(summary).toHaveText(/^Would have matched [1-9]\d* seizures/);
    const rows = page.getByTestId('backtest-seizures').locator('tbody tr[data-reference]');
    await expect(rows.first()).toBeVisible();
    await expect(rows.first().getByTestId('match-reasons')).toHaveText('seized in TH');
    await expect(rows.first().getByRole('link')).toHaveAttribute('href', /^\/seizures\/[0-9a-f-]{36}$/);
  });

  await test.step('narrowed with more typeaheads and a multi-select, it is tried again', async () => {
    await choose(page, page.locator('#profile-hsPrefixes'), '2939', /2939/);
    await expect(page.getByTestId('profile-hsPrefixes-chosen')).toContainText('2939');
    await choose(page, page.locator('#profile-routeCountries'), 'Ecua', /Ecuador/);
    await expect(page.getByTestId('profile-routeCountries-chosen')).toContainText('EC');
    await page.getByTestId('profile-transportModes').getByLabel('Sea').check();
    await tryOnThePast();
  });

  await page.getByRole('button', { name: 'Save the profile' }).click();
  await expect(page.getByRole('heading', { level: 1, name: TITLE })).toBeVisible();
  const indicators = page.getByTestId('profile-indicators');
  await expect(indicators).toContainText('2939');
  await expect(indicators).toContainText('(EC)');
  await expect(indicators).toContainText('(TH)');
  await expect(indicators).toContainText('Sea');
  await expect(page.getByTestId('profile-narrative')).toHaveText('Sea consignments of cocaine routed through Ecuador.');

  await test.step('the saved profile is in the list, and opens again from it', async () => {
    await page.getByRole('link', { name: 'All profiles' }).click();
    await page.getByTestId('profile-list').getByRole('link', { name: TITLE }).click();
    await expect(page.getByRole('heading', { level: 1, name: TITLE })).toBeVisible();
    await expect(page.getByTestId('profile-indicators')).toContainText('2939');
  });
});

test("a demo profile shows what its standing query matched, with why, and its back-test over a period", async ({ page }) => {
  await signInAsRilo(page);
  await page.goto('/alerts/profiles');
  await page.getByTestId('profile-list').getByRole('link', { name: DEMO_PROFILE }).click();
  await expect(page.getByRole('heading', { level: 1, name: DEMO_PROFILE })).toBeVisible();
  await expect(page.getByTestId('profile-indicators')).toContainText('2939');

  await test.step('the back-test over a period picked tells how many seizures it would have matched', async () => {
    await page.locator('#profile-backtest-from').fill('2000-01-01');
    await page.getByRole('button', { name: 'Try this period' }).click();
    await expect(page.getByTestId('backtest-summary')).toHaveText(/^Would have matched \d+ seizures \(.+% of validated seizures in the period\)$/);
    await expect(page.getByRole('heading', { name: 'Matches since it watches' })).toBeVisible();
    await expect(page.getByTestId('profile-match-list')).toBeVisible();
  });
});
