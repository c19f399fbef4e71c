import { expect, test, type Locator, type Page } from '@playwright/test';
import { DEMO_PASSWORD, NCP_FRANCE } from './support/demo-accounts.ts';
import { signIn } from './support/sign-in.ts';

const NCP_KENYA = { username: 'ncp.kenya', password: DEMO_PASSWORD, displayName: 'Wanjiru Otieno' };
const RILO_ESA = { username: 'rilo.esa', password: DEMO_PASSWORD, displayName: 'Thandiwe Dlamini' };
const LEVEL_NAMES = /Coexistence|Communication|Cooperation|Coordination|Collaboration/;

const question = (page: Page, id: string) => page.locator(`article[data-question="${id}"]`);

test('an NCP answers the assessment in progress: the score follows the saved answers, a bad answer and an early completion are refused, then it is completed', async ({ page }) => {
  await signIn(page, NCP_FRANCE.username, NCP_FRANCE.password, NCP_FRANCE.displayName);
  await page.goto('/desk/diagnostics');
  await expect(page.getByRole('heading', { level: 1, name: 'Customs–police cooperation diagnostic' })).toBeVisible();
  await expect(page.getByRole('navigation', { name: 'I2C desk pages' }).getByRole('link', { name: 'Cooperation diagnostic' })).toBeVisible();
  // One assessment in progress at a time: no start form while France's is open.
  await expect(page.getByRole('heading', { name: 'Start an assessment' })).toHaveCount(0);
  await page.getByRole('link', { name: 'Continue the assessment' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Diagnostic de la coopération douane–police 2026' })).toBeVisible();
  const assessmentUrl = page.url();

  // The demo's answers and comment are there, with the Handbook's guidance.
  await expect(question(page, 'A.1').getByLabel('Yes', { exact: true })).toBeChecked();
  await expect(question(page, 'A.3.1')).toContainText('À confirmer avec la cellule de ciblage de Roissy');
  await question(page, 'A.4.1').getByText('Guidance from the Handbook').click();
  await expect(question(page, 'A.4.1').getByText('Common weaknesses')).toBeVisible();
  await expect(question(page, 'A.4.1').getByText('Possible solution')).toBeVisible();

  const score = page.getByTestId('diag-overall-score');
  const before = (await score.textContent()) ?? '';
  expect(before).toMatch(/\d+\s?%/);
  await question(page, 'A.4.1').getByLabel('Yes', { exact: true }).check();
  await question(page, 'A.4.1').getByLabel('How often').selectOption('daily');
  await question(page, 'A.4.1').getByLabel('Details').fill('Contrôles conjoints quotidiens à Roissy et au Havre.');
  await expect(page.getByTestId('diag-save-state')).toHaveText('Answers not saved yet: 1');
  await page.getByRole('button', { name: 'Save the draft' }).click();
  await expect(page.getByTestId('diag-save-state')).toHaveText('Saved.');
  await expect(score).not.toHaveText(before);
  await expect(page.getByTestId('diag-score')).toContainText('Why am I at');

  // Kept after a reload.
  await page.reload();
  await expect(question(page, 'A.4.1').getByLabel('Yes', { exact: true })).toBeChecked();
  await expect(question(page, 'A.4.1').getByLabel('How often')).toHaveValue('daily');

  // An answer out of range is refused, naming its question, and nothing is stored.
  const { csrfToken } = (await (await page.request.get('/api/v1/auth/me')).json()) as { csrfToken: string };
  const id = assessmentUrl.split('/').pop()!;
  const bad = await page.request.put(`/api/v1/diagnostics/${id}/answers`, {
    headers: { 'X-CSRF-Token': csrfToken },
    data: { answers: [{ questionId: 'A.5.1', value: 'yes' }, { questionId: 'A.4.1', value: 'always' }] },
  });
  expect(bad.status()).toBe(422);
  expect(((await bad.json()) as { detail: string }).detail).toContain('A.4.1');
  await page.reload();
  await expect(question(page, 'A.5.1').getByLabel('Yes', { exact: true })).not.toBeChecked();

  // Completing too early is refused with the questions still to answer, beside each of them.
  await page.getByRole('button', { name: 'Complete the assessment' }).click();
  await expect(page.getByRole('alert').filter({ hasText: 'Not every question is answered yet' })).toContainText('A.5.1');
  await expect(question(page, 'A.5.1').getByRole('alert')).toContainText('A.5.1');
  await expect(page).toHaveURL(assessmentUrl);

  // Every question answered in the form, then completed without sharing: the result, and room for a new assessment.
  for (const card of await page.locator('article[data-question]').all()) {
    const controls: [string, (l: Locator) => Promise<unknown>][] = [
      ['Yes', (l) => l.check()],
      ['How often', (l) => l.selectOption('weekly')],
      ['Yes, an MOU/MOA or a law', (l) => l.check()],
      ['Your own rating', (l) => l.selectOption('coordination')],
    ];
    for (const [label, answer] of controls) {
      const control = card.getByLabel(label, { exact: true });
      if ((await control.count()) > 0) await answer(control);
    }
  }
  await page.getByRole('button', { name: 'Complete the assessment' }).click();
  await expect(page).toHaveURL(`${assessmentUrl}/result`);
  await expect(page.getByTestId('diag-result-overall').getByTestId('diag-overall-level')).toHaveText(LEVEL_NAMES);
  await expect(page.getByText('Your own rating (A.18): Coordination.')).toBeVisible();
  await page.goto('/desk/diagnostics');
  await expect(page.getByTestId('diagnostics').locator('tbody tr[data-status="completed"]')).toHaveCount(1);
  await expect(page.getByRole('heading', { name: 'Start an assessment' })).toBeVisible();
});

test('an NCP reads a completed result: levels and why, the radar table, the comparison, the action plan kept up to date, consent, the PDF', async ({ page }) => {
  await signIn(page, NCP_KENYA.username, NCP_KENYA.password, NCP_KENYA.displayName);
  await page.goto('/desk/diagnostics');
  const rows = page.getByTestId('diagnostics').locator('tbody tr');
  await expect(rows).toHaveCount(2);
  await rows.filter({ hasText: 'after the MOU' }).getByRole('link').click();
  await expect(page.getByRole('heading', { level: 1, name: 'Customs–police diagnostic, after the MOU' })).toBeVisible();

  await expect(page.getByTestId('diag-result-overall').getByTestId('diag-overall-level')).toHaveText(LEVEL_NAMES);
  const why = page.getByTestId('diag-why');
  await expect(why.getByRole('heading', { name: /^Why am I at (Coexistence|Communication|Cooperation|Coordination|Collaboration)\?$/ })).toBeVisible();
  await expect(why).toContainText('of the points that could be earned');
  await expect(page.getByTestId('diag-radar').locator('canvas')).toBeVisible();
  const areas = page.getByTestId('diag-areas');
  await expect(areas.locator('tbody tr')).toHaveCount(11);
  await expect(areas.locator('tr[data-area="arrangements"]')).toContainText('Arrangements');
  await expect(areas.getByRole('columnheader', { name: 'Previous assessment' })).toBeVisible();
  await expect(page.getByTestId('diag-previous')).toContainText('Previous assessment');

  // The action plan: a status changed is kept after a reload.
  const plan = page.getByTestId('diag-action-plan');
  const a6 = plan.locator('li[data-action="A.6"]');
  await expect(a6.getByLabel('Owner')).toHaveValue('Head, Customs Intelligence Unit');
  await expect(a6.getByLabel('Status')).toHaveValue('in_progress');
  await a6.getByLabel('Status').selectOption('done');
  await a6.getByRole('button', { name: 'Save action A.6' }).click();
  await expect(a6.getByRole('status')).toHaveText('Saved.');
  await page.reload();
  await expect(plan.locator('li[data-action="A.6"]').getByLabel('Status')).toHaveValue('done');

  // Consent to share: withdrawn and given again, each kept.
  const consent = page.getByLabel("Share this administration's levels with the WCO and RILOs");
  await expect(consent).toBeChecked();
  await consent.uncheck();
  await expect(consent).toBeEnabled();
  await page.reload();
  await expect(consent).not.toBeChecked();
  await consent.check();
  await expect(consent).toBeEnabled();
  await page.reload();
  await expect(consent).toBeChecked();

  const href = await page.getByTestId('diag-pdf').getAttribute('href');
  expect(href).toMatch(/^\/api\/v1\/diagnostics\/[0-9a-f-]+\/report\.pdf/);
  const pdf = await page.request.get(href!);
  expect(pdf.status()).toBe(200);
  expect(pdf.headers()['content-type']).toBe('application/pdf');
  expect((await pdf.body()).subarray(0, 5).toString()).toBe('%PDF-');
});

test('a RILO analyst sees the levels of the administrations that share them, and of no other', async ({ page }) => {
  await signIn(page, RILO_ESA.username, RILO_ESA.password, RILO_ESA.displayName);
  await page.goto('/desk/diagnostics/regional');
  await expect(page.getByRole('heading', { level: 1, name: 'Cooperation diagnostic: regional picture' })).toBeVisible();
  const table = page.getByTestId('diag-regional');
  await expect(table.locator('tr[data-country="KE"]')).toContainText(LEVEL_NAMES);
  await expect(table.locator('tr[data-country="BR"]')).toContainText(LEVEL_NAMES);
  // Belgium completed its assessment without consent; France's is still in progress.
  await expect(table.locator('tr[data-country="BE"]')).toHaveCount(0);
  await expect(table.locator('tr[data-country="FR"]')).toHaveCount(0);
  await expect(page.getByTestId('diag-map').locator('circle[data-country="KE"]')).toHaveCount(1);
  await expect(page.getByTestId('diag-map').locator('circle[data-country="BE"]')).toHaveCount(0);
});
