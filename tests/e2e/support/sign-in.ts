import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { expect, type Page } from '@playwright/test';
import { totpFiles } from './demo-accounts.ts';
import { currentStep, totpCode, waitForStepAfter } from './totp.ts';

/** Fills the sign-in form; the caller checks where it leads. */
export async function submitCredentials(page: Page, username: string, password: string): Promise<void> {
  await page.goto('/');
  await page.locator('#username').fill(username);
  await page.locator('#password').fill(password);
  await page.locator('form button[type="submit"]').click();
}

/**
 * Signs in and waits for the home page. A user who must pass a second factor (an operation coordinator, say)
 * enrols at the first sign-in of the run — the secret is kept beside the run's data — and later gives a fresh
 * code, waiting for a new time step when the last one was used (the server refuses a replayed code).
 */
export async function signIn(page: Page, username: string, password: string, displayName: string | RegExp): Promise<void> {
  await submitCredentials(page, username, password);
  // The sign-in page's own heading must not pass for the next page's.
  await expect(page.locator('#username')).toBeHidden();
  const home = page.getByRole('heading', { level: 1, name: typeof displayName === 'string' ? new RegExp(displayName) : displayName });
  const enrol = page.getByRole('heading', { name: 'Set up two-step verification' });
  const verify = page.getByRole('heading', { name: 'Two-step verification', exact: true });
  await expect(home.or(enrol).or(verify)).toBeVisible();
  const { secretFile, stepFile } = totpFiles(username);
  if (await enrol.isVisible()) {
    const secret = (await page.getByTestId('totp-secret').textContent())?.trim() ?? '';
    writeFileSync(secretFile, secret);
    writeFileSync(stepFile, String(currentStep()));
    await page.locator('#totp-code').fill(totpCode(secret));
    await page.getByRole('button', { name: 'Activate and continue' }).click();
  } else if (await verify.isVisible()) {
    const secret = readFileSync(secretFile, 'utf8');
    if (existsSync(stepFile)) await waitForStepAfter(Number(readFileSync(stepFile, 'utf8')));
    writeFileSync(stepFile, String(currentStep()));
    await page.locator('#totp-code').fill(totpCode(secret));
    await page.getByRole('button', { name: 'Verify' }).click();
  }
  await expect(home).toBeVisible();
}

export async function signOut(page: Page): Promise<void> {
  await page.locator('.app-header').getByRole('button', { name: 'Sign out' }).click();
  await expect(page.locator('#username')).toBeVisible();
}
