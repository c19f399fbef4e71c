import { readFileSync } from 'node:fs';
import { expect, test, type Browser, type Page } from '@playwright/test';
import { DEMO_PASSWORD, NCP_FRANCE } from './support/demo-accounts.ts';
import { signIn } from './support/sign-in.ts';

const I2C = { username: 'i2c.officer', password: DEMO_PASSWORD, displayName: 'Amira Haddad' };
const NCP_KENYA = { username: 'ncp.kenya', password: DEMO_PASSWORD, displayName: 'Wanjiru Otieno' };
const VIEWER_BELGIUM = { username: 'viewer.belgium', password: DEMO_PASSWORD, displayName: 'Luc Peeters' };

// Texts of this run only, so that reruns against one database never meet an older message.
const RUN = String(Date.now()).slice(-7);

async function signedIn(browser: Browser, user: { username: string; password: string; displayName: string }): Promise<Page> {
  const page = await (await browser.newContext({ acceptDownloads: true })).newPage();
  await signIn(page, user.username, user.password, user.displayName);
  return page;
}

/** The id of Global Shield, as the signed-in member's operations list gives it. */
async function globalShieldId(page: Page): Promise<string> {
  const answer = await page.request.get('/api/v1/operations');
  expect(answer.ok()).toBe(true);
  const { items } = (await answer.json()) as { items: { id: string; code: string }[] };
  const gs = items.find((o) => o.code === 'GS');
  expect(gs).toBeDefined();
  return gs!.id;
}

async function unreadOfGlobalShield(page: Page): Promise<number> {
  return Number((await page.locator('tr[data-operation="GS"]').getByTestId('operation-unread').innerText()).trim());
}

