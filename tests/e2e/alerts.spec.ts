import { expect, test, type Browser, type Locator, type Page } from '@playwright/test';
import { DEMO_PASSWORD, NCP_FRANCE, adminStatePath } from './support/demo-accounts.ts';
import { signIn } from './support/sign-in.ts';

// A word of this run only, so that reruns against one database never meet an older alert.
const STAMP = `osprey${String(Date.now()).slice(-8)}`;
const TITLE = `Rip-on/rip-off cocaine in reefer containers ${STAMP}`;
// An NCP of another administration of the same WCO region (Europe), made for this run.
const BELGIAN_NCP = { username: `e2e.ncp.be.${STAMP}`, displayName: 'Noor Janssens', password: 'Belgian-NCP-passphrase-2026' };
const FEEDBACK_COMMENT = `Reefer containers from Guayaquil are now selected ${STAMP}`;

test.describe.configure({ mode: 'serial' });

let alertUrl = '';
let reference = '';

/** Types into a reference combobox and picks the first suggestion with the keyboard. */
async function choose(page: Page, combobox: Locator, text: string, option: RegExp, list = false) {
  await combobox.click();
  await combobox.pressSequentially(text, { delay: 20 });
  const listbox = page.locator(`#${await combobox.getAttribute('aria-controls')}`);
  await expect(listbox.getByRole('option').first()).toHaveText(option);
  await combobox.press('ArrowDown');
  await combobox.press('Enter');
  await expect(combobox).toHaveValue(list ? '' : option);
}

