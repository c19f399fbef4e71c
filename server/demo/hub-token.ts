import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { AppContext } from '../platform/context.ts';
import { findUserIdByUsername, issueApiToken } from '../identity/index.ts';

/** The system account of the demo's French nCEN on the hub, and the file its token is written to. */
export const DEMO_NATIONAL_ACCOUNT = 'system.fr-ncen';
export const DEMO_HUB_TOKEN_FILE = 'demo-hub-token';

/**
 * On a demo hub, issues once an API token to French customs' nCEN system account and writes it beside the
 * hub's data (readable by its owner only), so that `npm run start:national` links a demo national node to
 * this hub without a manual step. A real deployment issues its token with `opencen token:issue`.
 */
export async function writeDemoHubToken(ctx: Pick<AppContext, 'database' | 'audit' | 'config'>, log: (m: string) => void): Promise<void> {
  if (ctx.config.role !== 'hub') return;
  const path = join(ctx.config.dataDir, DEMO_HUB_TOKEN_FILE);
  if (existsSync(path)) return;
  const userId = await findUserIdByUsername(ctx.database, DEMO_NATIONAL_ACCOUNT);
  if (!userId) return;
  const issued = await issueApiToken(ctx.database, { name: 'demo national node', userId });
  await ctx.audit.record({ actor: null, action: 'token.issue', targetType: 'api_token', targetId: issued.id, detail: { name: issued.name, via: 'demo' } });
  writeFileSync(path, `${issued.token}\n`, { mode: 0o600 });
  log(`demo: the French nCEN's token for this hub is in ${path} (npm run start:national reads it)`);
}
