import { expect, type Page } from '@playwright/test';

/** Fills the sign-in form; the caller checks where it leads. */
export async function submitCredentials(page: Page, username: string, password: string): Promise<void> {
  await page.goto('/');
  await page.locator('#username').fill(username);
  await page.locator('#password').fill(password);
  await page.locator('form button[type="submit"]').click();
}

/** Signs in a user who needs no second factor and waits for the home page. */
export async function signIn(page: Page, username: string, password: string, displayName: string): Promise<void> {
  await submitCredentials(page, username, password);
  await expect(page.getByRole('heading', { level: 1, name: new RegExp(displayName) })).toBeVisible();
}

export async function signOut(page: Page): Promise<void> {
  await page.locator('.app-header').getByRole('button', { name: 'Sign out' }).click();
  await expect(page.locator('#username')).toBeVisible();
}
