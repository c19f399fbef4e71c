import { expect, test, type Browser, type Page } from '@playwright/test';
import { DEMO_PASSWORD, NCP_FRANCE } from './support/demo-accounts.ts';
import { signIn } from './support/sign-in.ts';

const NCP_KENYA = { username: 'ncp.kenya', password: DEMO_PASSWORD, displayName: 'Wanjiru Otieno' };
const I2C = { username: 'i2c.officer', password: DEMO_PASSWORD, displayName: 'Amira Haddad' };
// A subject of this run only, so that reruns against one database never meet an older request.
const SUBJECT = `Passport at JKIA ${String(Date.now()).slice(-7)}`;

async function signedIn(browser: Browser, user: { username: string; password: string; displayName: string }): Promise<Page> {
  const page = await (await browser.newContext()).newPage();
  await signIn(page, user.username, user.password, user.displayName);
  return page;
}

test('a member asks for a watch-list search; the I2C runs it on its behalf, answers and resolves; the member closes it satisfied', async ({ browser }) => {
  // A passport French customs recorded as stolen (the demo watch lists): the number the member asks about.
  const france = await signedIn(browser, NCP_FRANCE);
  const { items } = (await (await france.request.get('/api/v1/screening/lists/travel_documents/records?pageSize=1')).json()) as { items: { number: string }[] };
  const passport = items[0].number;

  const kenya = await signedIn(browser, NCP_KENYA);
  await kenya.getByRole('navigation', { name: 'Main navigation' }).getByRole('link', { name: 'I2C desk', exact: true }).click();
  await kenya.getByRole('navigation', { name: 'I2C desk pages' }).getByRole('link', { name: 'Help desk' }).click();
  await expect(kenya.getByRole('heading', { level: 1, name: 'Help desk' })).toBeVisible();
  await kenya.getByRole('button', { name: 'New request' }).click();
  const dialog = kenya.getByRole('dialog');
  await dialog.getByLabel('Type').selectOption({ label: 'Watch-list search on our behalf' });
  await dialog.getByLabel('Priority').selectOption({ label: 'High' });
  // The targets follow the type and the priority: 4 hours to a first answer, 8 × 0.5 = 4 hours to resolve.
  await expect(dialog.getByTestId('helpdesk-targets')).toHaveText('Targets: first answer within 4 hours, resolution within 4 hours.');
  // Sending without the identifier to search is refused, the field named.
  await dialog.getByLabel('Subject').fill(SUBJECT);
  await dialog.getByLabel('Message').fill('A transit passenger presented this passport; please check it.');
  await dialog.getByRole('button', { name: 'Send' }).click();
  await expect(dialog.locator('[data-field-error="hd-new-identifier"]')).toBeVisible();
  await dialog.getByLabel('Identifier to search').fill(passport);
  await dialog.getByLabel('Watch list').selectOption({ label: 'Travel documents' });
  await dialog.getByRole('button', { name: 'Send' }).click();
  await expect(kenya.getByRole('heading', { level: 1, name: new RegExp(`HD-\\d{4}-\\d{6} — ${SUBJECT}`) })).toBeVisible();
  await expect(kenya.getByTestId('helpdesk-status')).toHaveText('New');
  await expect(kenya.getByTestId('helpdesk-clock')).toContainText('First answer due in');
  const requestUrl = kenya.url();
  // France is no party to Kenya's request: its page says so under the page's title, and shows nothing of it.
  await france.goto(requestUrl);
  await expect(france.getByRole('alert')).toContainText('You are not a party to this help-desk request');
  await expect(france.getByRole('heading', { level: 1, name: 'Help desk' })).toBeVisible();
  await expect(france.getByText(SUBJECT)).toHaveCount(0);
  await france.context().close();

  // The I2C finds it in its queue, oldest open first, takes it and runs the search on Kenya's behalf.
  const i2c = await signedIn(browser, I2C);
  await i2c.goto('/desk/helpdesk');
  await expect(i2c.getByRole('heading', { level: 1, name: 'Help-desk queue' })).toBeVisible();
  await i2c.getByLabel('Reference, subject or organisation').fill(SUBJECT);
  await i2c.getByRole('button', { name: 'Filter' }).click();
  const row = i2c.getByTestId('helpdesk-requests').locator(`tr[data-subject="${SUBJECT}"]`);
  await expect(row).toContainText('Kenya');
  await row.getByRole('link').click();
  await i2c.locator('#hd-assignee-set').selectOption({ label: 'Amira Haddad (me)' });
  await expect(i2c.getByTestId('helpdesk-facts')).toContainText('Amira Haddad');
  await i2c.getByRole('button', { name: 'Run the watch-list search' }).click();
  const result = i2c.getByTestId('helpdesk-screening');
  await expect(result).toContainText(`Watch-list search of ${passport}`);
  await expect(result).toContainText('Hits: 1');
  await expect(result).toContainText('Travel documents — Exact');
  // An internal note, then the answer and the resolution.
  await i2c.getByRole('textbox', { name: 'Your message' }).fill('Record owner is French customs; CENcomm contact passed.');
  await i2c.getByLabel('Internal note (not shown to the member)').check();
  await i2c.getByRole('button', { name: 'Add the note' }).click();
  await expect(i2c.getByTestId('helpdesk-thread').locator('[data-kind="note"]')).toContainText('CENcomm contact passed');
  await i2c.getByLabel('Move to').selectOption({ label: 'Resolved' });
  await i2c.getByLabel('Message to the member (optional)').fill('The passport is recorded as stolen by France: hold the traveller and contact the French NCP.');
  await i2c.getByRole('button', { name: 'Change the status' }).click();
  await expect(i2c.getByTestId('helpdesk-status')).toHaveText('Resolved');

  // The member sees the linked result and the answer, never the internal note, and closes with a satisfaction answer.
  await kenya.goto(requestUrl);
  await expect(kenya.getByTestId('helpdesk-status')).toHaveText('Resolved');
  await expect(kenya.getByTestId('helpdesk-screening')).toContainText('Hits: 1');
  await expect(kenya.getByTestId('helpdesk-thread')).toContainText('hold the traveller');
  await expect(kenya.getByTestId('helpdesk-thread').locator('[data-kind="note"]')).toHaveCount(0);
  await kenya.getByLabel('Very satisfied').check();
  await kenya.getByLabel('Comment (optional)').fill('Answered within the hour.');
  await kenya.getByRole('button', { name: 'Close the request' }).click();
  await expect(kenya.getByTestId('helpdesk-status')).toHaveText('Closed');
  await expect(kenya.getByTestId('helpdesk-satisfaction')).toContainText('5 / 5');
  await expect(kenya.getByRole('textbox', { name: 'Your message' })).toHaveCount(0);

  // The I2C's figures count it among the watch-list searches, with the satisfaction answers.
  await i2c.goto('/desk/helpdesk/stats');
  await expect(i2c.getByRole('heading', { level: 1, name: 'Help-desk figures' })).toBeVisible();
  await expect(i2c.getByTestId('helpdesk-chart-type').locator('canvas')).toBeVisible();
  const byType = i2c.getByTestId('helpdesk-by-type').getByRole('row', { name: /Watch-list search on our behalf/ });
  await expect(byType).toContainText(/\d/);
  await expect(i2c.getByTestId('helpdesk-figures').locator('[data-figure="satisfaction"]')).toContainText(/\/ 5 \(answers: \d+\)/);
});
