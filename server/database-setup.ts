import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { dirname, join } from 'node:path';
import type { Config } from './platform/config.ts';
import { PROJECT_ROOT } from './platform/paths.ts';
import { listMigrations } from './platform/db/migrate.ts';
import { openDatabase, embeddedDir, type Database } from './platform/db/database.ts';
import { migrate } from './platform/db/migrate.ts';
import { loadReferenceData, createReferenceService, REFERENCE_DATA_DIR } from './reference/index.ts';
import type { DemoReference } from './demo/seed.ts';

// What the server, the command-line tool and the test setup share to reach a ready database,
// kept apart from the HTTP server so that `npx opencen` starts quickly.

/** Migrations and reference data: what every database needs before the app serves it. */
export async function prepareDatabase(database: Database, log: (m: string) => void = () => undefined, role: Config['role'] = 'hub') {
  await migrate(database, log, role);
  await loadReferenceData(database, log);
}

/** Built by `npm run build` (scripts/build-database-template.ts): an embedded database ready but for users. */
export const EMBEDDED_TEMPLATE_DIR = join(PROJECT_ROOT, 'dist', 'pgdata-template');

/** What the embedded template was built from: the hub's migrations and the reference data files (a national node adds its own at start). */
export function databaseFingerprint(): string {
  const h = createHash('sha256').update(listMigrations().map((m) => m.checksum).join());
  for (const f of readdirSync(REFERENCE_DATA_DIR).sort()) h.update(f).update(readFileSync(join(REFERENCE_DATA_DIR, f)));
  return h.digest('hex');
}

export async function openConfiguredDatabase(config: Config): Promise<Database> {
  if (config.databaseUrl) return openDatabase({ databaseUrl: config.databaseUrl });
  const dir = embeddedDir(config.dataDir);
  // A new data folder starts from the built template when there is one (migrations still run
  // at start, so a template older than the code is brought up to date).
  if (!existsSync(join(dir, 'PG_VERSION')) && existsSync(join(EMBEDDED_TEMPLATE_DIR, '.opencen-template'))) {
    mkdirSync(dirname(dir), { recursive: true });
    cpSync(EMBEDDED_TEMPLATE_DIR, dir, { recursive: true });
  }
  return openDatabase({ pgliteDir: dir });
}

/** The RILOs and WCO members the demo directory creates organisations for, read through the reference service. */
export async function demoReference(database: Database): Promise<DemoReference> {
  const ref = createReferenceService(database);
  const rilos = (await ref.search('rilos', { limit: 50, lang: 'en' })).map((r) => ({
    code: r.code,
    name: r.label,
    region: String(r.region),
    country: (r.seatCountry as string | null) ?? null,
  }));
  const members: DemoReference['members'] = [];
  for (const region of await ref.search('regions', { limit: 50, lang: 'en' })) {
    for (const country of region.countries as string[]) {
      const item = await ref.get('countries', country, 'en');
      if (item) members.push({ country, name: item.label, region: region.code });
    }
  }
  return { rilos, members };
}