test('an OCU+ writes to the NCPs with an attachment; Kenya sees it arrive live, downloads the attachment and replies; the sender sees who read it', async ({ browser }) => {
  const subject = `Suspect ammonium nitrate consignment ${RUN}`;
  const attachmentText = `Bill of lading MSKU${RUN}: 24 t ammonium nitrate, Le Havre to Mombasa.\n`;

  // Kenya watches the operations list, live.
  const kenya = await signedIn(browser, NCP_KENYA);
  await kenya.getByRole('navigation', { name: 'Main navigation' }).getByRole('link', { name: 'Operations' }).click();
  await expect(kenya.getByRole('heading', { level: 1, name: 'Operations' })).toBeVisible();
  const kenyaRow = kenya.locator('tr[data-operation="GS"]');
  await expect(kenyaRow).toContainText('Global Shield');
  await expect(kenyaRow).toContainText('NCP');
  await expect(kenya.getByTestId('connection-indicator')).toHaveAttribute('data-status', 'online');
  const before = await unreadOfGlobalShield(kenya);

  // The I2C officer (OCU+ of Global Shield) writes to the NCPs with an attachment.
  const i2c = await signedIn(browser, I2C);
  await i2c.goto('/operations');
  await i2c.locator('tr[data-operation="GS"]').getByRole('link', { name: 'Global Shield' }).click();
  await expect(i2c.getByTestId('my-role')).toContainText('OCU+');
  await i2c.getByRole('link', { name: 'Write a message' }).click();
  await i2c.getByRole('radio', { name: 'The NCPs' }).check();
  await i2c.locator('#compose-subject').fill(subject);
  await i2c.locator('#compose-body').fill('Please risk-assess this consignment on arrival and answer with a FEEDBACK.');
  await i2c.locator('#compose-files').setInputFiles({ name: `bill-of-lading-${RUN}.txt`, mimeType: 'text/plain', buffer: Buffer.from(attachmentText) });
  await expect(i2c.getByTestId('uploads').getByText('Ready')).toBeVisible();
  await i2c.getByRole('button', { name: 'Send', exact: true }).click();
  await expect(i2c).toHaveURL(/\/operations\/[0-9a-f-]{36}\/messages\/[0-9a-f-]{36}$/);
  await expect(i2c.getByTestId('read-summary')).toHaveText('0 read, 3 unread');

  // Kenya's count rises without a reload; the message is unread (bold) in the inbox.
  await expect.poll(() => unreadOfGlobalShield(kenya)).toBe(before + 1);
  await kenyaRow.getByTestId('operation-unread').getByRole('link').click();
  const listed = kenya.getByTestId('messages').getByRole('row').filter({ hasText: subject });
  await expect(listed).toHaveAttribute('data-unread', 'true');
  await expect(kenya.getByTestId('folders').locator('[data-folder="inbox"]')).toContainText(`${before + 1} /`);
  await listed.getByRole('link', { name: subject }).click();
  await expect(kenya.getByTestId('message')).toContainText('Please risk-assess this consignment');
  await expect(kenya.getByTestId('read-status')).toHaveCount(0);

  // The attachment downloads with its content.
  const [download] = await Promise.all([kenya.waitForEvent('download'), kenya.getByTestId('attachments').getByRole('link', { name: `bill-of-lading-${RUN}.txt` }).click()]);
  expect(download.suggestedFilename()).toBe(`bill-of-lading-${RUN}.txt`);
  expect(readFileSync((await download.path())!, 'utf8')).toBe(attachmentText);

  // Opening it marked it read: the tab's count is back where it was, and the sender sees "1 read" live.
  await expect(i2c.getByTestId('read-summary')).toHaveText('1 read, 2 unread');
  await i2c.getByRole('button', { name: 'Who read it' }).click();
  await expect(i2c.getByTestId('read-status').getByRole('row').filter({ hasText: NCP_KENYA.displayName })).not.toContainText('not yet');
  await expect(i2c.getByTestId('read-status').getByRole('row').filter({ hasText: 'Rafael Souza' })).toContainText('not yet');

  // Kenya replies; the reply goes to the sender alone.
  await kenya.getByTestId('message-actions').getByRole('link', { name: 'Reply', exact: true }).click();
  await expect(kenya.getByTestId('chosen-recipients')).toHaveText(/Amira Haddad/);
  await expect(kenya.locator('#compose-subject')).toHaveValue(`Re: ${subject}`);
  await kenya.locator('#compose-body').fill('Container examined at Mombasa; a FEEDBACK follows.');
  await kenya.getByRole('button', { name: 'Send', exact: true }).click();
  await expect(kenya.getByTestId('read-summary')).toHaveText('0 read, 1 unread');

  await i2c.getByRole('navigation', { name: 'Operation pages' }).getByRole('link', { name: /Mailbox/ }).click();
  const reply = i2c.getByTestId('messages').getByRole('row').filter({ hasText: `Re: ${subject}` });
  await expect(reply).toHaveAttribute('data-unread', 'true');
  await expect(reply).toContainText(NCP_KENYA.displayName);
});

test('a user who is not a member does not see the operation and is refused at its address', async ({ browser }) => {
  const kenya = await signedIn(browser, NCP_KENYA);
  const opId = await globalShieldId(kenya);

  const viewer = await signedIn(browser, VIEWER_BELGIUM);
  await viewer.goto('/operations');
  await expect(viewer.getByText('You are not a member of any operation.')).toBeVisible();
  await expect(viewer.locator('tr[data-operation="GS"]')).toHaveCount(0);
  for (const path of [`/operations/${opId}`, `/operations/${opId}/mailbox`, `/operations/${opId}/library`, `/operations/${opId}/members`]) {
    await viewer.goto(path);
    const refused = viewer.getByTestId('operation-refused');
    await expect(refused).toContainText('Not available');
    await expect(refused).toContainText('You are not a member of this operation.');
    await expect(viewer.getByText('Global Shield')).toHaveCount(0);
  }
});

