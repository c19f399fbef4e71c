import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import autocannon from 'autocannon';
import pg from 'pg';
import { sql } from 'drizzle-orm';
import { prepareDatabase } from '../server/database-setup.ts';
import { createAuditLog, createOrganisations, createUser } from '../server/identity/index.ts';
import { embeddedDir, openDatabase, type Database } from '../server/platform/db/database.ts';
import { referenceSets } from '../server/reference/index.ts';
import { generateSeizures } from '../server/seizures/testing.ts';
import { runSeizureImportBench } from './seizure-import.bench.ts';
import { startServer, stopServer } from './app-process.ts';

/**
 * Seizure budgets (issue 3): N synthetic seizures (about two commodity lines and two to three route
 * legs each), then filtered search and the dashboard aggregates through HTTP against the built
 * server in its own process, on PostgreSQL (1,000,000) and on PGlite (100,000).
 */
const root = join(import.meta.dirname, '..');
const tsx = join(root, 'node_modules', '.bin', 'tsx');
const SYSTEM_USER = 'bench.seizures';
const TABLES = ['seizures', 'seizure_commodities', 'seizure_route_legs'];

const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;
const fmt = (n: number) => n.toLocaleString('en');

/** A customs administration for every country with a WCO region, and the system account whose token the load uses (French customs). */
async function setUp(database: Database) {
  await prepareDatabase(database);
  const deps = { database, audit: createAuditLog(database), countryExists: async () => true };
  const ref = await referenceSets(database);
  const countries = [...ref.countries].filter((c) => ref.regionOf.get(c)).sort();
  const orgs = await createOrganisations(
    deps,
    null,
    countries.map((c) => ({ name: `Customs ${c}`, shortName: `BENCH-${c}`, kind: 'customs' as const, country: c, region: ref.regionOf.get(c) ?? null })),
  );
  const orgIdsByCountry = new Map(orgs.map((o) => [o.shortName.slice(6), o.id]));
  const user = await createUser(deps, null, {
    username: SYSTEM_USER,
    displayName: 'Benchmark system',
    email: 'bench.seizures@example.org',
    orgId: orgIdsByCountry.get('FR')!,
    roles: ['ncp'],
    system: true,
  });
  return { orgIdsByCountry, userId: user.id };
}

/**
 * Loads with the secondary indexes and the foreign keys of the seizure tables dropped and built again
 * afterwards (one sort per index instead of millions of insertions), then VACUUM ANALYZE so that the
 * planner has statistics and index-only scans find the pages all-visible.
 */
export async function loadSeizures(database: Database, n: number) {
  const { orgIdsByCountry, userId } = await setUp(database);
  const list = (xs: string[]) => sql.join(xs.map((x) => sql`${x}`), sql`, `);
  // Unique indexes stay: constraints rest on them, and inserts name (org, external reference) for ON CONFLICT.
  const indexes = await database.rows<{ indexname: string; indexdef: string }>(
    sql`SELECT indexname, indexdef FROM pg_indexes WHERE tablename IN (${list(TABLES)}) AND indexdef NOT LIKE 'CREATE UNIQUE%'`,
  );
  const fks = await database.rows<{ tbl: string; name: string; def: string }>(
    sql`SELECT conrelid::regclass::text AS tbl, conname AS name, pg_get_constraintdef(oid) AS def FROM pg_constraint
      WHERE contype = 'f' AND conrelid::regclass::text IN (${list(TABLES)})`,
  );
  for (const f of fks) await database.exec(`ALTER TABLE ${f.tbl} DROP CONSTRAINT ${f.name}`);
  for (const i of indexes) await database.exec(`DROP INDEX ${i.indexname}`);
  const t0 = performance.now();
  let last = t0;
  const res = await generateSeizures(database, {
    count: n,
    orgIdsByCountry,
    userId,
    seed: 3,
    batch: database.kind === 'postgres' ? 5_000 : 2_000,
    concurrency: database.kind === 'postgres' ? 2 : 1,
    checkEvery: 50,
    onProgress: (done) => {
      if (performance.now() - last > 15_000 || done === n) {
        last = performance.now();
        console.log(`    ${fmt(done)} seizures, ${fmt(Math.round(done / ((last - t0) / 1000)))}/s`);
      }
    },
  });
  const loadMs = performance.now() - t0;
  const t1 = performance.now();
  if (database.kind === 'postgres') await database.exec(`SET maintenance_work_mem = '512MB'`);
  for (const i of indexes) await database.exec(i.indexdef);
  for (const f of fks) await database.exec(`ALTER TABLE ${f.tbl} ADD CONSTRAINT ${f.name} ${f.def}`);
  const indexMs = performance.now() - t1;
  const t2 = performance.now();
  await database.exec(`VACUUM ANALYZE ${TABLES.join(', ')}`);
  return { inserted: res.inserted, loadMs, indexMs, vacuumMs: performance.now() - t2 };
}

