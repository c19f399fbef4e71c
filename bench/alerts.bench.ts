import pg from 'pg';
import { sql } from 'drizzle-orm';
import { prepareDatabase } from '../server/database-setup.ts';
import { openDatabase, type Database } from '../server/platform/db/database.ts';
import { createJobRunner } from '../server/platform/jobs/job-runner.ts';
import type { AppContext } from '../server/platform/context.ts';
import { rngOf, type Rng } from '../server/platform/seeded-random.ts';
import { createAuditLog } from '../server/identity/index.ts';
import { createLists, createProfiles, indicatorsSchema, profileMatches, sweepProfiles } from '../server/alerts/testing.ts';
import { loadSeizures } from './seizures.bench.ts';

/**
 * Intelligence-profile budgets (issue 14) on PostgreSQL: 1,000,000 seizures and 10,000 active profiles.
 * - the standing query: one changed validated seizure matched against every active profile (the sweep's
 *   statement, and the whole sweep with its notices), budget < 50 ms;
 * - a back-test of one profile over every validated seizure, budget < 2 s.
 * OPENCEN_BENCH_KEEP=1 keeps the database for the next run.
 */
const HS = ['2939', '293972', '2402', '240220', '3004', '0507', '9305', '3102', '6204', '8517', '7113', '4412', '2710', '9701', '0106'];
const COUNTRIES = ['EC', 'CO', 'PE', 'BR', 'PA', 'NL', 'BE', 'ES', 'FR', 'DE', 'PL', 'LT', 'CN', 'VN', 'TH', 'MY', 'IN', 'PK', 'AF', 'IR', 'TR', 'AE', 'NG', 'KE', 'ZA', 'MZ', 'ET', 'US', 'MX', 'GB'];
const CONCEALMENT = ['RIP_ON_RIP_OFF', 'CONTAINER_STRUCTURE', 'LUGGAGE_FALSE_BOTTOM', 'BODY_STRAPPED', 'SWALLOWED', 'POSTAL_PARCEL', 'VEHICLE_BUILT_COMPARTMENT', 'CARGO_MIXED_LEGITIMATE'];
const MODES = ['air', 'sea', 'road', 'rail', 'postal'] as const;

const pick = <T>(rng: Rng, xs: readonly T[], n = 1): T[] => Array.from(new Set(Array.from({ length: n }, () => xs[Math.floor(rng() * xs.length)]!)));
const pct = (xs: number[], p: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor((p / 100) * xs.length))]!;
const ms = (x: number) => x.toFixed(1);

async function loadProfiles(database: Database, n: number, orgId: string, userId: string) {
  const rng = rngOf(14);
  const rows = Array.from({ length: n }, (_, i) => {
    const kinds = pick(rng, ['hs', 'route', 'concealment', 'mode', 'country'] as const, 2 + Math.floor(rng() * 2));
    return {
      ref: `RP-BENCH-${String(i).padStart(6, '0')}`,
      hs: kinds.includes('hs') ? pick(rng, HS, 1 + Math.floor(rng() * 2)) : [],
      route: kinds.includes('route') ? pick(rng, COUNTRIES, 1 + Math.floor(rng() * 3)) : [],
      conc: kinds.includes('concealment') ? pick(rng, CONCEALMENT) : [],
      modes: kinds.includes('mode') ? pick(rng, MODES) : [],
      countries: kinds.includes('country') ? pick(rng, COUNTRIES, 1 + Math.floor(rng() * 2)) : [],
    };
  });
  for (let i = 0; i < rows.length; i += 2000)
    await database.db.execute(sql`INSERT INTO intel_profiles (reference, title, risk_area, handling, hs_prefixes, route_countries, concealment_methods, transport_modes, countries, owner_org_id, owner_id)
      SELECT r.ref, 'Bench profile ' || r.ref, 'drugs', 'H2', ARRAY(SELECT json_array_elements_text(r.hs)), ARRAY(SELECT json_array_elements_text(r.route)),
             ARRAY(SELECT json_array_elements_text(r.conc)), ARRAY(SELECT json_array_elements_text(r.modes)), ARRAY(SELECT json_array_elements_text(r.countries)), ${orgId}, ${userId}
      FROM json_to_recordset(${JSON.stringify(rows.slice(i, i + 2000))}::json) AS r(ref text, hs json, route json, conc json, modes json, countries json)`);
}

