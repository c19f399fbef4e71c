import { join } from 'node:path';

export const DEMO_PASSWORD = 'OpenCEN-demo-2026!';
export const ADMIN = { username: 'admin', password: DEMO_PASSWORD, displayName: 'OpenCEN Administrator' };
export const NCP_FRANCE = { username: 'ncp.france', password: DEMO_PASSWORD, displayName: 'Claire Martin' };

function dataDir(): string {
  const dir = process.env.OPENCEN_E2E_DATA_DIR;
  if (!dir) throw new Error('OPENCEN_E2E_DATA_DIR is not set; run the tests through tests/e2e/playwright.config.ts.');
  return dir;
}

/** The signed-in administrator's browser state, written by the enrolment setup. */
export const adminStatePath = () => join(dataDir(), 'admin-browser-state.json');
/** The administrator's TOTP secret, as read from the enrolment page. */
export const adminSecretPath = () => join(dataDir(), 'admin-totp-secret.txt');
/** The TOTP time step of the last code the administrator used. */
export const adminStepPath = () => join(dataDir(), 'admin-totp-step.txt');

/** Where a user's TOTP secret and last used time step are kept during a run (the administrator's files for admin). */
export function totpFiles(username: string): { secretFile: string; stepFile: string } {
  if (username === ADMIN.username) return { secretFile: adminSecretPath(), stepFile: adminStepPath() };
  const safe = username.replace(/[^a-z0-9._-]/gi, '_');
  return { secretFile: join(dataDir(), `totp-secret-${safe}.txt`), stepFile: join(dataDir(), `totp-step-${safe}.txt`) };
}
