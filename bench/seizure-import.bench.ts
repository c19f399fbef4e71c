import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { sql } from 'drizzle-orm';
import type { FastifyBaseLogger } from 'fastify';
import { loadConfig } from '../server/platform/config.ts';
import type { AppContext } from '../server/platform/context.ts';
import { prepareDatabase } from '../server/database-setup.ts';
import { createAuditLog, createOrganisation, createUser } from '../server/identity/index.ts';
import { embeddedDir, openDatabase, type Database } from '../server/platform/db/database.ts';
import type { Principal } from '../server/platform/http/access.ts';
import { writeSampleCsv } from '../server/seizures/testing.ts';
import { importFile } from '../server/seizures/index.ts';

/**
 * Seizure bulk import (issue 3 budget: ≥ 20,000 seizures/s from CSV on PostgreSQL, memory flat
 * while streaming): a generated CSV in the import layout (two commodity lines, departure and
 * destination per row, one row in a thousand broken) imported end to end by importFile (read,
 * check, insert in one transaction), without HTTP. Prints rows/s and the process's peak RSS.
 *
 * OPENCEN_BENCH_IMPORT_N (default 200,000) rows on PostgreSQL (OPENCEN_BENCH_PG_URL),
 * OPENCEN_BENCH_IMPORT_PGLITE_N (default 20,000) on PGlite; 0 skips one. They go into a table that a
 * first import filled with OPENCEN_BENCH_IMPORT_BEFORE (default 1,000,000) or
 * OPENCEN_BENCH_IMPORT_PGLITE_BEFORE (default 100,000) rows.
 */
const sizeFromEnv = (name: string, fallback: number) => (process.env[name] && /^\d+$/.test(process.env[name]!) ? Number(process.env[name]) : fallback);
const fmt = (n: number) => Math.round(n).toLocaleString('en');
const mb = (n: number) => `${Math.round(n / 1024 / 1024)} MB`;

const quiet = { info() {}, debug() {}, trace() {}, warn: console.warn, error: console.error, fatal: console.error, child: () => quiet, level: 'warn' } as unknown as FastifyBaseLogger;

type Ctx = Pick<AppContext, 'database' | 'audit' | 'events' | 'config' | 'log'>;

async function setUp(database: Database, dataDir: string) {
  await prepareDatabase(database);
  const audit = createAuditLog(database);
  const deps = { database, audit, countryExists: async () => true };
  const org = await createOrganisation(deps, null, { name: 'Import benchmark customs', shortName: 'BENCH-IMP', kind: 'customs', country: 'FR', region: null });
  const user = await createUser(deps, null, { username: 'bench.import', displayName: 'Import benchmark', email: 'bench.import@example.org', orgId: org.id, roles: ['ncp'], system: true });
  const ctx = {
    database,
    audit,
    config: loadConfig({ OPENCEN_DATA_DIR: dataDir }),
    log: quiet,
    events: { publish: async () => undefined, endStreams: async () => undefined },
  } as unknown as Ctx;
  const actor: Principal = { userId: user.id, orgId: org.id, roles: ['ncp'], via: 'token', secondFactorPending: false };
  return { ctx, actor };
}

/** CPU seconds used so far by the server processes of this database's connections (PostgreSQL on this machine; 0 otherwise). */
async function backendCpu(database: Database): Promise<number> {
  if (database.kind !== 'postgres') return 0;
  const { readFileSync } = await import('node:fs');
  const pids = await database.rows<{ pid: number }>(sql`SELECT pid FROM pg_stat_activity WHERE datname = current_database()`);
  let ticks = 0;
  for (const { pid } of pids) {
    try {
      const f = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
      ticks += Number(f[11]) + Number(f[12]);
    } catch {
      return 0; // another machine, or no /proc
    }
  }
  return ticks / 100;
}

