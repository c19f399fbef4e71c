import { expect, test, type Locator, type Page } from '@playwright/test';
import { DEMO_PASSWORD, NCP_FRANCE } from './support/demo-accounts.ts';
import { signIn, signOut } from './support/sign-in.ts';

const RILO_WEU = { username: 'rilo.weu', password: DEMO_PASSWORD, displayName: /./ };
const VIEWER_BELGIUM = { username: 'viewer.belgium', password: DEMO_PASSWORD };

// A word of this run only, so that reruns against one database never meet an older record.
const STAMP = `kestrel${String(Date.now()).slice(-8)}`;
// A 1×1 PNG: the server sniffs the type and makes a thumbnail of it.
const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==', 'base64');

/** Yesterday at 10:30 in the browser's time zone (UTC in these tests), as a datetime-local value. */
function yesterday(): string {
  const d = new Date(Date.now() - 86_400_000);
  return `${d.toISOString().slice(0, 10)}T10:30`;
}

/** Types into a reference combobox and picks the first suggestion with the keyboard. */
async function choose(page: Page, combobox: Locator, text: string, option: RegExp, list = false) {
  await combobox.click();
  await combobox.pressSequentially(text, { delay: 20 });
  // The suggestions follow the typing with a short delay: wait until the first one is the one wanted.
  const listbox = page.locator(`#${await combobox.getAttribute('aria-controls')}`);
  await expect(listbox.getByRole('option').first()).toHaveText(option);
  await combobox.press('ArrowDown');
  await combobox.press('Enter');
  // A list field turns the choice into a chip and empties the box for the next one.
  await expect(combobox).toHaveValue(list ? '' : option);
}

async function signInAs(page: Page, username: string) {
  // The shared sign-in passes the second factor when one is asked (rilo.weu coordinates Global Shield).
  await signIn(page, username, DEMO_PASSWORD, /./);
  await expect(page.locator('.app-header')).toBeVisible();
}

test.describe.configure({ mode: 'serial' });

let reference = '';
let seizureUrl = '';

