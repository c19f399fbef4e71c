import { expect, test, type Locator, type Page } from '@playwright/test';
import { DEMO_PASSWORD, NCP_FRANCE } from './support/demo-accounts.ts';
import { signIn } from './support/sign-in.ts';

async function signInAs(page: Page, username: string) {
  await page.goto('/');
  await page.locator('#username').fill(username);
  await page.locator('#password').fill(DEMO_PASSWORD);
  await page.locator('form button[type="submit"]').click();
  await expect(page.locator('.app-header')).toBeVisible();
}

async function choose(page: Page, combobox: Locator, text: string, option: RegExp) {
  await combobox.click();
  await combobox.pressSequentially(text, { delay: 20 });
  const listbox = page.locator(`#${await combobox.getAttribute('aria-controls')}`);
  await expect(listbox.getByRole('option').first()).toHaveText(option);
  await combobox.press('ArrowDown');
  await combobox.press('Enter');
  await expect(combobox).toHaveValue(option);
}

const number = (n: number) => new Intl.NumberFormat('en-GB').format(n);

test('text that looks like personal data is flagged before saving and blocks until confirmed', async ({ page }) => {
  await signIn(page, NCP_FRANCE.username, NCP_FRANCE.password, NCP_FRANCE.displayName);
  await page.goto('/seizures/new');
  await expect(page.getByRole('heading', { level: 1, name: 'Record a seizure' })).toBeVisible();
  const yesterday = new Date(Date.now() - 86_400_000).toISOString().slice(0, 10);
  await page.locator('#seizure-seizedAt').fill(`${yesterday}T08:00`);
  // A new record starts in the reporting administration's country.
  await expect(page.locator('#seizure-country')).toHaveValue(/France \(FR\)/);
  await page.locator('#seizure-locationType').selectOption('seaport');
  await page.locator('#seizure-direction').selectOption('import');
  await choose(page, page.locator('#seizure-commodities-0-commodity'), 'cigarettes', /Cigarettes/);
  await page.locator('#seizure-commodities-0-quantity').fill('4000');
  await expect(page.locator('#seizure-commodities-0-unit')).toHaveValue('sticks');
  await page.locator('#seizure-narrative').fill('Driver called +33 6 12 34 56 78 before the check; contact j.doe@example.org.');

  await page.getByRole('button', { name: 'Save draft' }).click();
  const warnings = page.getByTestId('nominal-warnings');
  await expect(warnings).toBeVisible();
  await expect(warnings).toContainText('looks like a phone number');
  await expect(warnings).toContainText('looks like an e-mail address');
  await expect(warnings).toContainText('j.doe@example.org');
  await expect(warnings).toBeFocused();

  // Not confirmed: saving again is still refused and nothing is stored.
  await page.getByRole('button', { name: 'Save draft' }).click();
  await expect(warnings).toBeVisible();
  await expect(page).toHaveURL(/\/seizures\/new$/);

  await warnings.getByLabel('I confirm that this text is not personal data').check();
  await page.getByRole('button', { name: 'Save draft' }).click();
  await expect(page).toHaveURL(/\/seizures\/[0-9a-f-]{36}\/edit$/);
  await expect(page.locator('.toast').filter({ hasText: /Draft .* saved/ })).toBeVisible();
});

test('the dashboard and its map show the figures of the demo data', async ({ page }) => {
  await signInAs(page, 'viewer.belgium');
  await page.goto('/seizures/dashboard');
  await expect(page.getByRole('heading', { level: 1, name: 'Seizure dashboard' })).toBeVisible();
  const year = new Date().getFullYear();
  const stats = await (await page.request.get(`/api/v1/seizures/stats?year=${year}`)).json();
  expect(stats.totals.seizures).toBeGreaterThan(0);

  await expect(page.getByTestId('dashboard-kpis').locator('[data-kpi="total"] .kpi-value')).toHaveText(number(stats.totals.seizures));
  const top = stats.byCategory[0];
  const row = page.getByTestId('dashboard-by-category').locator(`tr[data-category="${top.category}"]`);
  await expect(row.locator('[data-cell="seizures"]')).toHaveText(number(top.seizures));
  await expect(row.locator('[data-cell="lastYearSeizures"]')).toHaveText(number(top.lastYearSeizures));
  await expect(page.getByTestId('chart-monthly').locator('canvas')).toBeVisible();
  await expect(page.getByTestId('chart-by-category').locator('canvas')).toBeVisible();
  const detection = stats.topDetection[0];
  await expect(page.getByTestId('dashboard-detection').locator(`tr[data-code="${detection.code}"] td`)).toHaveText(number(detection.seizures));

  // The map: land drawn from the offline atlas, a circle per country, route flows.
  const map = await (await page.request.get(`/api/v1/seizures/map?from=${year}-01-01&to=${year}-12-31`)).json();
  const svg = page.getByTestId('dashboard-map');
  await expect(svg.locator('path.land').first()).toBeAttached();
  expect(await svg.locator('path.land').count()).toBeGreaterThan(100);
  await expect(svg.locator('circle.bubble')).toHaveCount(map.countries.filter((c: { lat: number | null }) => c.lat !== null).length);
  await expect(svg.locator('path.flow').first()).toBeAttached();
  const biggest = map.countries[0];
  await svg.getByText('Show the map').click();
  await expect(page.getByTestId('dashboard-map-countries').locator(`tr[data-country="${biggest.country}"] td`).nth(1)).toHaveText(number(biggest.seizures));

  // The annual report for the top category, with its print button.
  await page.goto(`/seizures/report?year=${year}&category=${top.category}`);
  const report = await (await page.request.get(`/api/v1/seizures/report?year=${year}&category=${top.category}`)).json();
  await expect(page.getByTestId('report-kpis').locator('[data-kpi="seizures"] .kpi-value')).toHaveText(number(report.seizures));
  await expect(page.getByTestId('report-kpis').locator('[data-kpi="countries"] .kpi-value')).toHaveText(number(report.countriesReporting));
  await expect(page.getByRole('button', { name: 'Print / PDF' })).toBeVisible();
  await page.emulateMedia({ media: 'print' });
  await expect(page.locator('.side-nav')).toBeHidden();
  await expect(page.getByRole('button', { name: 'Print / PDF' })).toBeHidden();
  await expect(page.getByTestId('annual-report')).toBeVisible();
});
