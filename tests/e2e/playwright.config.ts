import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { defineConfig } from '@playwright/test';
import { NATIONAL_PORT } from './support/national-node.ts';

// Other ports can be chosen when two runs share a machine.
const PORT = Number(process.env.OPENCEN_E2E_PORT ?? 8199);
const repoRoot = fileURLToPath(new URL('../..', import.meta.url));

// One fresh data folder per run and per node. Workers load this file again; they inherit the folders through the environment.
if (!process.env.OPENCEN_E2E_DATA_DIR) process.env.OPENCEN_E2E_DATA_DIR = mkdtempSync(join(tmpdir(), 'opencen-e2e-'));
if (!process.env.OPENCEN_E2E_NATIONAL_DATA_DIR) process.env.OPENCEN_E2E_NATIONAL_DATA_DIR = mkdtempSync(join(tmpdir(), 'opencen-e2e-national-'));
const dataDir = process.env.OPENCEN_E2E_DATA_DIR;
const nationalDataDir = process.env.OPENCEN_E2E_NATIONAL_DATA_DIR;

const serverEnv = {
  ...(process.env as Record<string, string>),
  OPENCEN_LOG_LEVEL: 'warn',
  OPENCEN_DEMO: 'true',
  // Every spec signs in from this one address, more often than a person would.
  OPENCEN_SIGNIN_PER_ADDRESS: '1000',
};

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
    { name: 'chromium', testMatch: /\.spec\.ts$/, testIgnore: /national\.spec\.ts$/, dependencies: ['admin-enrolment'] },
    // The national node's pages, against the national server (the spec sets its baseURL).
    { name: 'national', testMatch: /national\.spec\.ts$/ },
  ],
  webServer: [
    {
      command: 'npx tsx server/main.ts',
      cwd: repoRoot,
      url: `http://localhost:${PORT}/api/health`,
      timeout: 120_000,
      reuseExistingServer: false,
      stdout: 'ignore',
      stderr: 'pipe',
      env: { ...serverEnv, PORT: String(PORT), OPENCEN_DATA_DIR: dataDir },
    },
    {
      command: 'npx tsx server/main.ts',
      cwd: repoRoot,
      url: `http://localhost:${NATIONAL_PORT}/api/health`,
      // The national demo (entities sealed one by one, their blind keys) takes longer to seed than the hub's.
      timeout: 300_000,
      reuseExistingServer: false,
      stdout: 'ignore',
      stderr: 'pipe',
      env: {
        ...serverEnv,
        PORT: String(NATIONAL_PORT),
        OPENCEN_DATA_DIR: nationalDataDir,
        OPENCEN_ROLE: 'national',
        // Its own database, never the hub's: a PostgreSQL database of its own, else the embedded one in its data folder
        // (undefined removes the hub's DATABASE_URL from the environment the server inherits).
        DATABASE_URL: process.env.OPENCEN_E2E_NATIONAL_DATABASE_URL as string,
      },
    },
  ],
});
