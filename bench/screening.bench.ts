import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import autocannon from 'autocannon';
import pg from 'pg';
import { sql } from 'drizzle-orm';
import { prepareDatabase } from '../server/database-setup.ts';
import { createAuditLog, createOrganisation, createUser } from '../server/identity/index.ts';
import { embeddedDir, openDatabase, type Database } from '../server/platform/db/database.ts';
import { generateWatchLists, singleCheckStatement, type GenerateResult } from '../server/screening/testing.ts';
import { startServer, stopServer } from './app-process.ts';
import { constantRateInChild } from './constant-rate.ts';
import { rawCheckInChild, type RawCheckResult } from './raw-check-load.ts';

/**
 * Screening budgets (issue 5): synthetic lists of N travel documents, N/10 vehicles and N/20
 * firearms, then single, batch, manifest, one-edit and wildcard checks through HTTP against the
 * built server in its own process, on PostgreSQL and on PGlite.
 */
const root = join(import.meta.dirname, '..');
const tsx = join(root, 'node_modules', '.bin', 'tsx');
const SYSTEM_USER = 'bench.screening';
const TABLES = ['screening_keys', 'screening_travel_documents', 'screening_vehicles', 'screening_firearms'];

const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;
const fmt = (n: number) => n.toLocaleString('en');

/** Creates the recording organisation and the system account whose token the load uses. */
async function setUp(database: Database) {
  await prepareDatabase(database);
  const deps = { database, audit: createAuditLog(database), countryExists: async () => true };
  const org = await createOrganisation(deps, null, { name: 'Benchmark customs', shortName: 'BENCH', kind: 'customs', country: 'FR', region: null });
  const user = await createUser(deps, null, { username: SYSTEM_USER, displayName: 'Benchmark system', email: 'bench@example.org', orgId: org.id, roles: ['ncp'], system: true });
  return { orgId: org.id, userId: user.id };
}

/**
 * Loads the lists with their secondary indexes and foreign keys dropped, and built again afterwards
 * (as the reference loader does): one sort per index and one join per foreign key are much faster
 * than millions of index insertions and per-row key checks. Adding a foreign key back checks every
 * row, so a bad row would still fail the load.
 */
async function load(database: Database, n: number): Promise<{ result: GenerateResult; loadMs: number; indexMs: number }> {
  const { orgId, userId } = await setUp(database);
  const indexes = await database.rows<{ indexname: string; indexdef: string }>(
    sql`SELECT indexname, indexdef FROM pg_indexes WHERE tablename IN (${sql.join(TABLES.map((t) => sql`${t}`), sql`, `)}) AND indexname NOT LIKE '%_pkey'`,
  );
  const foreignKeys = await database.rows<{ tbl: string; name: string; def: string }>(
    sql`SELECT conrelid::regclass::text AS tbl, conname AS name, pg_get_constraintdef(oid) AS def FROM pg_constraint
         WHERE contype = 'f' AND conrelid::regclass::text IN (${sql.join(TABLES.map((t) => sql`${t}`), sql`, `)})`,
  );
  for (const i of indexes) await database.exec(`DROP INDEX ${i.indexname}`);
  for (const f of foreignKeys) await database.exec(`ALTER TABLE ${f.tbl} DROP CONSTRAINT ${f.name}`);
  const t0 = performance.now();
  const result = await generateWatchLists(database, { recordingOrgId: orgId, createdBy: userId, travelDocuments: n, vehicles: Math.round(n / 10), firearms: Math.round(n / 20), seed: 1 }, (m) =>
    console.log(`    ${m}`),
  );
  const loadMs = performance.now() - t0;
  const t1 = performance.now();
  if (database.kind === 'postgres') await database.exec(`SET maintenance_work_mem = '512MB'`);
  for (const i of indexes) await database.exec(i.indexdef);
  for (const f of foreignKeys) await database.exec(`ALTER TABLE ${f.tbl} ADD CONSTRAINT ${f.name} ${f.def}`);
  // VACUUM also sets the visibility map, without which an index-only scan still reads every row's page
  // (autovacuum does the same on a running deployment after a bulk load).
  await database.exec(`VACUUM (ANALYZE) ${TABLES.join(', ')}`);
  return { result, loadMs, indexMs: performance.now() - t1 };
}