async function openAlerts(page: Page) {
  await page.getByRole('navigation', { name: 'Main navigation' }).getByRole('link', { name: 'Alerts', exact: true }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Alerts' })).toBeVisible();
}

async function newContext(browser: Browser) {
  return browser.newContext({ storageState: { cookies: [], origins: [] } });
}

test('an NCP drafts an alert in the form with the typeaheads and submits it to the RILO', async ({ page }) => {
  await signIn(page, NCP_FRANCE.username, NCP_FRANCE.password, NCP_FRANCE.displayName);
  await openAlerts(page);
  await page.getByRole('navigation', { name: 'Alert pages' }).getByRole('link', { name: 'Write an alert' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Write an alert' })).toBeVisible();

  await page.locator('#alert-title').fill(TITLE);
  await page.locator('#alert-riskArea').selectOption('drugs');
  await page.locator('#alert-validUntil').fill('2030-12-31');
  // The handling code and grading are chosen with their meanings.
  await page.locator('#alert-handling').selectOption('H1');
  await expect(page.locator('#alert-handling-hint')).toHaveText('Law enforcement: may be passed on to law-enforcement agencies.');
  await page.locator('#alert-sourceReliability').selectOption({ label: 'B – mostly reliable' });
  await page.locator('#alert-infoCredibility').selectOption({ label: '2 – known personally to the source' });

  await page.getByRole('button', { name: 'Add a commodity' }).click();
  await choose(page, page.locator('#alert-commodities-0-hsCode'), '293972', /293972/);
  await page.locator('#alert-commodities-0-description').fill('Cocaine hydrochloride bricks');
  await choose(page, page.locator('#alert-concealmentMethods'), 'rip-on', /Rip-on\/rip-off/, true);
  await expect(page.getByTestId('alert-concealmentMethods-chosen')).toContainText('RIP_ON_RIP_OFF');
  await choose(page, page.locator('#alert-detectionMethods'), 'x-ray', /X-ray/, true);
  await page.locator('#alert-transportMode').selectOption('sea');
  await page.locator('#alert-modusOperandi').fill('Bags placed behind the doors of reefer containers after loading, removed before the terminal gate.');

  await page.getByRole('button', { name: 'Add a leg' }).click();
  await choose(page, page.locator('#alert-route-0-country'), 'ecuad', /Ecuador/);
  await page.locator('#alert-route-0-place').fill('Guayaquil');
  await page.getByRole('button', { name: 'Add a leg' }).click();
  await expect(page.locator('#alert-route-1-role')).toHaveValue('destination');
  await choose(page, page.locator('#alert-route-1-country'), 'fra', /France/);

  await page.locator('#alert-indicators-0').fill('Seal number differs from the bill of lading');
  await page.getByRole('button', { name: 'Add an indicator' }).click();
  await page.locator('#alert-indicators-1').fill('Container opened after loading');
  await page.locator('#alert-recommendedAction').fill('Check the seals and the door area of reefer containers from Guayaquil.');

  // The server's refusal is shown beside the field it concerns, and nothing is stored.
  await page.locator('#alert-validUntil').fill('2020-01-01');
  await page.getByRole('button', { name: 'Submit to the RILO' }).click();
  await expect(page.locator('#alert-validUntil-error')).toBeVisible();
  await expect(page.getByRole('heading', { level: 1, name: 'Write an alert' })).toBeVisible();
  await page.locator('#alert-validUntil').fill('2030-12-31');

  await page.getByRole('button', { name: 'Submit to the RILO' }).click();
  await expect(page.getByRole('heading', { level: 1, name: TITLE })).toBeVisible();
  alertUrl = new URL(page.url()).pathname;
  expect(alertUrl).toMatch(/^\/alerts\/[0-9a-f-]{36}$/);
  reference = (await page.locator('.page-intro').textContent())?.trim() ?? '';
  expect(reference).not.toBe('');
  await expect(page.locator('[data-status="submitted"]')).toHaveText('Under review');
  const marking = page.getByTestId('alert-marking');
  await expect(marking.getByTestId('handling-badge')).toContainText('H1');
  await expect(marking.getByTestId('grading-badge')).toContainText('B2');
  await expect(page.getByTestId('alert-details')).toContainText('Ecuador');
  await expect(page.getByTestId('alert-indicators')).toContainText('Container opened after loading');
  await expect(page.getByTestId('alert-history')).toContainText('Submitted to the RILO');
  // Once submitted, the author can no longer change it.
  await expect(page.getByTestId('alert-actions').getByRole('link', { name: 'Edit' })).toHaveCount(0);
});

test('the RILO circulates it to the region; an NCP of another administration there sees it arrive in its open inbox', async ({ browser }) => {
  // The administrator makes an NCP of Belgium's customs, who chooses a password at the first sign-in.
  const admin = await browser.newContext({ storageState: adminStatePath() });
  const adminPage = await admin.newPage();
  await adminPage.goto('/admin/users');
  await adminPage.getByRole('button', { name: 'New user' }).click();
  const dialog = adminPage.getByRole('dialog', { name: 'New user' });
  await dialog.locator('#username').fill(BELGIAN_NCP.username);
  await dialog.locator('#displayName').fill(BELGIAN_NCP.displayName);
  await dialog.locator('#email').fill(`${BELGIAN_NCP.username}@customs.example`);
  const belgium = await dialog.locator('#orgId option', { hasText: /^Belgium/ }).first().getAttribute('value');
  await dialog.locator('#orgId').selectOption(belgium ?? '');
  await dialog.locator('#initialPassword').fill(BELGIAN_NCP.password);
  await dialog.getByRole('checkbox', { name: /National Contact Point/i }).check();
  await dialog.getByRole('button', { name: 'Create' }).click();
  await expect(dialog).toBeHidden();
  await admin.close();

  const be = await newContext(browser);
  const bePage = await be.newPage();
  await bePage.goto('/');
  await bePage.locator('#username').fill(BELGIAN_NCP.username);
  await bePage.locator('#password').fill(BELGIAN_NCP.password);
  await bePage.getByRole('button', { name: 'Sign in' }).click();
  const forced = bePage.getByRole('heading', { level: 1, name: 'Choose a new password' });
  const home = bePage.getByRole('heading', { level: 1, name: new RegExp(BELGIAN_NCP.displayName) });
  await expect(forced.or(home)).toBeVisible();
  if (await forced.isVisible()) {
    const chosen = `${BELGIAN_NCP.password}-chosen`;
    await bePage.locator('#currentPassword').fill(BELGIAN_NCP.password);
    await bePage.locator('#newPassword').fill(chosen);
    await bePage.locator('#confirmation').fill(chosen);
    await bePage.getByRole('button', { name: 'Change password' }).click();
    BELGIAN_NCP.password = chosen;
    await expect(home).toBeVisible();
  }
  await openAlerts(bePage);
  await expect(bePage.locator(`tr[data-reference="${reference}"]`)).toHaveCount(0);

  // The RILO of the author's country finds it in "To review" and circulates it to Europe.
  const rilo = await newContext(browser);
  const riloPage = await rilo.newPage();
  await signIn(riloPage, 'rilo.weu', DEMO_PASSWORD, /./);
  await openAlerts(riloPage);
  await riloPage.getByRole('button', { name: 'To review' }).click();
  const row = riloPage.locator(`tr[data-reference="${reference}"]`);
  await expect(row).toBeVisible();
  await expect(row).toContainText(TITLE);
  await row.getByRole('link', { name: reference }).click();
  await expect(riloPage.getByRole('heading', { level: 1, name: TITLE })).toBeVisible();
  await riloPage.getByTestId('alert-actions').getByRole('button', { name: 'Circulate' }).click();
  const circulate = riloPage.getByTestId('circulate-dialog');
  await circulate.getByRole('checkbox', { name: 'Europe', exact: true }).check();
  await circulate.getByRole('button', { name: 'Circulate' }).click();
  await expect(circulate).toBeHidden();
  await expect(riloPage.locator('[data-status="circulated"]')).toHaveText('Circulated');
  await expect(riloPage.getByTestId('alert-recipients').locator('tr', { hasText: /^Belgium/ })).toContainText('Region EUR');
  await rilo.close();

  // The Belgian inbox reloads on the live event, without the page being reloaded.
  const beRow = bePage.locator(`tr[data-reference="${reference}"]`);
  await expect(beRow).toBeVisible({ timeout: 20_000 });
  await expect(beRow.getByTestId('handling-badge')).toContainText('H1');
  await expect(beRow.getByTestId('grading-badge')).toContainText('B2');
  await expect(beRow.getByTestId('acknowledged')).toHaveText('Not acknowledged');
  await be.close();
});

test('the Belgian NCP reads the handling code and grading and acknowledges the alert with feedback', async ({ page }) => {
  await signIn(page, BELGIAN_NCP.username, BELGIAN_NCP.password, BELGIAN_NCP.displayName);
  await openAlerts(page);
  await page.locator('#alert-q').fill(STAMP);
  await page.locator('#alert-filter-acknowledged').selectOption('no');
  await page.getByRole('button', { name: 'Filter' }).click();
  const row = page.locator(`tr[data-reference="${reference}"]`);
  await expect(row).toBeVisible();
  await row.getByRole('link', { name: reference }).click();

  const marking = page.getByTestId('alert-marking');
  await expect(marking).toContainText('H1');
  await expect(marking).toContainText('Law enforcement: may be passed on to law-enforcement agencies.');
  await expect(marking).toContainText('B2');
  await expect(marking).toContainText('B – mostly reliable / 2 – known personally to the source');
  await expect(page.getByTestId('alert-details')).toContainText('Rip-on/rip-off');
  // A recipient does not see who else received it.
  await expect(page.getByTestId('alert-recipients')).toHaveCount(0);

  await page.getByTestId('alert-actions').getByRole('button', { name: 'Acknowledge' }).click();
  const dialog = page.getByTestId('ack-dialog');
  await dialog.locator('#alert-ack-feedback').selectOption('acted_on');
  await dialog.locator('#alert-ack-comment').fill(FEEDBACK_COMMENT);
  await dialog.getByRole('button', { name: 'Acknowledge' }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByTestId('my-ack')).toContainText('Acted on');

  await openAlerts(page);
  await page.locator('#alert-q').fill(STAMP);
  await page.locator('#alert-filter-acknowledged').selectOption('yes');
  await page.getByRole('button', { name: 'Filter' }).click();
  await expect(page.locator(`tr[data-reference="${reference}"]`).getByTestId('acknowledged')).toHaveText('Acknowledged');
});

test('the author sees the acknowledgement and the feedback', async ({ page }) => {
  await signIn(page, NCP_FRANCE.username, NCP_FRANCE.password, NCP_FRANCE.displayName);
  await openAlerts(page);
  await page.getByRole('button', { name: 'Written by us' }).click();
  await page.locator(`tr[data-reference="${reference}"]`).getByRole('link', { name: reference }).click();
  await expect(page.getByRole('heading', { level: 1, name: TITLE })).toBeVisible();
  const belgium = page.getByTestId('alert-recipients').locator('tr', { hasText: /^Belgium/ });
  await expect(belgium).toContainText('Region EUR');
  await expect(belgium).not.toContainText('Not yet');
  const ack = page.getByTestId('alert-acks').locator('li', { hasText: BELGIAN_NCP.displayName });
  await expect(ack).toContainText('Acted on');
  await expect(ack).toContainText(FEEDBACK_COMMENT);
});