export async function benchAlerts() {
  const n = Number(process.env.OPENCEN_BENCH_SEIZURES ?? 1_000_000);
  const profileCount = Number(process.env.OPENCEN_BENCH_PROFILES ?? 10_000);
  const pgUrl = process.env.OPENCEN_BENCH_PG_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
  const admin = new pg.Client({ connectionString: pgUrl });
  if (!(await admin.connect().then(() => true, () => false))) {
    console.log(`\n[alerts] skipped: cannot connect to ${pgUrl} (set OPENCEN_BENCH_PG_URL)`);
    return;
  }
  console.log(`\n[alerts, PostgreSQL] ${n.toLocaleString('en')} seizures, ${profileCount.toLocaleString('en')} active profiles`);
  const u = new URL(pgUrl);
  u.pathname = '/opencen_bench_alerts';
  const keep = process.env.OPENCEN_BENCH_KEEP === '1';
  const kept = keep && (await admin.query(`SELECT 1 FROM pg_database WHERE datname = 'opencen_bench_alerts'`)).rowCount === 1;
  if (!kept) {
    await admin.query('DROP DATABASE IF EXISTS opencen_bench_alerts WITH (FORCE)');
    await admin.query('CREATE DATABASE opencen_bench_alerts');
  }
  const database = await openDatabase({ databaseUrl: u.toString() });
  const silent = { info() {}, warn() {}, error() {}, debug() {}, trace() {}, fatal() {}, child() { return silent; }, level: 'silent' } as unknown as AppContext['log'];
  const ctx = { database, db: database.db, audit: createAuditLog(database), jobs: createJobRunner({ database, log: silent }), events: { publish: async () => undefined, endStreams: async () => undefined } } as unknown as AppContext;
  try {
    await prepareDatabase(database);
    if (!kept) {
      const t0 = performance.now();
      const loaded = await loadSeizures(database, n);
      console.log(`  seizures loaded in ${(loaded.loadMs / 1000).toFixed(1)} s (+ indexes ${(loaded.indexMs / 1000).toFixed(1)} s), in all ${((performance.now() - t0) / 1000).toFixed(1)} s`);
    } else console.log('  kept database reused (OPENCEN_BENCH_KEEP=1)');
    const [owner] = await database.rows<{ id: string; orgId: string }>(sql`SELECT id, org_id AS "orgId" FROM identity_users ORDER BY username LIMIT 1`);
    await database.exec('TRUNCATE intel_profiles CASCADE');
    await loadProfiles(database, profileCount, owner.orgId, owner.id);
    await database.exec('VACUUM ANALYZE intel_profiles');
    // Everything loaded counts as swept (the mark is put past its look-behind): the measurements touch one seizure at a time.
    await database.exec(`UPDATE profile_sweep SET swept_to = now() + interval '10 minutes'; TRUNCATE profile_swept`);

    const [{ total }] = await database.rows<{ total: number }>(sql`SELECT count(*)::int AS total FROM seizures_validated`);
    const sample = await database.rows<{ id: string }>(sql`SELECT id FROM seizures TABLESAMPLE BERNOULLI (1) WHERE status = 'validated' LIMIT 60`);
    const matchMs: number[] = [];
    await database.exec('SET jit = off');
    for (const s of sample) {
      const t0 = performance.now();
      await database.rows(sql`SELECT p.id FROM seizures_validated s JOIN intel_profiles p ON p.active AND ${profileMatches()} WHERE s.id = ${s.id}`);
      matchMs.push(performance.now() - t0);
    }
    console.log(`  matching one seizure against ${profileCount.toLocaleString('en')} active profiles (the statement alone), ${sample.length} seizures: p50 ${ms(pct(matchMs, 50))} ms, p95 ${ms(pct(matchMs, 95))} ms   (budget < 50 ms)`);
    const sweepMs: number[] = [];
    let matched = 0;
    for (const s of sample) {
      await database.db.execute(sql`UPDATE seizures SET updated_at = clock_timestamp() WHERE id = ${s.id}`);
      const t0 = performance.now();
      const r = await sweepProfiles(ctx);
      sweepMs.push(performance.now() - t0);
      matched += r.matches;
    }
    console.log(`  standing query, one changed seizure against ${profileCount.toLocaleString('en')} profiles (whole sweep, notices queued), ${sample.length} seizures: p50 ${ms(pct(sweepMs, 50))} ms, p95 ${ms(pct(sweepMs, 95))} ms, max ${ms(Math.max(...sweepMs))} ms, ${(matched / sample.length).toFixed(1)} profiles matched each   (budget < 50 ms)`);

    const profiles = createProfiles(ctx, createLists(ctx));
    const tries = [
      { name: 'cocaine from Ecuador or Colombia', i: { hsPrefixes: ['2939'], routeCountries: ['EC', 'CO'] } },
      { name: 'cigarettes by road', i: { hsPrefixes: ['2402'], transportModes: ['road'] } },
      { name: 'rip-on/rip-off, any goods', i: { concealmentMethods: ['RIP_ON_RIP_OFF'] } },
      { name: '50 kg or more of cocaine', i: { hsPrefixes: ['2939'], minQuantity: 50, quantityUnit: 'kg' } },
      { name: 'air, seized in Kenya or South Africa', i: { transportModes: ['air'], countries: ['KE', 'ZA'] } },
    ];
    for (const t of tries) {
      const times: number[] = [];
      let found = 0;
      for (let k = 0; k < 3; k++) {
        const t0 = performance.now();
        found = (await profiles.backTest(indicatorsSchema.parse(t.i), null, null, 100)).total;
        times.push(performance.now() - t0);
      }
      console.log(`  back-test "${t.name}" over ${total.toLocaleString('en')} validated seizures: ${found.toLocaleString('en')} matched, best ${ms(Math.min(...times))} ms, worst ${ms(Math.max(...times))} ms   (budget < 2 s)`);
    }
  } finally {
    await database.close();
    if (!keep) await admin.query('DROP DATABASE IF EXISTS opencen_bench_alerts WITH (FORCE)');
    await admin.end();
  }
}
