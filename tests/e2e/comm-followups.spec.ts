import { expect, test, type Browser, type Page } from '@playwright/test';
import { DEMO_PASSWORD, NCP_FRANCE } from './support/demo-accounts.ts';
import { signIn } from './support/sign-in.ts';

const I2C = { username: 'i2c.officer', password: DEMO_PASSWORD, displayName: 'Amira Haddad' };
// Texts of this run only, so that reruns against one database never meet an older message.
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

test('France sends its SEIZURE message to the seizure database: the preview leaves the courier behind, the export is a draft from CENcomm', async ({ browser }) => {
  const courier = `Juan Pérez Gómez ${RUN}, passport A1234567`;
  const france = await signedIn(browser, NCP_FRANCE);
  const opId = await globalShieldId(france);

  // France writes a SEIZURE message with two goods lines and a courier described by name.
  await france.goto(`/operations/${opId}/formatted`);
  await france.getByTestId('template-buttons').getByRole('link', { name: /seizure/i }).click();
  const form = france.getByTestId('formatted-form');
  await form.locator('#formatted-subject').fill(`Cocaine at Le Havre ${RUN}`);
  await form.locator('#f-commodity_type').selectOption({ label: 'Drugs' });
  await form.locator('#f-seized_at').fill('2026-03-10T14:30');
  await form.locator('#f-seizure_country').pressSequentially('fran');
  await france.getByRole('option', { name: /France/ }).first().click();
  await form.locator('#f-location_type').selectOption({ label: 'Seaport' });
  await form.locator('#f-direction').selectOption({ label: 'Import' });
  await form.getByRole('button', { name: /^Add: Goods seized/ }).click();
  await form.locator('#f-goods-0-description').fill(`Cocaine bricks in banana boxes ${RUN}`);
  await form.locator('#f-goods-0-quantity').fill('120');
  await form.locator('#f-goods-0-unit').selectOption({ label: 'kilograms' });
  await form.getByRole('button', { name: /^Add: Goods seized/ }).click();
  await form.locator('#f-goods-1-description').fill('Cannabis resin');
  await form.locator('#f-goods-1-quantity').fill('30');
  await form.locator('#f-goods-1-unit').selectOption({ label: 'kilograms' });
  await form.getByRole('button', { name: /^Add: Courier\/offender/ }).click();
  await form.locator('#f-offenders-0-nationality').pressSequentially('ecua');
  await france.getByRole('option', { name: /Ecuador/ }).first().click();
  await form.locator('#f-offenders-0-age').fill('34');
  await form.locator('#f-offenders-0-description').fill(courier);
  await form.getByRole('button', { name: 'Submit', exact: true }).click();
  await expect(france.getByTestId('formatted-number')).toHaveText(/^GS-S-\d{4}-\d{4}$/);
  const number = (await france.getByTestId('formatted-number').innerText()).trim();

  // The preview: exactly what leaves, in words; the courier's description is not among it.
  await france.getByRole('button', { name: 'Send to the seizure database' }).click();
  const dialog = france.getByTestId('cen-export');
  const leaving = dialog.getByTestId('cen-leaving');
  await expect(leaving.locator('tr[data-path="commodities.0.description"]')).toContainText(`Cocaine bricks in banana boxes ${RUN}`);
  await expect(leaving.locator('tr[data-path="commodities.1.quantity"]')).toContainText('Goods line 2');
  await expect(leaving.locator('tr[data-path="commodities.1.quantity"]')).toContainText('30');
  await expect(leaving.locator('tr[data-path="country"]')).toContainText('France');
  await expect(leaving.locator('tr[data-path="externalRef"]')).toContainText(number);
  await expect(leaving.locator('tr[data-path="offenders.0.ageBand"]')).toBeVisible();
  await expect(leaving).not.toContainText('Juan');
  await expect(leaving).not.toContainText('A1234567');
  await expect(dialog.getByTestId('cen-dropped')).toContainText('Descriptions of the couriers or offenders');
  await expect(dialog.getByTestId('cen-errors')).toHaveCount(0);

  // Sent as a draft; the link opens it in the seizure database, from CENcomm.
  await france.getByRole('button', { name: 'Send as a draft' }).click();
  await expect(dialog.getByTestId('cen-exported')).toContainText('Sent: draft seizure');
  await dialog.getByRole('link', { name: /^Open the seizure/ }).click();
  await expect(france).toHaveURL(/\/seizures\/[0-9a-f-]{36}$/);
  await expect(france.locator('#status-title')).toContainText('Draft');
  await expect(france.getByText('From CENcomm')).toBeVisible();
  await expect(france.getByText(number, { exact: true })).toBeVisible();
  await expect(france.getByText('Juan')).toHaveCount(0);

  // Back on the message: already exported, with the link.
  await france.goBack();
  await france.getByRole('button', { name: 'Send to the seizure database' }).click();
  await expect(france.getByTestId('cen-exported')).toContainText('already in the seizure database');
  await expect(france.getByTestId('cen-exported').getByRole('link', { name: /^Open the seizure/ })).toBeVisible();
  await expect(france.getByRole('button', { name: 'Send as a draft' })).toHaveCount(0);
});