function issueToken(env: Record<string, string>): string {
  const res = spawnSync(tsx, [join(root, 'server', 'cli.ts'), 'token:issue', '--username', SYSTEM_USER, '--name', 'bench'], { env: { ...process.env, ...env }, encoding: 'utf8' });
  if (res.status !== 0) throw new Error(`token:issue failed: ${res.stderr}`);
  return res.stdout.trim().split('\n').pop()!;
}

/** Random document numbers in common formats: most miss, as most of a real manifest does. */
function randomNumber(i: number): string {
  return `${String.fromCharCode(65 + (i % 26), 65 + ((i * 7) % 26))}${String(Math.floor(Math.random() * 1e7)).padStart(7, '0')}`;
}

/** About one item in fifty is on a list. */
function manifest(size: number, known: string[]) {
  return Array.from({ length: size }, (_, i) => ({ ref: String(i), identifier: i % 50 === 0 ? known[Math.floor(Math.random() * known.length)] : randomNumber(i) }));
}

async function timed(n: number, call: (i: number) => Promise<Response>) {
  const times: number[] = [];
  for (let i = 0; i < n; i++) {
    const t0 = performance.now();
    const res = await call(i);
    await res.text();
    if (!res.ok) throw new Error(`HTTP ${res.status}`);
    times.push(performance.now() - t0);
  }
  times.sort((a, b) => a - b);
  const at = (q: number) => times[Math.min(times.length - 1, Math.floor(times.length * q))].toFixed(1);
  return { p50: at(0.5), p95: at(0.95) };
}

