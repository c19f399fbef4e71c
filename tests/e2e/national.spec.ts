import { expect, test, type Page } from '@playwright/test';
import { DEMO_PASSWORD } from './support/demo-accounts.ts';
import { NATIONAL_BASE_URL, NCEN_OFFICER } from './support/national-node.ts';
import { signIn } from './support/sign-in.ts';

// These pages exist on a national node only: the spec runs against the national server started beside the hub.
test.use({ baseURL: NATIONAL_BASE_URL });
test.describe.configure({ mode: 'serial' });

const BIRTH_DATE = '1980-04-12';
const PURPOSE = 'Browser test of the nCEN pages';

async function openSection(page: Page, name: string) {
  await page.getByRole('navigation', { name: 'Main navigation' }).getByRole('link', { name, exact: true }).click();
}

/** The purpose is asked once per tab and kept: fills it when the page asks. */
async function givePurpose(page: Page, action: 'search' | 'opening') {
  const field = page.locator(`#purpose-${action}`);
  await expect(field).toBeVisible();
  if ((await field.inputValue()) !== PURPOSE) {
    await field.fill(PURPOSE);
    await field.press('Enter');
  }
  await expect(page.getByTestId('purpose-field').getByText('Give the purpose before nominal data is read.')).toBeHidden();
}

let personId = '';

test('an officer records a person, and the same person typed in Cyrillic is proposed as possibly the same', async ({ page }) => {
  await signIn(page, NCEN_OFFICER.username, DEMO_PASSWORD, NCEN_OFFICER.displayName);
  await openSection(page, 'Nominal records');
  await expect(page.getByRole('heading', { level: 1, name: 'Nominal records' })).toBeVisible();
  await givePurpose(page, 'search');

  await page.getByRole('link', { name: 'New person' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'New person' })).toBeVisible();
  await page.locator('#person-names-0').fill('Aleksandr Petrov');
  await page.locator('#person-birthDate').fill(BIRTH_DATE);
  await page.getByRole('button', { name: 'Save', exact: true }).click();

  await expect(page.getByRole('heading', { level: 1, name: 'Aleksandr Petrov' })).toBeVisible();
  personId = new URL(page.url()).pathname.split('/').pop() ?? '';
  expect(personId).toMatch(/^[0-9a-f-]{36}$/);
  await expect(page.getByTestId('entity-fields')).toContainText('1980');

  // A second person, the same name in Cyrillic and the same birth date: the panel proposes the first one, with why.
  await page.getByRole('navigation', { name: 'Pages of the national database (nCEN)' }).getByRole('link', { name: 'Nominal records' }).click();
  await page.getByRole('link', { name: 'New person' }).click();
  await page.locator('#person-names-0').fill('Александр Петров');
  await page.locator('#person-birthDate').fill(BIRTH_DATE);
  const candidate = page.getByTestId('candidates-panel').locator(`[data-candidate="${personId}"]`);
  await expect(candidate).toBeVisible();
  await expect(candidate).toContainText('Aleksandr Petrov');
  await expect(candidate.locator('.candidate-reasons li').first()).not.toBeEmpty();
  await expect(candidate.getByRole('link', { name: 'Open Aleksandr Petrov in a new tab' })).toHaveAttribute('href', `/national/entities/${personId}`);
});

test('the record draws its link chart', async ({ page }) => {
  await signIn(page, NCEN_OFFICER.username, DEMO_PASSWORD, NCEN_OFFICER.displayName);
  await page.goto(`/national/entities/${personId}`);
  await givePurpose(page, 'opening');
  await expect(page.getByRole('heading', { level: 1, name: 'Aleksandr Petrov' })).toBeVisible();
  const chart = page.getByTestId('link-chart');
  await expect(chart.locator('canvas').first()).toBeAttached();
  await expect.poll(async () => Number(await chart.getAttribute('data-node-count'))).toBeGreaterThanOrEqual(1);
});

test('an officer opens a case and adds the person to it', async ({ page }) => {
  await signIn(page, NCEN_OFFICER.username, DEMO_PASSWORD, NCEN_OFFICER.displayName);
  await openSection(page, 'Cases');
  await expect(page.getByRole('heading', { level: 1, name: 'Cases' })).toBeVisible();
  await page.getByRole('button', { name: 'New case' }).click();
  const form = page.getByTestId('case-form');
  await form.locator('#case-offenceType').fill('Drug smuggling');
  await form.locator('#case-legalBasis').fill('Code des douanes, article 414');
  await form.locator('#case-summary').fill('Cocaine in the luggage of a courier at Paris-CDG.');
  await form.getByRole('button', { name: 'Open the case' }).click();

  // A new sign-in is a new tab: the case page asks the purpose before it reads the case.
  await givePurpose(page, 'opening');
  await expect(page.getByRole('heading', { level: 1, name: /^Case / })).toBeVisible();
  const reference = ((await page.getByRole('heading', { level: 1 }).textContent()) ?? '').replace(/^Case /, '');
  await expect(page.getByTestId('case-fields')).toContainText('Drug smuggling');

  await page.locator('#case-entity-text').fill('Aleksandr Petrov');
  await page.getByRole('button', { name: 'Choose Aleksandr Petrov' }).first().click();
  await page.locator('#case-entity-role').selectOption('courier');
  await page.getByRole('button', { name: 'Add to the case' }).click();
  const entities = page.getByTestId('case-entities');
  await expect(entities).toContainText('Aleksandr Petrov');
  await expect(entities).toContainText('Courier');

  // The person's record lists the case, with the role.
  await entities.getByRole('link', { name: 'Aleksandr Petrov' }).click();
  await expect(page.getByTestId('entity-cases')).toContainText(reference);
});

test('the outbox to the hub shows its counts', async ({ page }) => {
  await signIn(page, NCEN_OFFICER.username, DEMO_PASSWORD, NCEN_OFFICER.displayName);
  await openSection(page, 'Outbox to the hub');
  await expect(page.getByRole('heading', { level: 1, name: 'Outbox to the hub' })).toBeVisible();
  const counts = page.getByTestId('outbox-counts');
  await expect(counts.locator('li')).toHaveCount(4);
  for (const state of ['Waiting', 'Sent', 'Failed', 'Superseded']) await expect(counts).toContainText(state);
  await expect(page.getByTestId('outbox-items')).toBeVisible();
  await expect(page.getByTestId('outbox-pause')).toBeVisible();
});