test('the OCU closes an unanswered warning by hand, with a note it must write', async ({ browser }) => {
  const france = await signedIn(browser, NCP_FRANCE);
  const opId = await globalShieldId(france);
  await france.goto(`/operations/${opId}/formatted`);
  await france.getByTestId('template-buttons').getByRole('link', { name: /warning/i }).click();
  const form = france.getByTestId('formatted-form');
  await form.locator('#formatted-subject').fill(`Potassium chlorate, no answer expected ${RUN}`);
  await form.getByRole('button', { name: /^Add: Route legs/ }).click();
  await form.locator('#f-route-0-country').pressSequentially('keny');
  await france.getByRole('option', { name: /Kenya/ }).click();
  await form.locator('#f-motive').fill('Consignee unknown; the consignment was withdrawn before arrival.');
  await form.getByRole('button', { name: 'Submit', exact: true }).click();
  await expect(france.getByTestId('formatted-number')).toHaveText(/^GS-W-\d{4}-\d{4}$/);
  const number = (await france.getByTestId('formatted-number').innerText()).trim();
  // An NCP does not close cases.
  await expect(france.getByRole('button', { name: 'Close case' })).toHaveCount(0);

  const i2c = await signedIn(browser, I2C);
  await i2c.goto(`/operations/${opId}/cases`);
  const open = i2c.getByTestId('cases-open').locator(`tr[data-case="${number}"]`);
  await open.getByRole('button', { name: 'Close case' }).click();
  const dialog = i2c.getByTestId('close-case');
  await dialog.getByRole('button', { name: 'Close case' }).click();
  await expect(dialog).toContainText('Write why the case is closed.');
  await dialog.getByLabel('Note').fill(`Consignment withdrawn by the shipper ${RUN}.`);
  await dialog.getByRole('button', { name: 'Close case' }).click();
  await expect(open).toHaveCount(0);

  await i2c.getByRole('button', { name: 'Closed cases' }).click();
  const closed = i2c.getByTestId('cases-closed').locator(`tr[data-case="${number}"]`);
  await expect(closed).toContainText(`by hand (${I2C.displayName})`);
  await expect(closed.getByTestId('close-note')).toContainText(`Consignment withdrawn by the shipper ${RUN}.`);
  await closed.getByRole('link', { name: number }).click();
  await expect(i2c.getByTestId('case-status')).toContainText('Closed');
  await expect(i2c.getByRole('button', { name: 'Close case' })).toHaveCount(0);
});

test('templates: the OCU+ changes a label and a required flag (a new version), sees a wrong definition refused by path; an NCP only reads', async ({ browser }) => {
  const i2c = await signedIn(browser, I2C);
  const opId = await globalShieldId(i2c);
  await i2c.goto(`/operations/${opId}/templates`);
  const row = i2c.getByTestId('templates').locator('tr[data-template="FEEDBACK"]');
  const before = Number((await row.getByTestId('template-version').innerText()).trim());
  await row.getByRole('link').click();
  await i2c.getByRole('button', { name: 'Edit' }).click();
  const editor = i2c.getByTestId('template-editor');
  const control = editor.locator('[data-edit-field="control"]');
  const label = `Control carried out ${RUN}`;
  await control.getByLabel('Label of control').fill(label);
  await control.getByRole('checkbox', { name: 'Required' }).check();
  await editor.getByRole('button', { name: 'Save as a new version' }).click();
  await expect(i2c.getByTestId('template-version')).toHaveText(`version ${before + 1}`);
  const shown = i2c.locator('tr[data-field="control"]');
  await expect(shown).toContainText(label);
  await expect(shown).toContainText('required');

  // The same change as JSON, with an empty English label: refused, the error named by its place.
  await i2c.getByRole('button', { name: 'Edit' }).click();
  await editor.getByRole('button', { name: 'JSON text' }).click();
  const json = editor.locator('#tpl-json');
  await json.fill((await json.inputValue()).replace(`"en": "${label}"`, '"en": ""'));
  await editor.getByRole('button', { name: 'Save as a new version' }).click();
  const errors = editor.getByTestId('template-errors');
  await expect(errors).toContainText('label in English: must not be empty');
  await expect(errors.locator('li[data-path$=".labels.en"]')).toHaveCount(1);
  await editor.getByRole('button', { name: 'Cancel' }).click();
  await expect(i2c.getByTestId('template-version')).toHaveText(`version ${before + 1}`);

  // An NCP reads the template, without an Edit button.
  const france = await signedIn(browser, NCP_FRANCE);
  await france.goto(`/operations/${opId}/templates`);
  await france.getByTestId('templates').locator('tr[data-template="FEEDBACK"]').getByRole('link').click();
  await expect(france.locator('tr[data-field="control"]')).toContainText(label);
  await expect(france.getByRole('button', { name: 'Edit' })).toHaveCount(0);
});

