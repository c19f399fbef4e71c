import { expect, test, type Browser, type Page } from '@playwright/test';
import { DEMO_PASSWORD, NCP_FRANCE } from './support/demo-accounts.ts';
import { signIn } from './support/sign-in.ts';

const NCP_KENYA = { username: 'ncp.kenya', password: DEMO_PASSWORD, displayName: 'Wanjiru Otieno' };

// A document number of this run only, so that reruns against one database never meet an older record.
const PASSPORT = `HK${String(Date.now()).slice(-7)}`;

async function signedIn(browser: Browser, user: { username: string; password: string; displayName: string }): Promise<Page> {
  const page = await (await browser.newContext()).newPage();
  await signIn(page, user.username, user.password, user.displayName);
  return page;
}

test('a hit: France records a passport, Kenya opens it, France confirms within the hour', async ({ browser }) => {
  const france = await signedIn(browser, NCP_FRANCE);
  await france.goto('/screening/records');
  await france.getByRole('button', { name: 'Record an item' }).click();
  const dialog = france.getByRole('dialog', { name: 'Record in Travel documents' });
  await dialog.locator('#record-number').fill(PASSPORT);
  await dialog.locator('#record-docType').selectOption('passport');
  const country = dialog.getByRole('combobox', { name: 'Issuing country' });
  await country.pressSequentially('fra');
  await dialog.getByRole('option', { name: /France/ }).click();
  await dialog.locator('#record-status').selectOption('stolen');
  await dialog.getByRole('button', { name: 'Record', exact: true }).click();
  await expect(dialog).toBeHidden();

  // Kenya searches, sees the first level, then opens the detail: the whole record, and France is told.
  const kenya = await signedIn(browser, NCP_KENYA);
  await kenya.goto('/screening');
  await kenya.getByLabel('Identifier', { exact: true }).fill(PASSPORT);
  await kenya.getByRole('search').getByRole('button', { name: 'Search' }).click();
  const row = kenya.getByTestId('screening-hits').getByRole('row').filter({ hasText: PASSPORT });
  await row.getByRole('button', { name: 'Open detail' }).click();
  const detail = kenya.getByTestId('record-detail');
  await expect(detail).toContainText('The recording organisation has been notified');
  await expect(detail).toContainText(PASSPORT);
  await expect(detail).toContainText('Stolen');
  await detail.getByRole('link', { name: 'Follow the hit' }).click();
  await expect(kenya).toHaveURL(/\/screening\/hits\/[0-9a-f-]{36}$/);
  const hitId = kenya.url().split('/').pop() ?? '';
  await expect(kenya.getByTestId('hit-detail')).toContainText('Awaiting validation');
  await expect(kenya.getByTestId('hit-detail')).toContainText('Our search');
  await expect(kenya.getByRole('button', { name: 'Record the decision' })).toHaveCount(0);

  // France sees the pending hit on its records, with the clock running.
  await france.getByRole('navigation', { name: 'Screening pages' }).getByRole('link', { name: 'Hits' }).click();
  await expect(france.getByRole('heading', { level: 1, name: 'Hits' })).toBeVisible();
  await france.getByLabel('Side').selectOption('recording');
  await france.getByLabel('Status').selectOption('pending');
  const listed = france.locator(`tr[data-hit="${hitId}"]`);
  await expect(listed).toContainText('Awaiting validation');
  await expect(listed).toContainText('On our record');
  await expect(listed.getByTestId('validation-clock')).toHaveText(/^Due in \d+ minutes?$/);
  await listed.getByRole('link', { name: 'View' }).click();
  await expect(france).toHaveURL(new RegExp(`/screening/hits/${hitId}$`));

  // A decision without a note is refused beside the field; with one it is recorded.
  await france.getByLabel('Confirmed: it is our item').check();
  await france.getByRole('button', { name: 'Record the decision' }).click();
  await expect(france.locator('[data-field-error="hit-note"]')).toHaveText('Write a note for the enquirer.');
  await france.getByLabel('Note for the enquirer').fill('Our stolen passport: seize it and call the French NCP.');
  await france.getByRole('button', { name: 'Record the decision' }).click();
  await expect(france.getByTestId('hit-detail')).toContainText('Confirmed');
  await expect(france.getByRole('button', { name: 'Record the decision' })).toHaveCount(0);

  // Kenya, following the mail's link, reads the decision and the note.
  await kenya.goto(`/screening/hits/${hitId}`);
  await expect(kenya.getByTestId('hit-detail').locator('[data-status="confirmed"]')).toBeVisible();
  await expect(kenya.getByTestId('hit-note')).toHaveText('Our stolen passport: seize it and call the French NCP.');
});

test('a trace request: Kenya asks France about a firearm it opened, France answers', async ({ browser }) => {
  const serial = `TR${String(Date.now()).slice(-7)}`;
  const france = await signedIn(browser, NCP_FRANCE);
  await france.goto('/screening/records');
  await france.getByLabel('Watch list').selectOption('firearms');
  await france.getByRole('button', { name: 'Record an item' }).click();
  const dialog = france.getByRole('dialog', { name: 'Record in Firearms' });
  await dialog.locator('#record-serialNumbers').fill(serial);
  await dialog.locator('#record-make').fill('Glock');
  await dialog.locator('#record-firearmType').selectOption('pistol');
  await dialog.locator('#record-status').selectOption('stolen');
  await dialog.getByRole('button', { name: 'Record', exact: true }).click();
  await expect(dialog).toBeHidden();

  const kenya = await signedIn(browser, NCP_KENYA);
  await kenya.goto('/screening');
  await kenya.getByLabel('Identifier', { exact: true }).fill(serial);
  await kenya.getByRole('search').getByRole('button', { name: 'Search' }).click();
  await kenya.getByTestId('screening-hits').getByRole('row').filter({ hasText: serial }).getByRole('button', { name: 'Open detail' }).click();
  const detail = kenya.getByTestId('record-detail');
  await expect(detail).toContainText(serial);
  await detail.getByRole('button', { name: 'Send the trace request' }).click();
  await expect(kenya.locator(`[data-field-error^="trace-question-"]`)).toBeVisible();
  await detail.getByLabel('Your question').fill('Where was this pistol last legally held?');
  await detail.getByRole('button', { name: 'Send the trace request' }).click();
  await detail.getByRole('link', { name: 'Follow the request' }).click();
  await expect(kenya).toHaveURL(/\/screening\/trace-requests\/[0-9a-f-]{36}$/);
  const traceUrl = new URL(kenya.url()).pathname;
  await expect(kenya.getByTestId('trace-detail')).toContainText('Awaiting answer');

  await france.goto(traceUrl);
  await expect(france.getByTestId('trace-detail')).toContainText('Where was this pistol last legally held?');
  await france.getByLabel('Answer').fill('Registered to a gun club in Lyon until its theft in 2025.');
  await france.getByRole('button', { name: 'Send the answer' }).click();
  await expect(france.getByTestId('trace-answer')).toHaveText('Registered to a gun club in Lyon until its theft in 2025.');

  await kenya.getByRole('navigation', { name: 'Screening pages' }).getByRole('link', { name: 'Trace requests' }).click();
  await kenya.getByLabel('Side').selectOption('asked');
  await expect(kenya.getByTestId('screening-trace-list').getByRole('row').filter({ hasText: 'Where was this pistol' })).toContainText('Answered');
});
