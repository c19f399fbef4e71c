import { expect, test, type Browser, type Page } from '@playwright/test';
import { DEMO_PASSWORD, NCP_FRANCE } from './support/demo-accounts.ts';
import { signIn } from './support/sign-in.ts';

const I2C = { username: 'i2c.officer', password: DEMO_PASSWORD, displayName: 'Amira Haddad' };
const NCP_KENYA = { username: 'ncp.kenya', password: DEMO_PASSWORD, displayName: 'Wanjiru Otieno' };
const RUN = String(Date.now()).slice(-7);

async function signedIn(browser: Browser, user: { username: string; password: string; displayName: string }): Promise<Page> {
  const page = await (await browser.newContext()).newPage();
  await signIn(page, user.username, user.password, user.displayName);
  return page;
}

async function globalShieldId(page: Page): Promise<string> {
  const { items } = (await (await page.request.get('/api/v1/operations')).json()) as { items: { id: string; code: string }[] };
  return items.find((o) => o.code === 'GS')!.id;
}

test('a WARNING submitted by France is answered by a FEEDBACK from Kenya, which closes the case for the OCU with its response time', async ({ browser }) => {
  const subject = `Ammonium nitrate for Mombasa ${RUN}`;
  const france = await signedIn(browser, NCP_FRANCE);
  const opId = await globalShieldId(france);

  // France writes the warning from the Global Shield template: a route leg, a precursor, the motive.
  await france.goto(`/operations/${opId}/formatted`);
  await france.getByTestId('template-buttons').getByRole('link', { name: /warning/i }).click();
  const form = france.getByTestId('formatted-form');
  await form.locator('#formatted-subject').fill(subject);
  await form.getByRole('button', { name: /^Add: Route legs/ }).click();
  await form.locator('#f-route-0-country').pressSequentially('keny');
  await france.getByRole('option', { name: /Kenya/ }).click();
  await form.getByRole('checkbox', { name: /Ammonium nitrate/ }).first().check();
  await form.locator('#f-motive').fill('Consignee registered last month; 24 t declared as fertiliser.');
  await form.getByRole('button', { name: 'Submit', exact: true }).click();
  const number = france.getByTestId('formatted-number');
  await expect(number).toHaveText(/^GS-W-\d{4}-\d{4}$/);
  const warningNumber = (await number.innerText()).trim();
  await expect(france.getByTestId('case-status')).toContainText('Open');
  await expect(france.getByTestId('formatted-message')).toContainText('Kenya');

  // The OCU sees it among the open warnings, with its age.
  const i2c = await signedIn(browser, I2C);
  await i2c.goto(`/operations/${opId}/cases`);
  await expect(i2c.getByTestId('cases-open').locator(`tr[data-case="${warningNumber}"]`)).toContainText(/\d+ minutes/);

  // Kenya received it in the mailbox, opens its formatted form and answers with a FEEDBACK linked to it.
  const kenya = await signedIn(browser, NCP_KENYA);
  await kenya.goto(`/operations/${opId}/mailbox`);
  await kenya.getByTestId('messages').getByRole('link', { name: new RegExp(warningNumber) }).click();
  await kenya.getByTestId('formatted-link').getByRole('link', { name: 'Open the formatted message' }).click();
  await expect(kenya.getByTestId('formatted-number')).toHaveText(warningNumber);
  await kenya.getByRole('link', { name: /^Answer with feedback/i }).click();
  const answer = kenya.getByTestId('formatted-form');
  await expect(answer.getByTestId('linked-warning')).toContainText(warningNumber);
  await expect(answer.getByTestId('chosen-recipients')).toContainText(NCP_FRANCE.displayName);
  await answer.locator('#f-feedback_type').selectOption({ label: 'Pre-arrival phase' });
  await answer.locator('#f-control').selectOption({ label: 'Controlled' });
  await answer.getByRole('button', { name: 'Submit', exact: true }).click();
  await expect(kenya.getByTestId('formatted-number')).toHaveText(/^GS-F-\d{4}-\d{4}$/);
  await expect(kenya.getByTestId('linked-warning-link')).toHaveText(warningNumber);

  // The case is closed: the OCU sees it with the response time, and the warning says so.
  await i2c.getByRole('button', { name: 'Closed cases' }).click();
  const closed = i2c.getByTestId('cases-closed').locator(`tr[data-case="${warningNumber}"]`);
  await expect(closed).toContainText(/GS-F-\d{4}-\d{4}/);
  await expect(closed.getByTestId('case-time')).toHaveText(/\d+ minutes/);
  await closed.getByRole('link', { name: warningNumber }).click();
  await expect(i2c.getByTestId('case-status')).toContainText('Closed');
  await i2c.getByRole('navigation', { name: 'Operation pages' }).getByRole('link', { name: 'Statistics' }).click();
  await expect(i2c.getByTestId('statistics')).toContainText('Warnings');
});