function issueToken(env: Record<string, string>): string {
  const res = spawnSync(tsx, [join(root, 'server', 'cli.ts'), 'token:issue', '--username', SYSTEM_USER, '--name', 'bench'], { env: { ...process.env, ...env }, encoding: 'utf8' });
  if (res.status !== 0) throw new Error(`token:issue failed: ${res.stderr}`);
  return res.stdout.trim().split('\n').pop()!;
}

/** What analysts ask the search page: a category and a period, a route, a method, a place, free text. */
function searchPaths(year: number): string[] {
  const y = year;
  return [
    `?category=DRUGS&from=${y - 1}-01-01`,
    `?country=FR,BE,NL&category=DRUGS`,
    `?routeCountry=EC&category=DRUGS`,
    `?departure=CO,EC,PE&destination=ES,NL,BE`,
    `?detection=CANINE&transport=air`,
    `?region=EUR&from=${y - 1}-06-01&to=${y - 1}-08-31`,
    `?hs=2939`,
    `?hs=240220&country=PL,LT,LV`,
    `?q=container`,
    `?q=cocaine&country=ES`,
    `?concealment=RIP_ON_RIP_OFF`,
    `?category=TOBACCO&country=PL,LT&sort=-seizedAt`,
    `?from=${y - 1}-03-01&to=${y - 1}-03-31`,
    `?category=ENVIRONMENT&destination=VN,CN`,
    `?country=US&status=validated&page=3`,
    `?category=WEAPONS&routeCountry=US`,
    `?region=AP&category=DRUGS&transport=sea`,
    `?country=SA,JO&category=DRUGS&sort=-country`,
    ``,
    `?page=2&pageSize=50`,
  ].map((p) => `/api/v1/seizures${p}`);
}

/** Dashboards people open: the default one, last year, one category or region, a country's. */
function statsPaths(year: number): string[] {
  return [``, `?year=${year - 1}`, `?category=DRUGS`, `?region=EUR`, `?country=FR`, `?category=TOBACCO&year=${year - 1}`, `?transport=sea`, `?region=AP&category=DRUGS`].map(
    (p) => `/api/v1/seizures/stats${p}`,
  );
}

async function timed(url: string, token: string, paths: string[], n: number) {
  const times: number[] = [];
  for (let i = 0; i < n; i++) {
    const t0 = performance.now();
    const res = await fetch(`${url}${paths[i % paths.length]}`, { headers: { authorization: `Bearer ${token}` } });
    await res.text();
    if (!res.ok) throw new Error(`HTTP ${res.status} for ${paths[i % paths.length]}`);
    times.push(performance.now() - t0);
  }
  times.sort((a, b) => a - b);
  const at = (q: number) => times[Math.min(times.length - 1, Math.floor(times.length * q))].toFixed(1);
  return { p50: at(0.5), p95: at(0.95), p99: at(0.99), max: times[times.length - 1].toFixed(1) };
}

async function measure(label: string, url: string, token: string, sizes: string) {
  const year = new Date().getUTCFullYear();
  const search = searchPaths(year);
  const stats = statsPaths(year);
  // Warm the caches the way a running service has them.
  await timed(url, token, search, search.length);
  await timed(url, token, stats, stats.length);
  const searchSeq = await timed(url, token, search, 400);
  const searchLoad = await autocannon({
    url,
    headers: { authorization: `Bearer ${token}` },
    connections: 4,
    duration: 10,
    requests: [{ setupRequest: (req) => ({ ...req, path: search[Math.floor(Math.random() * search.length)] }) }],
  });
  const statsSeq = await timed(url, token, stats, 80);
  const mapSeq = await timed(url, token, ['/api/v1/seizures/map', '/api/v1/seizures/map?category=DRUGS', `/api/v1/seizures/map?from=${year - 1}-01-01`], 12);
  const reportSeq = await timed(url, token, ['DRUGS', 'TOBACCO', 'ENVIRONMENT', 'IPR'].map((c) => `/api/v1/seizures/report?year=${year - 1}&category=${c}`), 12);

  console.log(`\n[${label}] ${sizes}`);
  console.log(`  filtered search, ${search.length} filter mixes (400 requests, one at a time): p50 ${searchSeq.p50} ms, p95 ${searchSeq.p95} ms, p99 ${searchSeq.p99} ms   (budget p95 < 100 ms)`);
  console.log(`  filtered search, 4 connections for 10 s:  ${fmt(Math.round(searchLoad.requests.average))} req/s, p50 ${searchLoad.latency.p50} ms, p99 ${searchLoad.latency.p99} ms, errors ${searchLoad.errors + searchLoad.non2xx}`);
  console.log(`  dashboard stats, ${stats.length} filter mixes (80 requests):        p50 ${statsSeq.p50} ms, p95 ${statsSeq.p95} ms, max ${statsSeq.max} ms   (budget p95 < 300 ms)`);
  console.log(`  map (12 requests):                            p50 ${mapSeq.p50} ms, p95 ${mapSeq.p95} ms`);
  console.log(`  annual report (12 requests):                  p50 ${reportSeq.p50} ms, p95 ${reportSeq.p95} ms`);
}