test('the library: a member uploads a document into a folder, another downloads it', async ({ browser }) => {
  const name = `ncp-monthly-report-france-${RUN}.csv`;
  const content = `chemical,hs_code,shipments\nAmmonium nitrate,310230,${RUN}\n`;
  const france = await signedIn(browser, NCP_FRANCE);
  const opId = await globalShieldId(france);
  await france.goto(`/operations/${opId}/library`);
  await france.getByTestId('library-folders').getByRole('link', { name: /Monthly reports/ }).click();
  await expect(france.getByTestId('library-files')).toContainText('precursors-shipments-january.csv');
  await france.locator('#library-upload').setInputFiles({ name, mimeType: 'text/csv', buffer: Buffer.from(content) });
  const row = france.getByTestId('library-files').locator(`tr[data-document="${name}"]`);
  await expect(row).toContainText(NCP_FRANCE.displayName);
  await expect(row.getByRole('button', { name: 'Remove' })).toBeVisible();

  const kenya = await signedIn(browser, NCP_KENYA);
  await kenya.goto(`/operations/${opId}/library`);
  await kenya.getByTestId('library-folders').getByRole('link', { name: /Monthly reports/ }).click();
  const seen = kenya.getByTestId('library-files').locator(`tr[data-document="${name}"]`);
  await expect(seen).toContainText(NCP_FRANCE.displayName);
  // Not the uploader, not an OCU+: no removal offered.
  await expect(seen.getByRole('button', { name: 'Remove' })).toHaveCount(0);
  const [download] = await Promise.all([kenya.waitForEvent('download'), seen.getByRole('link', { name }).click()]);
  expect(download.suggestedFilename()).toBe(name);
  expect(readFileSync((await download.path())!, 'utf8')).toBe(content);

  // The uploader removes it.
  await row.getByRole('button', { name: 'Remove' }).click();
  await france.getByRole('dialog').getByRole('button', { name: 'Remove' }).click();
  await expect(row).toHaveCount(0);
});

test('compose refuses an eleventh attachment and a file over 10 MB before any upload', async ({ browser }) => {
  const france = await signedIn(browser, NCP_FRANCE);
  const opId = await globalShieldId(france);
  await france.goto(`/operations/${opId}/compose`);
  const files = Array.from({ length: 11 }, (_, i) => ({ name: `note-${i + 1}.txt`, mimeType: 'text/plain', buffer: Buffer.from(`note ${i + 1}`) }));
  await france.locator('#compose-files').setInputFiles(files);
  await expect(france.getByText('At most 10 attachments; the others were not added.')).toBeVisible();
  await expect(france.getByTestId('uploads').getByText('Ready')).toHaveCount(10);
  await expect(france.locator('[data-upload="note-11.txt"]')).toHaveCount(0);
  await expect(france.locator('#compose-files')).toBeDisabled();

  await france.getByTestId('uploads').locator('[data-upload="note-1.txt"]').getByRole('button', { name: 'Remove' }).click();
  await france.locator('#compose-files').setInputFiles({ name: 'too-large.bin', mimeType: 'application/octet-stream', buffer: Buffer.alloc(10 * 1024 * 1024 + 1) });
  await expect(france.locator('[data-upload="too-large.bin"]')).toContainText('Too large');
});

test('a member makes a mailbox folder of their own; an empty name is refused on its field and nothing is made', async ({ browser }) => {
  const kenya = await signedIn(browser, NCP_KENYA);
  const opId = await globalShieldId(kenya);
  await kenya.goto(`/operations/${opId}/mailbox`);
  const folders = kenya.getByTestId('folders');
  await expect(folders).toBeVisible();
  const before = await folders.getByRole('listitem').count();

  await kenya.getByRole('button', { name: 'New folder' }).click();
  const dialog = kenya.getByRole('dialog');
  await dialog.getByRole('button', { name: 'Create' }).click();
  await expect(dialog.locator('[data-field-error="folder-name"]')).toBeVisible();
  await expect(dialog.getByLabel('Folder name')).toHaveAttribute('aria-invalid', 'true');

  await dialog.getByLabel('Folder name').fill(`Leads ${RUN}`);
  await dialog.getByRole('button', { name: 'Create' }).click();
  await expect(dialog).toHaveCount(0);
  await expect(folders.getByRole('link', { name: new RegExp(`Leads ${RUN}`) })).toBeVisible();
  await expect(folders.getByRole('listitem')).toHaveCount(before + 1);
});