async function measure(label: string, url: string, token: string, samples: GenerateResult['samples'], sizes: string, rate: number, rawUrl: string | null) {
  const headers = { authorization: `Bearer ${token}`, 'content-type': 'application/json' };
  const post = (path: string, body: unknown) => fetch(`${url}${path}`, { method: 'POST', headers, body: JSON.stringify(body) });
  const docs = samples.travel_documents!;
  const serials = samples.firearms!;

  // Warm the caches the way a running service has them.
  await timed(20, (i) => post('/api/v1/screening/search', { identifier: docs[i], oneEdit: false }));

  const exactLoad = (opts: { connections: number }) =>
    autocannon({
      url: `${url}/api/v1/screening/search`,
      method: 'POST',
      headers,
      duration: 10,
      ...opts,
      requests: [{ setupRequest: (req) => ({ ...req, body: JSON.stringify({ identifier: docs[Math.floor(Math.random() * docs.length)], oneEdit: false }) }) }],
    });
  // Flat out, latency is mostly queueing behind the load generator on the same two cores. At a constant rate
  // (evenly spaced and open-loop; on PostgreSQL twice what INTERPOL reports for all its databases worldwide, on
  // the embedded database, which serves about 600 a second flat out, as much as INTERPOL) it is the time a
  // check takes. autocannon's own rate limit sends each second's quota in one burst, so it is not used for this.
  // The constant rate first: a service at its usual load is not in the wake of a flat-out burst (whose
  // query-log and audit writes are still being flushed and vacuumed for a while afterwards).
  // The raw path first: it only reads, so it leaves no writes behind for the product's run to pay for.
  const raw: RawCheckResult | null = rawUrl
    ? await rawCheckInChild({ databaseUrl: rawUrl, statements: docs.map(singleCheckStatement), poolSize: 5, concurrency: 8, rate, seconds: 20 })
    : null;
  const exactSteady = await constantRateInChild({
    url: `${url}/api/v1/screening/search`,
    headers,
    rate,
    seconds: 20,
    connections: 8,
    bodies: docs.map((identifier) => JSON.stringify({ identifier, oneEdit: false })),
  });
  const exact = await exactLoad({ connections: 8 });
  const body1000 = JSON.stringify({ items: manifest(1000, docs) });
  const batch = await autocannon({ url: `${url}/api/v1/screening/batch`, method: 'POST', headers, body: body1000, connections: 2, duration: 10 });
  const manifest500 = await timed(20, () => post('/api/v1/screening/batch', { items: manifest(500, docs) }));
  const oneEdit = await timed(50, (i) => {
    const d = docs[(i * 13) % docs.length];
    return post('/api/v1/screening/search', { identifier: `${d.slice(0, -1)}${d.at(-1) === '7' ? '8' : '7'}` });
  });
  // An officer reads part of a worn serial: one character unreadable, the end missing.
  const wildcard = await timed(30, (i) => {
    const s = serials[(i * 7) % serials.length];
    return post('/api/v1/screening/search', { identifier: `${s.slice(0, 2)}?${s.slice(3, 5)}*`, list: 'firearms' });
  });

  console.log(`\n[${label}] ${sizes}`);
  console.log(`  single exact check flat out (HTTP, 8 connections): ${fmt(Math.round(exact.requests.average))} req/s, p50 ${exact.latency.p50} ms, p99 ${exact.latency.p99} ms, errors ${exact.errors + exact.non2xx}   (budget p99 < 10 ms)`);
  const ms = (v: number) => v.toFixed(1);
  console.log(
    `  single exact check at a constant ${rate} req/s (HTTP, open loop, 20 s): ${fmt(Math.round(exactSteady.rate))} req/s, p50 ${ms(exactSteady.p50)} ms, p90 ${ms(exactSteady.p90)} ms, p99 ${ms(exactSteady.p99)} ms, max ${ms(exactSteady.max)} ms, errors ${exactSteady.errors}   (budget p99 < 10 ms)`,
  );
  console.log(`    (the load generator, a process of its own, took ${exactSteady.clientCpuMsPerRequest.toFixed(2)} ms of CPU per request on the same two cores)`);
  const slow = Object.entries(exactSteady.slowBySecond);
  if (slow.length) console.log(`    (checks over 10 ms, by second of the run: ${slow.map(([second, n]) => `${second}s: ${n}`).join(', ')})`);
  if (raw) {
    const r = raw.steady;
    console.log(
      `  raw path, the check's statement alone (pg, pool of 5, same database): flat out ${fmt(Math.round(raw.flat.rate))} lookups/s, p50 ${ms(raw.flat.p50)} ms, p99 ${ms(raw.flat.p99)} ms; at a constant ${rate}/s p50 ${ms(r.p50)} ms, p99 ${ms(r.p99)} ms, max ${ms(r.max)} ms, errors ${raw.flat.errors + r.errors}`,
    );
    console.log(
      `  product / raw path: throughput ${(exact.requests.average / raw.flat.rate).toFixed(2)} (goal ≥ 0.6), p99 at ${rate}/s ${(exactSteady.p99 / r.p99).toFixed(1)}× (goal ≤ 3×)`,
    );
  }
  console.log(`  batch API, 1,000 identifiers a request:   ${fmt(Math.round(batch.requests.average * 1000))} checks/s, p50 ${batch.latency.p50} ms a batch, errors ${batch.errors + batch.non2xx}   (budget ≥ 5,000 checks/s)`);
  console.log(`  500-item manifest (20 runs):               p50 ${manifest500.p50} ms, p95 ${manifest500.p95} ms   (budget < 250 ms)`);
  console.log(`  one-edit search (50 runs):                 p50 ${oneEdit.p50} ms, p95 ${oneEdit.p95} ms   (budget p95 < 20 ms)`);
  console.log(`  wildcard serial search (30 runs):          p50 ${wildcard.p50} ms, p95 ${wildcard.p95} ms   (budget p95 < 200 ms)`);
}

/**
 * The load (or a previous run's hits and query log) wrote gigabytes; without a checkpoint here, the server
 * would still be writing them out (a spread checkpoint takes minutes) while the checks are timed. A running
 * service is not in the wake of a bulk load. The checkpoint hands its pages to the operating system, which
 * writes them back later: wait for that too.
 */
