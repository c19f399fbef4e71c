import { expect, test, type Page } from '@playwright/test';
import { DEMO_PASSWORD, NCP_FRANCE } from './support/demo-accounts.ts';
import { signIn } from './support/sign-in.ts';

// A word of this run only, so that reruns against one database never meet an older bulletin.
const STAMP = `heron${String(Date.now()).slice(-8)}`;
const DEMO_TITLE = 'RILO Western Europe — quarterly analysis: drugs and tobacco';
const NEW_TITLE = `Western Europe monthly: cigarettes by road ${STAMP}`;

async function openBulletins(page: Page) {
  await page.getByRole('navigation', { name: 'Main navigation' }).getByRole('link', { name: 'Alerts', exact: true }).click();
  await page.getByRole('navigation', { name: 'Alert pages' }).getByRole('link', { name: 'Bulletins' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Analysis bulletins' })).toBeVisible();
}

test('an NCP finds the published bulletin of its RILO, reads it with its figures and downloads it as PDF', async ({ page }) => {
  await signIn(page, NCP_FRANCE.username, NCP_FRANCE.password, NCP_FRANCE.displayName);
  await openBulletins(page);
  // An NCP reads bulletins but does not write them.
  await expect(page.getByRole('link', { name: 'New bulletin' })).toHaveCount(0);

  await page.locator('#bulletin-q').fill('tobacco');
  await page.getByRole('search').getByRole('button', { name: 'Search' }).click();
  const rows = page.getByTestId('bulletin-list').locator('tbody tr');
  await expect(rows).toHaveCount(1);
  await expect(rows.first()).toContainText('Europe');
  await expect(rows.first()).toContainText('Published');
  await expect(rows.first().getByTestId('handling-badge')).toHaveText(/^H2/);
  await rows.first().getByRole('link', { name: DEMO_TITLE }).click();

  await expect(page.getByRole('heading', { level: 1, name: DEMO_TITLE })).toBeVisible();
  // The handling code comes first, with its meaning.
  const marking = page.getByTestId('bulletin-marking');
  await expect(marking.getByTestId('handling-badge')).toHaveAttribute('data-handling', 'H2');
  await expect(marking).toContainText('Customs only');
  await expect(page.getByTestId('bulletin-sections').getByRole('heading', { name: 'Recommendations' })).toBeVisible();
  await expect(page.getByTestId('bulletin-sections')).toContainText('reefer containers from Ecuador and Colombia');
  await expect(page.getByTestId('bulletin-total').locator('.kpi-value')).toHaveText(/^\d[\d,  ]*$/);
  await expect(page.getByTestId('bulletin-total')).toContainText('validated seizures in the period');
  // Not the author: neither changed nor published from here.
  await expect(page.getByTestId('bulletin-actions').getByRole('link', { name: 'Edit' })).toHaveCount(0);
  await expect(page.getByTestId('bulletin-actions').getByRole('button', { name: /^Publish/ })).toHaveCount(0);

  const pdfLink = page.getByRole('link', { name: 'Download (PDF)' });
  await expect(pdfLink).toHaveAttribute('download', /\.pdf$/);
  const href = await pdfLink.getAttribute('href');
  expect(href).toMatch(/^\/api\/v1\/bulletins\/[0-9a-f-]+\/pdf$/);
  const pdf = await page.request.get(href!);
  expect(pdf.status()).toBe(200);
  expect(pdf.headers()['content-type']).toBe('application/pdf');
  expect((await pdf.body()).subarray(0, 5).toString('latin1')).toBe('%PDF-');
  const html = await page.request.get((await page.getByRole('link', { name: 'Download (HTML)' }).getAttribute('href'))!);
  expect(html.headers()['content-type']).toContain('text/html');
  expect(await html.text()).toContain('Recommendations');
});

test('a RILO analyst writes a bulletin in the form; the server’s refusal is shown by its field; saved, it is a draft', async ({ browser }) => {
  const context = await browser.newContext({ storageState: { cookies: [], origins: [] } });
  const page = await context.newPage();
  // rilo.weu passes a second factor (enrolled at the first sign-in of the run).
  await signIn(page, 'rilo.weu', DEMO_PASSWORD, /./);
  await openBulletins(page);
  await page.getByRole('link', { name: 'New bulletin' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'New bulletin' })).toBeVisible();

  await page.locator('#bulletin-title').fill(NEW_TITLE);
  await page.locator('#bulletin-kind').selectOption('monthly');
  await page.locator('#bulletin-region').selectOption({ label: 'Europe' });
  await page.locator('#bulletin-handling').selectOption('H1');
  await expect(page.locator('#bulletin-handling-hint')).toHaveText('Law enforcement: may be passed on to law-enforcement agencies.');
  await page.locator('#bulletin-sections-0-heading').fill('Summary');
  await page.locator('#bulletin-sections-0-body').fill('Cigarettes by road from the Western Balkans, hidden in furniture loads.');
  await page.getByRole('button', { name: 'Add a section' }).click();
  await page.locator('#bulletin-sections-1-heading').fill('Recommendations');
  await page.locator('#bulletin-sections-1-body').fill('Scan furniture loads at the eastern road crossings.');

  // A period that ends before it starts is refused by the server, beside the field; nothing is stored.
  await page.locator('#bulletin-periodFrom').fill('2026-03-01');
  await page.locator('#bulletin-periodTo').fill('2026-01-31');
  await page.getByRole('button', { name: 'Save the draft' }).click();
  await expect(page.locator('#bulletin-periodTo-error')).toBeVisible();
  await expect(page.getByRole('heading', { level: 1, name: 'New bulletin' })).toBeVisible();

  await page.locator('#bulletin-periodFrom').fill('2026-01-01');
  await page.locator('#bulletin-periodTo').fill('2026-01-31');
  await page.getByRole('button', { name: 'Save the draft' }).click();
  await expect(page.getByRole('heading', { level: 1, name: NEW_TITLE })).toBeVisible();
  await expect(page).toHaveURL(/\/alerts\/bulletins\/[0-9a-f-]+$/);
  const marking = page.getByTestId('bulletin-marking');
  await expect(marking.getByTestId('handling-badge')).toHaveAttribute('data-handling', 'H1');
  await expect(marking.locator('[data-status="draft"]')).toHaveText('Draft');
  await expect(page.getByTestId('bulletin-sections').getByRole('heading', { name: 'Recommendations' })).toBeVisible();
  await expect(page.getByTestId('bulletin-details')).toContainText('Monthly');
  // The author may change the draft and publish it.
  await expect(page.getByTestId('bulletin-actions').getByRole('link', { name: 'Edit' })).toBeVisible();
  await expect(page.getByTestId('bulletin-actions').getByRole('button', { name: 'Publish' })).toBeVisible();

  // In the archive, as a draft of RILO Western Europe.
  await page.getByRole('link', { name: 'All bulletins' }).click();
  await page.locator('#bulletin-q').fill(STAMP);
  await page.getByRole('search').getByRole('button', { name: 'Search' }).click();
  const rows = page.getByTestId('bulletin-list').locator('tbody tr');
  await expect(rows).toHaveCount(1);
  await expect(rows.first()).toContainText(NEW_TITLE);
  await expect(rows.first().locator('[data-status="draft"]')).toHaveText('Draft');

  // Published to its region (chosen for it), it is archived as it is: no more Edit.
  await rows.first().getByRole('link', { name: NEW_TITLE }).click();
  await page.getByTestId('bulletin-actions').getByRole('button', { name: 'Publish' }).click();
  const dialog = page.getByTestId('publish-dialog');
  await expect(dialog.getByRole('checkbox', { name: 'Europe', exact: true })).toBeChecked();
  await dialog.getByRole('button', { name: 'Publish' }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByTestId('bulletin-marking').locator('[data-status="published"]')).toHaveText('Published');
  await expect(page.getByTestId('bulletin-actions').getByRole('link', { name: 'Edit' })).toHaveCount(0);
  await context.close();
});
