import { expect, test } from '@playwright/test';
import { NCP_FRANCE } from './support/demo-accounts.ts';
import { signIn } from './support/sign-in.ts';

test('the country typeahead finds France from "fra" with the keyboard alone', async ({ page }) => {
  await signIn(page, NCP_FRANCE.username, NCP_FRANCE.password, NCP_FRANCE.displayName);
  await page.goto('/reference');
  await expect(page.getByLabel('List')).toHaveValue('countries');

  const combobox = page.getByRole('combobox', { name: 'Search' });
  await combobox.focus();
  await page.keyboard.type('fra');
  const listbox = page.getByRole('listbox', { name: 'Search' });
  await expect(listbox.getByRole('option', { name: /France/ })).toBeVisible();
  await expect(combobox).toHaveAttribute('aria-expanded', 'true');

  // Walk down to France with the arrow keys, then take it with Enter.
  const options = listbox.getByRole('option');
  const count = await options.count();
  for (let i = 0; i < count; i++) {
    await page.keyboard.press('ArrowDown');
    const activeId = await combobox.getAttribute('aria-activedescendant');
    if (activeId && /France/.test((await page.locator(`[id="${activeId}"]`).textContent()) ?? '')) break;
  }
  await expect(page.locator(`[id="${await combobox.getAttribute('aria-activedescendant')}"]`)).toContainText('France');
  await page.keyboard.press('Enter');

  await expect(combobox).toHaveAttribute('aria-expanded', 'false');
  await expect(combobox).toHaveValue(/France \(FR\)/);
  await expect(page.getByTestId('reference-chosen')).toContainText('FR');

  // Escape closes an open list without choosing.
  await page.keyboard.press('Escape');
  await expect(combobox).toHaveValue('');
  await page.keyboard.type('ger');
  await expect(listbox.getByRole('option').first()).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(listbox).toBeHidden();
  await expect(combobox).toHaveValue('ger');
});

test('the profile country field uses the same typeahead', async ({ page }) => {
  await signIn(page, NCP_FRANCE.username, NCP_FRANCE.password, NCP_FRANCE.displayName);
  await page.goto('/profile');
  const country = page.getByRole('combobox', { name: 'Country' });
  await country.fill('');
  await country.pressSequentially('fra');
  await expect(page.getByRole('listbox', { name: 'Country' }).getByRole('option', { name: /France/ })).toBeVisible();
});

test('Enter in a typeahead of a form chooses the only exact match and never submits the form', async ({ page }) => {
  await signIn(page, NCP_FRANCE.username, NCP_FRANCE.password, NCP_FRANCE.displayName);
  await page.goto('/seizures/new');
  const airport = page.getByRole('combobox', { name: 'Airport (IATA)' });
  await airport.focus();
  // Enter straight after typing, before the search has answered: the exact code is taken once it does.
  await page.keyboard.type('CDG');
  await page.keyboard.press('Enter');
  await expect(airport).toHaveValue(/\(CDG\)/);
  await expect(page.getByRole('listbox', { name: 'Airport (IATA)' })).toBeHidden();

  // Enter on a text that matches no option chooses nothing, and still does not submit.
  const place = page.getByRole('combobox', { name: 'Place (UN/LOCODE)' });
  await place.focus();
  await page.keyboard.type('zzzz');
  await expect(page.getByRole('listbox', { name: 'Place (UN/LOCODE)' })).toBeVisible();
  await page.keyboard.press('Enter');
  await expect(place).toHaveValue('zzzz');

  // Nothing was submitted: no error summary for the empty required fields, still a new record.
  await expect(page.getByText('Some fields need correcting; see the messages beside them.')).toHaveCount(0);
  await expect(page).toHaveURL(/\/seizures\/new$/);
});