async function settle(database: Database) {
  if (database.kind !== 'postgres') return;
  await database.exec('CHECKPOINT').catch((e: Error) => console.log(`    (no CHECKPOINT: ${e.message})`));
  spawnSync('sync');
  await prewarm(database);
}

/**
 * A service that has been answering for a while holds what exact checks read in PostgreSQL's buffers: the
 * keys' indexes and the lists' rows. A freshly loaded database does not, and the first checks would read
 * gigabytes from disk one page at a time. pg_prewarm (PostgreSQL's contrib) reads them in, most used first,
 * as far as shared_buffers goes (operations.md: size shared_buffers for the watch lists).
 */
async function prewarm(database: Database) {
  const [{ shared }] = await database.rows<{ shared: string }>(sql`SELECT current_setting('shared_buffers') AS shared`);
  const ok = await database.exec('CREATE EXTENSION IF NOT EXISTS pg_prewarm').then(
    () => true,
    (e: Error) => (console.log(`    (no pg_prewarm: ${e.message}; the first checks read from disk)`), false),
  );
  if (!ok) return;
  const t0 = performance.now();
  const order = [
    'screening_keys_kind_norm',
    'screening_keys_kind_folded',
    'screening_travel_documents_pkey',
    'screening_vehicles_pkey',
    'screening_firearms_pkey',
    'screening_travel_documents',
    'screening_vehicles',
    'screening_firearms',
  ];
  let blocks = 0;
  for (const rel of order) {
    const [r] = await database.rows<{ n: number }>(sql`SELECT pg_prewarm(${rel}::regclass, 'buffer')::bigint AS n`);
    blocks += Number(r.n);
  }
  console.log(`  prewarmed ${fmt(Math.round((blocks * 8) / 1024))} MB of indexes and rows in ${seconds(performance.now() - t0)} (shared_buffers ${shared})`);
}

/** The lists a kept database already holds (OPENCEN_BENCH_KEEP), with identifiers sampled from them. */
async function loaded(database: Database, n: number): Promise<GenerateResult | null> {
  const [held] = await database
    .rows<{ docs: number; vehicles: number; firearms: number }>(
      sql`SELECT (SELECT count(*)::int FROM screening_travel_documents) AS docs, (SELECT count(*)::int FROM screening_vehicles) AS vehicles,
                 (SELECT count(*)::int FROM screening_firearms) AS firearms`,
    )
    .catch(() => [null]);
  if (!held || held.docs !== n) return null;
  const sample = async (q: ReturnType<typeof sql>) => (await database.rows<{ v: string }>(q)).map((r) => r.v);
  return {
    counts: { travel_documents: held.docs, vehicles: held.vehicles, firearms: held.firearms, art: 0, containers: 0, vessels: 0 },
    samples: {
      travel_documents: await sample(sql`SELECT number AS v FROM screening_travel_documents TABLESAMPLE SYSTEM (1) LIMIT 1000`),
      firearms: await sample(sql`SELECT serial_numbers[1] AS v FROM screening_firearms TABLESAMPLE SYSTEM (1) LIMIT 1000`),
    },
  };
}

async function run(label: string, database: Database, env: Record<string, string>, port: number, n: number, budgetN: string) {
  let result = await loaded(database, n);
  if (result) console.log(`\n[${label}] reusing the kept database: ${fmt(n)} travel documents, ${fmt(result.counts.vehicles)} vehicles, ${fmt(result.counts.firearms)} firearms`);
  else {
    console.log(`\n[${label}] loading ${fmt(n)} travel documents, ${fmt(Math.round(n / 10))} vehicles, ${fmt(Math.round(n / 20))} firearms (budget size: ${budgetN})`);
    const l = await load(database, n);
    result = l.result;
    const [{ keys }] = await database.rows<{ keys: number }>(sql`SELECT count(*)::int AS keys FROM screening_keys`);
    console.log(`  load ${seconds(l.loadMs)} (${fmt(Math.round((n * 1.15) / (l.loadMs / 1000)))} records/s), indexes + foreign keys + VACUUM ANALYZE ${seconds(l.indexMs)}, ${fmt(keys)} keys`);
  }
  await settle(database);
  await database.close();
  const token = issueToken(env);
  // The per-user limits would stop the load within seconds; a border system's account is given more the same way.
  const server = await startServer({ ...env, OPENCEN_SCREENING_SEARCHES_PER_MINUTE: '100000000', OPENCEN_SCREENING_BATCH_ITEMS_PER_MINUTE: '1000000000' }, port);
  try {
    const sizes = `${fmt(n)} travel documents, ${fmt(result.counts.vehicles)} vehicles, ${fmt(result.counts.firearms)} firearms`;
    await measure(label, server.url, token, result.samples, sizes, database.kind === 'pglite' ? 250 : 500, env.DATABASE_URL ?? null);
  } finally {
    await stopServer(server.proc);
  }
}