/** One import of a generated file of n rows (row numbers from `from`), measured. */
async function measure(label: string, ctx: Ctx, actor: Principal, dataDir: string, n: number, from: number) {
  const { database } = ctx;
  const path = join(dataDir, `seizures-${from}.csv`);
  const size = await writeSampleCsv(path, n, { brokenEvery: 1000, from });
  global.gc?.();
  const baseline = process.memoryUsage().rss;
  const samples: { at: number; rss: number }[] = [];
  const t0 = performance.now();
  const sampler = setInterval(() => samples.push({ at: performance.now() - t0, rss: process.memoryUsage().rss }), 50);
  const pgCpu0 = await backendCpu(database);
  const cpu0 = process.cpuUsage();
  const result = await importFile(ctx, actor, path, null, 'valid');
  const ms = performance.now() - t0;
  const cpu = process.cpuUsage(cpu0);
  const pgCpu = (await backendCpu(database)) - pgCpu0;
  clearInterval(sampler);
  rmSync(path, { force: true });
  samples.push({ at: ms, rss: process.memoryUsage().rss });
  const peak = Math.max(...samples.map((x) => x.rss));
  // Flat memory: the second half of the run peaks no higher than the first.
  const half = (lo: number, hi: number) => Math.max(0, ...samples.filter((x) => x.at >= lo * ms && x.at < hi * ms).map((x) => x.rss));
  const nodeCpuS = (cpu.user + cpu.system) / 1e6;
  if (result.status !== 'committed') throw new Error(`import ${result.status}: ${result.detail}`);
  console.log(`\n[seizure import, ${label}] ${fmt(n)} rows, ${mb(size)} CSV (${Math.round(size / n)} bytes/row), one transaction`);
  console.log(`  inserted ${fmt(result.inserted)}, rejected ${fmt(result.errorRows)} (located), in ${(ms / 1000).toFixed(1)} s`);
  console.log(`  ${fmt(n / (ms / 1000))} rows/s (budget ≥ 20,000 on PostgreSQL)`);
  console.log(`  RSS ${mb(baseline)} before, peak ${mb(peak)} during (+${mb(peak - baseline)}); peak in the first half ${mb(half(0, 0.5))}, in the second ${mb(half(0.5, 1.01))}`);
  const what = database.kind === 'pglite' ? 'read, check and the embedded database' : 'read, check, send';
  console.log(`  CPU: this process ${nodeCpuS.toFixed(1)} s (${what}: ${Math.round((nodeCpuS * 1e6) / n)} µs a row)` +
    (pgCpu > 0 ? `, database backends ${pgCpu.toFixed(1)} s (${Math.round((pgCpu * 1e6) / n)} µs a row; the two overlap)` : ''));
  return { rowsPerSecond: n / (ms / 1000), peakRss: peak, baselineRss: baseline, bytes: size, inserted: result.inserted, nodeCpuSeconds: nodeCpuS, databaseCpuSeconds: pgCpu };
}

/**
 * The budget holds for a database of a million seizures: a first import fills the table with `before` rows
 * (measured too: an import into an empty table), then the measured import of n rows goes in beside them.
 */
async function run(label: string, database: Database, dataDir: string, n: number, before: number) {
  const { ctx, actor } = await setUp(database, dataDir);
  const out: Record<string, Awaited<ReturnType<typeof measure>>> = {};
  if (before) out.intoEmpty = await measure(`${label}, into an empty table`, ctx, actor, dataDir, before, 0);
  out.measured = await measure(`${label}, into a table of ${fmt(before)} seizures`, ctx, actor, dataDir, n, before);
  return out;
}

export async function runSeizureImportBench() {
  const pgN = sizeFromEnv('OPENCEN_BENCH_IMPORT_N', 200_000);
  const pgliteN = sizeFromEnv('OPENCEN_BENCH_IMPORT_PGLITE_N', 20_000);
  const pgBefore = sizeFromEnv('OPENCEN_BENCH_IMPORT_BEFORE', 1_000_000);
  const pgliteBefore = sizeFromEnv('OPENCEN_BENCH_IMPORT_PGLITE_BEFORE', 100_000);
  const results: Record<string, Awaited<ReturnType<typeof run>>> = {};

  const pgUrl = process.env.OPENCEN_BENCH_PG_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
  if (!pgN) console.log('\n[seizure import, PostgreSQL] skipped (OPENCEN_BENCH_IMPORT_N=0)');
  else {
    const admin = new pg.Client({ connectionString: pgUrl });
    let connected = true;
    await admin.connect().catch(() => (connected = false));
    if (!connected) console.log(`\n[seizure import, PostgreSQL] skipped: cannot connect to ${pgUrl} (set OPENCEN_BENCH_PG_URL)`);
    else {
      await admin.query('DROP DATABASE IF EXISTS opencen_bench_import WITH (FORCE)');
      await admin.query('CREATE DATABASE opencen_bench_import');
      const u = new URL(pgUrl);
      u.pathname = '/opencen_bench_import';
      const dataDir = mkdtempSync(join(tmpdir(), 'opencen-bench-import-pg-'));
      const database = await openDatabase({ databaseUrl: u.toString() });
      try {
        results.postgres = await run('PostgreSQL', database, dataDir, pgN, pgBefore);
      } finally {
        await database.close();
        await admin.query('DROP DATABASE IF EXISTS opencen_bench_import WITH (FORCE)');
        await admin.end();
        rmSync(dataDir, { recursive: true, force: true });
      }
    }
  }

  if (!pgliteN) console.log('\n[seizure import, PGlite] skipped (OPENCEN_BENCH_IMPORT_PGLITE_N=0)');
  else {
    const dataDir = mkdtempSync(join(tmpdir(), 'opencen-bench-import-'));
    const database = await openDatabase({ pgliteDir: embeddedDir(dataDir) });
    try {
      results.pglite = await run('PGlite', database, dataDir, pgliteN, pgliteBefore);
    } finally {
      await database.close();
      rmSync(dataDir, { recursive: true, force: true });
    }
  }
  return results;
}

// Run on its own: `npx tsx bench/seizure-import.bench.ts`.
if (import.meta.url === `file://${process.argv[1]}`) await runSeizureImportBench();
