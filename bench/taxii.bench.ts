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

/**
 * TAXII budget (alerts, STIX/TAXII) on PostgreSQL: a page of 1,000 objects of a collection (333 alerts and
 * a bit, each a report, an indicator and its author's identity), read from 5,000 alerts circulated to the
 * reader's administration, budget < 200 ms. Real HTTP with an API token, the app in this process.
 */
const pct = (xs: number[], p: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor((p / 100) * xs.length))]!;

export async function benchTaxii() {
  const n = Number(process.env.OPENCEN_BENCH_ALERTS ?? 5000);
  const pgUrl = process.env.OPENCEN_BENCH_PG_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
  const admin = new pg.Client({ connectionString: pgUrl });
  if (!(await admin.connect().then(() => true, () => false))) {
    console.log(`\n[taxii] skipped: cannot connect to ${pgUrl} (set OPENCEN_BENCH_PG_URL)`);
    return;
  }
  console.log(`\n[taxii, PostgreSQL] ${n.toLocaleString('en')} circulated alerts, pages of 1,000 objects`);
  await admin.query('DROP DATABASE IF EXISTS opencen_bench_taxii WITH (FORCE)');
  await admin.query('CREATE DATABASE opencen_bench_taxii');
  const u = new URL(pgUrl);
  u.pathname = '/opencen_bench_taxii';
  const database = await openDatabase({ databaseUrl: u.toString() });
  try {
    await prepareDatabase(database);
    const audit = createAuditLog(database);
    const deps = { database, audit, countryExists: async () => true };
    const author = await createOrganisation(deps, null, { name: 'Bench author', shortName: 'BENCH-FR', kind: 'customs', country: 'FR', region: null });
    const reader = await createOrganisation(deps, null, { name: 'Bench reader', shortName: 'BENCH-DE', kind: 'customs', country: 'DE', region: null });
    const user = await createUser(deps, null, { username: 'bench.taxii', displayName: 'Bench TAXII', email: 'bench.taxii@example.org', orgId: reader.id, roles: ['ncp'], system: true, password: undefined });
    await database.db.execute(sql`INSERT INTO alerts (reference, status, title, risk_area, language, commodities, hs_codes, modus_operandi, route, route_countries, transport_mode,
        indicators, recommended_action, valid_from, valid_until, handling, source_reliability, info_credibility, author_org_id, author_id, circulated_at)
      SELECT 'AL-BENCH-' || lpad(g::text, 6, '0'), 'circulated', 'Bench alert ' || g, 'drugs', 'en',
        '[{"hsCode":"293972","description":"Cocaine"}]'::jsonb, '{293972}', 'Bags behind the doors of reefer containers.',
        '[{"role":"departure","country":"EC","place":"Guayaquil"},{"role":"destination","country":"FR","place":"Le Havre"}]'::jsonb, '{EC,FR}', 'sea',
        '["Seal number differs from the bill of lading"]'::jsonb, 'Check the seals.', '2026-01-01', '2027-12-31', 'H2', 'B', 2, ${author.id}, ${user.id}, now()
      FROM generate_series(1, ${n}) g`);
    await database.db.execute(sql`INSERT INTO alert_recipients (alert_id, org_id, via, added_at)
      SELECT id, ${reader.id}, 'org', now() - (row_number() OVER (ORDER BY reference DESC)) * interval '1 minute' FROM alerts`);
    await database.exec('VACUUM ANALYZE alerts');
    await database.exec('VACUUM ANALYZE alert_recipients');

    const dataDir = mkdtempSync(join(tmpdir(), 'opencen-bench-taxii-'));
    const config = loadConfig({ PORT: '0', HOST: '127.0.0.1', OPENCEN_DATA_DIR: dataDir, OPENCEN_DEMO: 'false', OPENCEN_JOBS: 'false', OPENCEN_LOG_LEVEL: 'silent', OPENCEN_COOKIE_SECURE: 'false' });
    const app = await startApp(config, { database, prepared: true, logger: false });
    const { token } = await issueApiToken(database, { name: 'bench taxii', userId: user.id });
    const get = async (path: string) => {
      const t0 = performance.now();
      const res = await fetch(app.url + path, { headers: { authorization: `Bearer ${token}`, accept: 'application/taxii+json;version=2.1' } });
      const body = (await res.json()) as { collections?: { id: string; title: string }[]; objects?: unknown[]; next?: string };
      if (res.status !== 200) throw new Error(`${path}: ${res.status} ${JSON.stringify(body)}`);
      return { body, ms: performance.now() - t0 };
    };
    const first: number[] = [];
    const pages: number[] = [];
    let total = 0;
    try {
      const collection = (await get('/taxii2/alerts/collections/')).body.collections![0].id;
      const objects = `/taxii2/alerts/collections/${collection}/objects/?limit=1000`;
      for (let i = 0; i < 3; i++) await get(objects); // warm-up
      for (let i = 0; i < 20; i++) {
        const page = await get(objects);
        first.push(page.ms);
        if (page.body.objects?.length !== 1000) throw new Error(`a page has ${page.body.objects?.length} objects`);
      }
      // Paging through the whole collection with `next`.
      let next: string | undefined;
      do {
        const page = await get(next ? `${objects}&next=${encodeURIComponent(next)}` : objects);
        pages.push(page.ms);
        total += page.body.objects?.length ?? 0;
        next = page.body.next;
      } while (next);
    } finally {
      await app.close();
      rmSync(dataDir, { recursive: true, force: true });
    }
    const fmt = (x: number) => x.toFixed(1);
    console.log(`  first page of 1,000 objects: p50 ${fmt(pct(first, 50))} ms, p95 ${fmt(pct(first, 95))} ms, max ${fmt(Math.max(...first))} ms (budget < 200 ms)`);
    console.log(`  paging the collection (${total.toLocaleString('en')} objects, ${pages.length} pages): p50 ${fmt(pct(pages, 50))} ms, p95 ${fmt(pct(pages, 95))} ms, max ${fmt(Math.max(...pages))} ms`);
  } finally {
    await database.close();
    await admin.query('DROP DATABASE IF EXISTS opencen_bench_taxii WITH (FORCE)');
    await admin.end();
  }
}