const sizeFromEnv = (name: string, fallback: number) => (process.env[name] && /^\d+$/.test(process.env[name]!) ? Number(process.env[name]) : fallback);

export async function benchScreening() {
  const build = spawnSync('npm', ['run', 'build:server'], { cwd: root, encoding: 'utf8' });
  if (build.status !== 0) throw new Error(`npm run build:server failed: ${build.stderr}`);
  // A size of 0 skips that database.
  const pgN = sizeFromEnv('OPENCEN_BENCH_SCREENING_N', 10_000_000);
  const pgliteN = sizeFromEnv('OPENCEN_BENCH_SCREENING_PGLITE_N', 1_000_000);

  const pgUrl = process.env.OPENCEN_BENCH_PG_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
  const admin = new pg.Client({ connectionString: pgUrl });
  let connected = pgN > 0;
  if (connected) await admin.connect().catch(() => (connected = false));
  if (!pgN) console.log('\n[screening, PostgreSQL] skipped (OPENCEN_BENCH_SCREENING_N=0)');
  else if (!connected) console.log(`\n[screening, PostgreSQL] skipped: cannot connect to ${pgUrl} (set OPENCEN_BENCH_PG_URL)`);
  else {
    // OPENCEN_BENCH_KEEP=1 keeps the database (and its data directory) for the next run, which
    // measures again without loading when the size is the same: ten minutes of loading saved per run.
    const keep = process.env.OPENCEN_BENCH_KEEP === '1';
    const kept = keep && (await admin.query(`SELECT 1 FROM pg_database WHERE datname = 'opencen_bench_screening'`)).rowCount === 1;
    if (!kept) {
      await admin.query('DROP DATABASE IF EXISTS opencen_bench_screening WITH (FORCE)');
      await admin.query('CREATE DATABASE opencen_bench_screening');
    }
    const u = new URL(pgUrl);
    u.pathname = '/opencen_bench_screening';
    const keptDir = join(tmpdir(), 'opencen-bench-screening-pg-kept');
    if (keep) mkdirSync(keptDir, { recursive: true });
    const dataDir = keep ? keptDir : mkdtempSync(join(tmpdir(), 'opencen-bench-screening-pg-'));
    try {
      const database = await openDatabase({ databaseUrl: u.toString() });
      await run('screening, PostgreSQL', database, { DATABASE_URL: u.toString(), OPENCEN_DATA_DIR: dataDir }, 8293, pgN, '10,000,000 / 1,000,000 / 500,000');
    } finally {
      if (!keep) {
        await admin.query('DROP DATABASE IF EXISTS opencen_bench_screening WITH (FORCE)');
        rmSync(dataDir, { recursive: true, force: true });
      }
      await admin.end();
    }
  }

  if (!pgliteN) {
    console.log('\n[screening, PGlite] skipped (OPENCEN_BENCH_SCREENING_PGLITE_N=0)');
    return;
  }
  const dataDir = mkdtempSync(join(tmpdir(), 'opencen-bench-screening-'));
  try {
    const database = await openDatabase({ pgliteDir: embeddedDir(dataDir) });
    await run('screening, PGlite', database, { OPENCEN_DATA_DIR: dataDir }, 8294, pgliteN, '1,000,000 records');
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
}