async function run(label: string, database: Database, env: Record<string, string>, port: number, n: number) {
  console.log(`\n[${label}] loading ${fmt(n)} seizures`);
  const loaded = await loadSeizures(database, n);
  const [c] = await database.rows<{ s: number; l: number; r: number }>(
    sql`SELECT (SELECT count(*)::int FROM seizures) AS s, (SELECT count(*)::int FROM seizure_commodities) AS l, (SELECT count(*)::int FROM seizure_route_legs) AS r`,
  );
  console.log(
    `  load ${seconds(loaded.loadMs)} (${fmt(Math.round(loaded.inserted / (loaded.loadMs / 1000)))} seizures/s), indexes + foreign keys ${seconds(loaded.indexMs)}, VACUUM ANALYZE ${seconds(loaded.vacuumMs)}`,
  );
  await database.close();
  const token = issueToken(env);
  const server = await startServer({ ...env, OPENCEN_DEMO: 'false' }, port);
  try {
    const sizes = `${fmt(c.s)} seizures, ${fmt(c.l)} commodity lines (${(c.l / c.s).toFixed(2)} each), ${fmt(c.r)} route legs (${(c.r / c.s).toFixed(2)} each)`;
    await measure(label, server.url, token, sizes);
  } finally {
    await stopServer(server.proc);
  }
}

const sizeFromEnv = (name: string, fallback: number) => (process.env[name] && /^\d+$/.test(process.env[name]!) ? Number(process.env[name]) : fallback);

export async function benchSeizures() {
  const build = spawnSync('npm', ['run', 'build:server'], { cwd: root, encoding: 'utf8' });
  if (build.status !== 0) throw new Error(`npm run build:server failed: ${build.stderr}`);

  const pgN = sizeFromEnv('OPENCEN_BENCH_SEIZURES_N', 1_000_000);
  const pgUrl = process.env.OPENCEN_BENCH_PG_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
  const admin = new pg.Client({ connectionString: pgUrl });
  let connected = pgN > 0;
  if (connected) await admin.connect().catch(() => (connected = false));
  if (pgN > 0 && !connected) console.log(`\n[seizures, PostgreSQL] skipped: cannot connect to ${pgUrl} (set OPENCEN_BENCH_PG_URL)`);
  if (connected) {
    await admin.query('DROP DATABASE IF EXISTS opencen_bench_seizures WITH (FORCE)');
    await admin.query('CREATE DATABASE opencen_bench_seizures');
    const u = new URL(pgUrl);
    u.pathname = '/opencen_bench_seizures';
    const dataDir = mkdtempSync(join(tmpdir(), 'opencen-bench-seizures-pg-'));
    try {
      const database = await openDatabase({ databaseUrl: u.toString(), poolSize: 4 });
      await run('seizures, PostgreSQL', database, { DATABASE_URL: u.toString(), OPENCEN_DATA_DIR: dataDir }, 8295, pgN);
    } finally {
      if (!process.env.OPENCEN_BENCH_KEEP) await admin.query('DROP DATABASE IF EXISTS opencen_bench_seizures WITH (FORCE)');
      await admin.end();
      rmSync(dataDir, { recursive: true, force: true });
    }
  }

  const liteN = sizeFromEnv('OPENCEN_BENCH_SEIZURES_PGLITE_N', 100_000);
  if (liteN > 0) {
    const dataDir = mkdtempSync(join(tmpdir(), 'opencen-bench-seizures-'));
    try {
      const database = await openDatabase({ pgliteDir: embeddedDir(dataDir) });
      await run('seizures, PGlite', database, { OPENCEN_DATA_DIR: dataDir }, 8296, liteN);
    } finally {
      rmSync(dataDir, { recursive: true, force: true });
    }
  }

  // The import budget (≥ 20,000 seizures/s from CSV) is measured by the import's own benchmark.
  await runSeizureImportBench();
}
