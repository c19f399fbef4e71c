import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { defineConfig } from '@playwright/test';

// Another port can be chosen when two runs share a machine.
const PORT = Number(process.env.OPENCEN_E2E_PORT ?? 8199);
const repoRoot = fileURLToPath(new URL('../..', import.meta.url));

// One fresh data folder per run. Workers load this file again; they inherit the folder through the environment.
if (!process.env.OPENCEN_E2E_DATA_DIR) process.env.OPENCEN_E2E_DATA_DIR = mkdtempSync(join(tmpdir(), 'opencen-e2e-'));
const dataDir = process.env.OPENCEN_E2E_DATA_DIR;

export default defineConfig({
  testDir: '.',
  outputDir: join(repoRoot, 'test-results'),
  fullyParallel: false,
  workers: 1,
  retries: 0,
  forbidOnly: !!process.env.CI,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: [['list']],
  globalTeardown: './global-teardown.ts',
  use: {
    baseURL: `http://localhost:${PORT}`,
    headless: true,
    locale: 'en-GB',
    timezoneId: 'UTC',
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    },
  },
  projects: [
    // The administrator must enrol TOTP at first sign-in; the admin tests reuse the session it leaves.
    { name: 'admin-enrolment', testMatch: /admin-enrolment\.setup\.ts$/ },
    { name: 'chromium', testMatch: /\.spec\.ts$/, dependencies: ['admin-enrolment'] },
  ],
  webServer: {
    command: 'npx tsx server/main.ts',
    cwd: repoRoot,
    url: `http://localhost:${PORT}/api/health`,
    timeout: 120_000,
    reuseExistingServer: false,
    stdout: 'ignore',
    stderr: 'pipe',
    env: {
      ...(process.env as Record<string, string>),
      PORT: String(PORT),
      OPENCEN_DATA_DIR: dataDir,
      OPENCEN_LOG_LEVEL: 'warn',
      OPENCEN_DEMO: 'true',
      // Every spec signs in from this one address, more often than a person would.
      OPENCEN_SIGNIN_PER_ADDRESS: '1000',
    },
  },
});
