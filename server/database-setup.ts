import type { Config } from './platform/config.ts';
import { openDatabase, embeddedDir, type Database } from './platform/db/database.ts';
import { migrate } from './platform/db/migrate.ts';
import { loadReferenceData, createReferenceService } from './reference/module.ts';
import type { DemoReference } from './demo/seed.ts';

// What the server, the command-line tool and the test setup share to reach a ready database,
// kept apart from the HTTP server so that `npx opencen` starts quickly.

/** Migrations and reference data: what every database needs before the app serves it. */
export async function prepareDatabase(database: Database, log: (m: string) => void = () => undefined) {
  await migrate(database, log);
  await loadReferenceData(database, log);
}

export async function openConfiguredDatabase(config: Config): Promise<Database> {
  return openDatabase(config.databaseUrl ? { databaseUrl: config.databaseUrl } : { pgliteDir: embeddedDir(config.dataDir) });
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