test('an NCP records a seizure with the keyboard, saves a draft, adds a photo and submits it', async ({ page }) => {
  await signIn(page, NCP_FRANCE.username, NCP_FRANCE.password, NCP_FRANCE.displayName);
  await page.getByRole('navigation', { name: 'Main navigation' }).getByRole('link', { name: 'Seizures', exact: true }).click();
  await page.getByRole('navigation', { name: 'Seizure pages' }).getByRole('link', { name: 'Record a seizure' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Record a seizure' })).toBeVisible();

  await page.locator('#seizure-seizedAt').fill(yesterday());
  // A new record starts in the reporting administration's country.
  await expect(page.locator('#seizure-country')).toHaveValue(/France \(FR\)/);
  await page.locator('#seizure-locationType').selectOption('airport');
  await choose(page, page.locator('#seizure-placeIata'), 'CDG', /Charles de Gaulle/);
  await page.locator('#seizure-direction').selectOption('import');
  await page.locator('#seizure-transportMode').selectOption('air');
  await page.locator('#seizure-conveyanceType').selectOption('baggage');

  // The commodity fixes the units offered: cocaine is weighed, never counted in sticks.
  await choose(page, page.locator('#seizure-commodities-0-commodity'), 'cocaine', /Cocaine/);
  const unit = page.locator('#seizure-commodities-0-unit');
  await expect(unit).toHaveValue('kg');
  await expect(unit.locator('option[value="sticks"]')).toHaveCount(0);
  await page.locator('#seizure-commodities-0-quantity').fill('12.5');
  await expect(page.locator('#seizure-commodities-0-hsCode')).toHaveValue(/293972/);

  // A second line, moved above the first with the keyboard, then removed again.
  await page.getByRole('button', { name: 'Add a commodity line' }).click();
  await choose(page, page.locator('#seizure-commodities-1-commodity'), 'heroin', /Heroin/);
  await page.locator('#seizure-commodities-1-quantity').fill('2');
  await page.getByRole('button', { name: 'Move Line 2 up' }).focus();
  await page.keyboard.press('Enter');
  await expect(page.locator('#seizure-commodities-0-commodity')).toHaveValue(/Heroin/);
  await page.getByRole('button', { name: 'Remove Line 1' }).click();
  await expect(page.locator('#seizure-commodities-0-commodity')).toHaveValue(/Cocaine/);
  await expect(page.locator('#seizure-commodities-1-commodity')).toHaveCount(0);

  await choose(page, page.locator('#seizure-detectionMethods'), 'x-ray', /X-ray/, true);
  await expect(page.getByTestId('seizure-detectionMethods-chosen')).toContainText('XRAY');
  await choose(page, page.locator('#seizure-concealmentMethods'), 'false bottom', /false bottom/, true);
  await expect(page.getByTestId('seizure-concealmentMethods-chosen')).toContainText('LUGGAGE_FALSE_BOTTOM');

  await page.getByRole('button', { name: 'Add a route leg' }).click();
  await choose(page, page.locator('#seizure-route-0-country'), 'colombia', /Colombia/);
  await page.getByRole('button', { name: 'Add a route leg' }).click();
  await expect(page.locator('#seizure-route-1-role')).toHaveValue('destination');
  await choose(page, page.locator('#seizure-route-1-country'), 'fra', /France/);

  await page.getByRole('button', { name: 'Add a group of offenders' }).click();
  await choose(page, page.locator('#seizure-offenders-0-nationality'), 'colombia', /Colombia/);
  await page.locator('#seizure-offenders-0-gender').selectOption('female');
  await page.locator('#seizure-offenders-0-ageBand').selectOption('26_35');

  await page.locator('#seizure-narrative').fill(`Courier from Bogotá; ${STAMP} powder in a suitcase with a false bottom.`);
  await page.getByRole('button', { name: 'Save draft' }).click();
  await expect(page.locator('.toast').filter({ hasText: /Draft .* saved/ })).toBeVisible();
  await expect(page).toHaveURL(/\/seizures\/[0-9a-f-]{36}\/edit$/);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(/Change seizure FR-\d{4}-\d+/);
  reference = (await page.getByRole('heading', { level: 1 }).textContent())!.replace('Change seizure ', '').trim();

  // A file that is not an image is refused beside the field; a PNG is stored and its thumbnail shown.
  await page.locator('#seizure-photo-file').setInputFiles({ name: 'notes.txt', mimeType: 'text/plain', buffer: Buffer.from('not an image') });
  await expect(page.locator('[data-field-error="seizure-photo-file"]')).toHaveText('notes.txt is not an image.');
  await page.locator('#seizure-photo-file').setInputFiles({ name: 'suitcase.png', mimeType: 'image/png', buffer: PNG });
  const thumb = page.getByTestId('seizure-photos').getByRole('img', { name: 'suitcase.png' });
  await expect(thumb).toBeVisible();
  await thumb.scrollIntoViewIfNeeded();
  await expect.poll(() => thumb.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth > 0)).toBe(true);

  await page.getByRole('button', { name: 'Submit for validation' }).click();
  await expect(page).toHaveURL(/\/seizures\/[0-9a-f-]{36}$/);
  seizureUrl = new URL(page.url()).pathname;
  await expect(page.locator('[data-status="submitted"]')).toBeVisible();
  await expect(page.getByTestId('seizure-history').locator('[data-action="submitted"]')).toBeVisible();
});

test('the RILO returns it with a comment; the NCP is notified, corrects it and resubmits; the RILO validates it', async ({ page, browser }) => {
  // The NCP stays signed in elsewhere to receive the live notification.
  const ncpContext = await browser.newContext();
  const ncp = await ncpContext.newPage();
  await signIn(ncp, NCP_FRANCE.username, NCP_FRANCE.password, NCP_FRANCE.displayName);
  await expect(ncp.locator('.connection-online')).toBeVisible();

  await signInAs(page, RILO_WEU.username);
  await page.getByRole('navigation', { name: 'Main navigation' }).getByRole('link', { name: 'Seizures', exact: true }).click();
  await page.getByRole('navigation', { name: 'Seizure pages' }).getByRole('link', { name: 'Validation queue' }).click();
  const row = page.getByTestId('seizure-queue').locator(`tr[data-reference="${reference}"]`);
  await expect(row).toBeVisible();
  await expect(row).toContainText('France');
  await row.getByRole('link', { name: reference }).click();
  await expect(page.getByRole('heading', { level: 1, name: `Seizure ${reference}` })).toBeVisible();
  await expect(page.getByTestId('seizure-commodities')).toContainText('Cocaine');
  await expect(page.getByTestId('seizure-commodities')).toContainText('12.5');

  // Returning needs a comment: the error is beside the field.
  const review = page.getByTestId('review-form');
  await review.getByRole('button', { name: 'Return for correction' }).click();
  await expect(page.locator('[data-field-error="review-comment"]')).toHaveText('Write a comment saying what to correct.');
  await review.getByLabel('Comment').fill('The quantity looks wrong: the report says 12.8 kg.');
  await review.getByRole('button', { name: 'Return for correction' }).click();
  await expect(page.locator('[data-status="returned"]')).toBeVisible();

  // The NCP's app shows the notification; its link opens the seizure.
  const toast = ncp.locator('.toast').filter({ hasText: `Seizure ${reference} returned for correction` });
  await expect(toast).toBeVisible();
  await toast.getByRole('link', { name: 'Open' }).click();
  await expect(ncp).toHaveURL(new RegExp(`${seizureUrl}$`));
  await expect(ncp.getByTestId('return-comment')).toContainText('12.8 kg');
  await ncp.getByRole('link', { name: 'Edit' }).click();
  await expect(ncp.getByRole('heading', { level: 1, name: `Change seizure ${reference}` })).toBeVisible();
  await expect(ncp.getByTestId('return-comment')).toContainText('12.8 kg');
  await ncp.locator('#seizure-commodities-0-quantity').fill('12.8');
  await ncp.getByRole('button', { name: 'Submit for validation' }).click();
  await expect(ncp.locator('[data-status="submitted"]')).toBeVisible();
  await expect(ncp.getByTestId('seizure-commodities')).toContainText('12.8');
  await ncpContext.close();

  await page.getByRole('navigation', { name: 'Seizure pages' }).getByRole('link', { name: 'Validation queue' }).click();
  await page.getByTestId('seizure-queue').getByRole('link', { name: reference }).click();
  await expect(page.getByTestId('seizure-history').locator('[data-action="returned"]')).toContainText('12.8 kg');
  await page.getByTestId('review-form').getByRole('button', { name: 'Validate' }).click();
  await expect(page.locator('[data-status="validated"]')).toBeVisible();
  await expect(page.getByTestId('review-form')).toHaveCount(0);
  await signOut(page);
});

test('a reader of another administration finds the validated seizure with filters and opens it', async ({ page }) => {
  await signInAs(page, VIEWER_BELGIUM.username);
  await page.getByRole('navigation', { name: 'Main navigation' }).getByRole('link', { name: 'Seizures', exact: true }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Search seizures' })).toBeVisible();
  const filters = page.getByRole('search', { name: 'Seizure filters' });
  await filters.getByLabel('Free text').fill(STAMP);
  await choose(page, page.locator('#filter-country'), 'fra', /France/, true);
  await choose(page, page.locator('#filter-routeCountry'), 'colombia', /Colombia/, true);
  await filters.getByLabel('Category').selectOption('DRUGS');
  await choose(page, page.locator('#filter-hs'), '2939', /2939\)?$/);
  await filters.getByLabel('Means of transport').selectOption('air');
  await filters.getByRole('button', { name: 'Search' }).click();

  await expect(page).toHaveURL(/country=FR/);
  await expect(page).toHaveURL(/category=DRUGS/);
  await expect(page.getByTestId('result-count')).toHaveText('Seizures found: 1');
  const row = page.getByTestId('seizure-results').locator(`tr[data-reference="${reference}"]`);
  await expect(row).toContainText('Colombia → France');
  await expect(row.locator('[data-status="validated"]')).toBeVisible();

  // A filter that excludes it: another category.
  await filters.getByLabel('Category').selectOption('TOBACCO');
  await filters.getByRole('button', { name: 'Search' }).click();
  await expect(page.getByTestId('result-count')).toHaveText('Seizures found: 0');
  await page.goBack();
  await expect(page.getByTestId('result-count')).toHaveText('Seizures found: 1');

  // The export links carry the same filters.
  await expect(page.locator('a[data-format="csv"]')).toHaveAttribute('href', /\/api\/v1\/seizures\/export\?format=csv&.*country=FR/);

  await row.getByRole('link', { name: reference }).click();
  await expect(page.getByRole('heading', { level: 1, name: `Seizure ${reference}` })).toBeVisible();
  const fields = page.getByTestId('seizure-fields');
  await expect(fields).toContainText('Paris Charles de Gaulle Airport (CDG)');
  await expect(fields).toContainText('X-ray');
  await expect(page.getByTestId('seizure-route')).toContainText('Colombia');
  await expect(page.getByTestId('seizure-photos').getByRole('img', { name: 'suitcase.png' })).toBeVisible();
  await expect(page.getByTestId('seizure-narrative')).toContainText(STAMP);
  // A reader has no actions.
  await expect(page.getByRole('link', { name: 'Edit' })).toHaveCount(0);
  await expect(page.getByTestId('review-form')).toHaveCount(0);
});