test('the OCU generates a newsletter and reads it in the archive; an NCP reads it without generating; the OCU downloads the exports', async ({ browser }) => {
  const i2c = await signedIn(browser, I2C);
  const opId = await globalShieldId(i2c);
  await i2c.goto(`/operations/${opId}`);
  await i2c.getByRole('navigation', { name: 'Operation pages' }).getByRole('link', { name: 'Newsletters' }).click();
  const archive = i2c.getByTestId('newsletters');
  // Count once the archive has loaded: a row, or the line saying there is none.
  await expect(archive.locator('tr[data-newsletter], td.empty').first()).toBeVisible();
  const before = await archive.locator('tr[data-newsletter]').count();
  await i2c.getByRole('button', { name: 'Generate now' }).click();
  await expect(i2c.getByText(/^Newsletter made and mailed to \d+ members\.$/)).toBeVisible();
  await expect(archive.locator('tr[data-newsletter]')).toHaveCount(before + 1);
  const newest = archive.locator('tr[data-newsletter]').first();
  await expect(newest).toContainText('on demand');
  await expect(newest).toContainText(I2C.displayName);
  // Generating opened it: the server's HTML in a sandboxed frame.
  const frame = i2c.getByTestId('newsletter-frame');
  await expect(frame).toHaveAttribute('sandbox', 'allow-same-origin');
  await expect(i2c.frameLocator('[data-testid="newsletter-frame"]').locator('body')).toContainText('Global Shield');

  const france = await signedIn(browser, NCP_FRANCE);
  await france.goto(`/operations/${opId}/newsletters`);
  await expect(france.getByTestId('newsletters').locator('tr[data-newsletter]')).toHaveCount(before + 1);
  await expect(france.getByRole('button', { name: 'Generate now' })).toHaveCount(0);
  await france.getByTestId('newsletters').locator('tr[data-newsletter]').first().getByRole('button', { name: 'Open' }).click();
  await expect(france.frameLocator('[data-testid="newsletter-frame"]').locator('body')).toContainText('Global Shield');

  // The exports, from the statistics.
  await i2c.getByRole('navigation', { name: 'Operation pages' }).getByRole('link', { name: 'Statistics' }).click();
  for (const [name, ext] of [['Download as XLSX', '.xlsx'], ['Download as SQLite', '.sqlite']] as const) {
    const [download] = await Promise.all([i2c.waitForEvent('download'), i2c.getByTestId('exports').getByRole('link', { name }).click()]);
    expect(download.suggestedFilename()).toMatch(new RegExp(`\\${ext}$`));
  }
});

test('members: Reset password is offered only on accounts created for the group', async ({ browser }) => {
  const i2c = await signedIn(browser, I2C);
  const opId = await globalShieldId(i2c);
  await i2c.goto(`/operations/${opId}/members`);
  await i2c.getByRole('button', { name: 'Create an account for the group' }).click();
  const username = `gs.partner${RUN}`;
  await i2c.locator('#group-username').fill(username);
  await i2c.locator('#group-displayName').fill(`Partner ${RUN}`);
  await i2c.locator('#group-email').fill(`partner${RUN}@example.org`);
  await i2c.getByRole('button', { name: 'Create', exact: true }).click();
  await expect(i2c.getByTestId('temporary-password')).not.toBeEmpty();
  await i2c.getByRole('button', { name: 'Done' }).click();
  const created = i2c.getByTestId('members').locator(`tr[data-member="${username}"]`);
  await expect(created).toContainText('group account');
  await expect(created.getByRole('button', { name: 'Reset password' })).toBeVisible();
  await expect(i2c.getByTestId('members').locator('tr[data-member="ncp.france"]').getByRole('button', { name: 'Reset password' })).toHaveCount(0);
  await created.getByRole('button', { name: 'Reset password' }).click();
  await expect(i2c.getByTestId('temporary-password')).not.toBeEmpty();
});
