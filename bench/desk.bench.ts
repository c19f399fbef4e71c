import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { sql } from 'drizzle-orm';
import { startApp } from '../server/app.ts';
import { prepareDatabase } from '../server/database-setup.ts';
import { loadConfig } from '../server/platform/config.ts';
import { openDatabase } from '../server/platform/db/database.ts';
import { createAuditLog, createOrganisation, createUser, issueApiToken } from '../server/identity/index.ts';
import { uuidArray } from '../server/platform/db/pg-array.ts';

/**
 * I2C desk budget on PostgreSQL: a directory search with 5,000 contact points of 250 organisations,
 * p95 < 30 ms, over real HTTP with an API token (the app in this process). Several kinds of search:
 * a typeahead word, a country, a region with a risk area, a language open now, everything.
 */
const pct = (xs: number[], p: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor((p / 100) * xs.length))]!;
const COUNTRIES = ['FR', 'DE', 'KE', 'BR', 'BE', 'NL', 'ES', 'PT', 'NG', 'ZA', 'IN', 'CN', 'US', 'MX', 'TR', 'AE', 'RU', 'PK', 'AF', 'JP'];
const REGIONS = ['EUR', 'ESA', 'WCA', 'AP', 'AMC', 'MENA'];

export async function benchDesk() {
  const n = Number(process.env.OPENCEN_BENCH_DIRECTORY ?? 5000);
  const pgUrl = process.env.OPENCEN_BENCH_PG_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
  const admin = new pg.Client({ connectionString: pgUrl });
  if (!(await admin.connect().then(() => true, () => false))) {
    console.log(`\n[desk] skipped: cannot connect to ${pgUrl} (set OPENCEN_BENCH_PG_URL)`);
    return;
  }
  console.log(`\n[desk, PostgreSQL] directory of ${n.toLocaleString('en')} contact points`);
  await admin.query('DROP DATABASE IF EXISTS opencen_bench_desk WITH (FORCE)');
  await admin.query('CREATE DATABASE opencen_bench_desk');
  const u = new URL(pgUrl);
  u.pathname = '/opencen_bench_desk';
  const database = await openDatabase({ databaseUrl: u.toString() });
  try {
    await prepareDatabase(database);
    const audit = createAuditLog(database);
    const deps = { database, audit, countryExists: async () => true };
    const orgIds: string[] = [];
    for (let i = 0; i < 250; i++) {
      const org = await createOrganisation(deps, null, { name: `Bench customs ${i}`, shortName: `BENCH-${i}`, kind: 'customs', country: COUNTRIES[i % COUNTRIES.length], region: REGIONS[i % REGIONS.length] });
      orgIds.push(org.id);
    }
    const user = await createUser(deps, null, { username: 'bench.desk', displayName: 'Bench desk', email: 'bench.desk@example.org', orgId: orgIds[0], roles: ['ncp'], system: true, password: undefined });
    await database.db.execute(sql`INSERT INTO directory_entries (org_id, kind, name, unit, risk_areas, languages, time_zone, always_open, hours, phone, email, secure_channels)
      SELECT (${uuidArray(orgIds)})[1 + g % 250], (ARRAY['cen_ncp','cencomm','desk_24_7','rilo','police','interpol_ncb','other'])[1 + g % 7],
        'Contact point ' || g, 'Unit ' || (g % 40), ARRAY[(ARRAY['drugs','tobacco','ipr','environment','weapons','cash'])[1 + g % 6]],
        ARRAY[(ARRAY['en','fr','es','pt','ru','ar','sw'])[1 + g % 7], 'en'], (ARRAY['Europe/Paris','Africa/Nairobi','America/Sao_Paulo','Asia/Tokyo'])[1 + g % 4],
        g % 5 = 0, '[{"day":1,"opens":"08:00","closes":"17:00"},{"day":2,"opens":"08:00","closes":"17:00"},{"day":3,"opens":"08:00","closes":"17:00"},{"day":4,"opens":"08:00","closes":"17:00"},{"day":5,"opens":"08:00","closes":"17:00"}]'::jsonb,
        '+33 1 99 00 ' || lpad((g % 10000)::text, 4, '0'), 'desk' || g || '@customs.example.org', '{cencomm}'
      FROM generate_series(1, ${n}) g`);
    await database.exec('VACUUM ANALYZE directory_entries');

    const dataDir = mkdtempSync(join(tmpdir(), 'opencen-bench-desk-'));
    const config = loadConfig({ PORT: '0', HOST: '127.0.0.1', OPENCEN_DATA_DIR: dataDir, OPENCEN_DEMO: 'false', OPENCEN_JOBS: 'false', OPENCEN_LOG_LEVEL: 'silent', OPENCEN_COOKIE_SECURE: 'false' });
    const app = await startApp(config, { database, prepared: true, logger: false });
    const { token } = await issueApiToken(database, { name: 'bench desk', userId: user.id });
    const searches: Record<string, string> = {
      'typeahead word': 'q=point 42',
      country: 'country=KE',
      'region + risk area': 'region=EUR&riskArea=drugs',
      'language, open now': 'language=sw&openNow=true',
      'everything (first 100)': '',
    };
    const all: number[] = [];
    try {
      for (const [label, query] of Object.entries(searches)) {
        const times: number[] = [];
        for (let i = 0; i < 120; i++) {
          const t0 = performance.now();
          const res = await fetch(`${app.url}/api/v1/directory?${query}`, { headers: { authorization: `Bearer ${token}` } });
          const body = (await res.json()) as { entries: unknown[]; total: number };
          if (res.status !== 200) throw new Error(`${query}: ${res.status} ${JSON.stringify(body)}`);
          if (i >= 20) times.push(performance.now() - t0); // the first 20 warm up
          if (i === 0) console.log(`  ${label}: ${body.total.toLocaleString('en')} matches`);
        }
        all.push(...times);
        console.log(`    p50 ${pct(times, 50).toFixed(1)} ms, p95 ${pct(times, 95).toFixed(1)} ms, max ${Math.max(...times).toFixed(1)} ms`);
      }
    } finally {
      await app.close();
      rmSync(dataDir, { recursive: true, force: true });
    }
    console.log(`  all searches: p50 ${pct(all, 50).toFixed(1)} ms, p95 ${pct(all, 95).toFixed(1)} ms (budget p95 < 30 ms)`);
  } finally {
    await database.close();
    await admin.query('DROP DATABASE IF EXISTS opencen_bench_desk WITH (FORCE)');
    await admin.end();
  }
}
