import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import v8 from 'node:v8';
import vm from 'node:vm';
import pg from 'pg';
import { sql } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { startApp } from '../server/app.ts';
import { prepareDatabase } from '../server/database-setup.ts';
import { loadConfig } from '../server/platform/config.ts';
import { openDatabase, type Database } from '../server/platform/db/database.ts';
import { textArray, uuidArray } from '../server/platform/db/pg-array.ts';
import { createAuditLog, createOrganisation, createOrganisations, createUser, issueApiToken } from '../server/identity/index.ts';
import { referenceSets } from '../server/reference/index.ts';

/**
 * Requests for WCO data budget (issue 15) on PostgreSQL: the aggregated extract of 1,000,000 seizures by
 * country × year × category < 5 s, streamed with flat memory. The extract goes the whole way a partner's
 * goes: filed, approved and fulfilled over HTTP, then downloaded (CSV and XLSX) from the app in this
 * process, with the process's memory sampled while it streams. The same at 100,000 seizures first, so
 * that the peaks can be compared; and a member's record-level extract of every seizure (no budget).
 */
const ADMINISTRATIONS = 40;
const YEARS = [2020, 2021, 2022, 2023, 2024, 2025];
// Weighted like the database: drugs and tobacco most, cultural heritage and explosives rarely (rare cells get suppressed).
const CATEGORY_WEIGHTS: [string, number][] = [
  ['DRUGS', 30], ['TOBACCO', 18], ['IPR', 12], ['ALCOHOL', 8], ['REVENUE', 8], ['ENVIRONMENT', 7], ['CASH', 6], ['WEAPONS', 4], ['OTHER', 4], ['CULTURAL_HERITAGE', 2], ['EXPLOSIVES', 1],
];
const AGGREGATE_FIELDS = ['country', 'year', 'category'];
const RECORD_FIELDS = ['reference', 'seizedAt', 'country', 'region', 'category', 'quantity', 'transportMode', 'direction'];
const BUDGET_MS = 5000;

const fmt = (n: number) => n.toLocaleString('en');
const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;
const seconds = (ms: number) => `${(ms / 1000).toFixed(2)} s`;

/** Seizures by generate_series, chunk by chunk: 40 administrations, 6 years, 1 or 2 commodity categories each. */
async function insertSeizures(database: Database, first: number, count: number, orgIds: string[], countries: string[], regions: string[]) {
  const cats = CATEGORY_WEIGHTS.flatMap(([c, w]) => Array<string>(w).fill(c));
  const chunk = 100_000;
  for (let start = first; start < first + count; start += chunk) {
    const end = Math.min(first + count, start + chunk) - 1;
    await database.db.transaction(async (t) => {
      await t.execute(sql`SELECT setseed(${(start % 1_000_003) / 1_000_003})`);
      await t.execute(sql`WITH g AS (
          -- Countries skewed (the first ones report most), and five small administrations with few seizures: small cells to suppress.
          SELECT g, CASE WHEN random() < 0.004 THEN ${countries.length - 5} + g % 5 ELSE floor(${countries.length - 5} * power(random(), 1.6))::int END AS ci,
            random() AS r, random() AS r2,
            timestamptz '${sql.raw(`${YEARS[0]}-01-01`)} 00:00Z' + random() * interval '${sql.raw(String(YEARS.length * 365))} days' AS at,
            (${textArray(cats)})[1 + floor(random() * ${cats.length})::int] AS c1, (${textArray(cats)})[1 + floor(random() * ${cats.length})::int] AS c2
          FROM generate_series(${start}::int, ${end}::int) g),
        s AS (
          INSERT INTO seizures (reference, org_id, status, seized_at, country, region, location_type, direction, transport_mode, categories, validated_at)
          SELECT 'BX-' || lpad(g::text, 8, '0'),
            -- One seizure in five reported by another administration (a joint operation): cells of two administrations.
            (${uuidArray(orgIds)})[1 + CASE WHEN r < 0.2 THEN (ci + 1 + g % 5) % ${orgIds.length} ELSE ci END],
            CASE WHEN r2 < 0.03 THEN 'submitted' WHEN r2 < 0.05 THEN 'draft' ELSE 'validated' END, at,
            (${textArray(countries)})[1 + ci], (${textArray(regions)})[1 + ci],
            (ARRAY['airport','seaport','land_border','inland','postal_express','rail'])[1 + g % 6],
            (ARRAY['import','export','transit','domestic'])[1 + (g / 7) % 4],
            (ARRAY['air','sea','road','rail','postal'])[1 + g % 5],
            CASE WHEN r2 > 0.75 AND c2 <> c1 THEN ARRAY[c1, c2] ELSE ARRAY[c1] END,
            CASE WHEN r2 >= 0.05 THEN at + interval '12 days' END
          FROM g
          RETURNING id, seized_at, country, categories)
        INSERT INTO seizure_commodities (seizure_id, line_no, category, quantity, unit, seized_at, country)
        SELECT s.id, l.n, l.c, round((1 + random() * 999)::numeric, 3), CASE WHEN random() < 0.8 THEN 'kg' ELSE 'pieces' END, s.seized_at, s.country
        FROM s, unnest(s.categories) WITH ORDINALITY AS l(c, n)`);
    });
  }
}

/** Loads with the secondary indexes and foreign keys dropped and built again after (one sort each), then VACUUM ANALYZE. */
async function load(database: Database, first: number, count: number, orgIds: string[], countries: string[], regions: string[]) {
  const tables = ['seizures', 'seizure_commodities'];
  const list = sql.join(tables.map((x) => sql`${x}`), sql`, `);
  const indexes = await database.rows<{ indexname: string; indexdef: string }>(
    sql`SELECT indexname, indexdef FROM pg_indexes WHERE tablename IN (${list}) AND indexdef NOT LIKE 'CREATE UNIQUE%'`,
  );
  const fks = await database.rows<{ tbl: string; name: string; def: string }>(
    sql`SELECT conrelid::regclass::text AS tbl, conname AS name, pg_get_constraintdef(oid) AS def FROM pg_constraint WHERE contype = 'f' AND conrelid::regclass::text IN (${list})`,
  );
  for (const f of fks) await database.exec(`ALTER TABLE ${f.tbl} DROP CONSTRAINT ${f.name}`);
  for (const i of indexes) await database.exec(`DROP INDEX ${i.indexname}`);
  const t0 = performance.now();
  await insertSeizures(database, first, count, orgIds, countries, regions);
  const t1 = performance.now();
  await database.exec(`SET maintenance_work_mem = '512MB'`);
  for (const i of indexes) await database.exec(i.indexdef);
  for (const f of fks) await database.exec(`ALTER TABLE ${f.tbl} ADD CONSTRAINT ${f.name} ${f.def}`);
  const t2 = performance.now();
  await database.exec(`VACUUM ANALYZE ${tables.join(', ')}`);
  console.log(`  loaded ${fmt(count)} seizures in ${seconds(t1 - t0)}, indexes + foreign keys ${seconds(t2 - t1)}, VACUUM ANALYZE ${seconds(performance.now() - t2)}`);
}

// A full collection on demand, to read what the stream really holds (the heap's plain peak also counts
// garbage V8 has not collected yet, and it collects lazily).
v8.setFlagsFromString('--expose-gc');
const fullGc = vm.runInNewContext('gc') as () => void;

/**
 * Runs `work` with the process's memory sampled every 10 ms: the peaks above what it was just before. With
 * `live`, a full collection every 250 ms first, so that the heap read is what is held (slower: not timed).
 */
async function sampled<T>(work: () => Promise<T>, live = false): Promise<{ result: T; ms: number; rssPeak: number; heapPeak: number }> {
  if (live) fullGc();
  const base = process.memoryUsage();
  let rss = base.rss;
  let heap = base.heapUsed;
  let ticks = 0;
  const timer = setInterval(() => {
    if (live && ++ticks % 25 === 0) fullGc();
    const m = process.memoryUsage();
    rss = Math.max(rss, m.rss);
    heap = Math.max(heap, m.heapUsed);
  }, 10);
  const t0 = performance.now();
  try {
    const result = await work();
    return { result, ms: performance.now() - t0, rssPeak: rss - base.rss, heapPeak: heap - base.heapUsed };
  } finally {
    clearInterval(timer);
  }
}

/** Peak growth while timed (plain), and the heap held at most (with full collections, in a pass not timed). */
type Memory = { rssPeak: number; heapPeak: number; heldPeak: number };
const memory = (m: Memory) => `peak growth RSS ${mb(m.rssPeak)}, heap ${mb(m.heapPeak)}, heap held ${mb(m.heldPeak)}`;

type Api = (method: string, path: string, body?: unknown) => Promise<Record<string, unknown>>;

function apiAs(url: string, token: string): Api {
  return async (method, path, body) => {
    const res = await fetch(`${url}${path}`, {
      method,
      headers: { authorization: `Bearer ${token}`, ...(body ? { 'content-type': 'application/json' } : {}) },
      body: body ? JSON.stringify(body) : undefined,
    });
    const json = (await res.json()) as Record<string, unknown>;
    if (!res.ok) throw new Error(`${method} ${path}: ${res.status} ${JSON.stringify(json)}`);
    return json;
  };
}

/** Files a request, has the I2C approve and fulfil it: the download path. */
async function fulfilled(requester: Api, i2c: Api, fields: string[], format: 'csv' | 'xlsx'): Promise<string> {
  const created = await requester('POST', '/api/v1/data-requests', {
    purpose: 'Benchmark: trends of seizures by country, year and commodity category.',
    from: `${YEARS[0]}-01-01`, to: `${YEARS[YEARS.length - 1]}-12-31`, riskAreas: [], regions: [], fields, format,
  });
  await i2c('POST', `/api/v1/data-requests/${created.id}/decision`, { decision: 'approve', reason: 'Benchmark.' });
  const done = await i2c('POST', `/api/v1/data-requests/${created.id}/fulfil`);
  return (done.download as { path: string }).path;
}

/**
 * Downloads an extract, reading it as it comes: CSV lines and suppressed rows are counted on the fly, an
 * aggregate XLSX (a few thousand rows) is kept and read back; a record-level XLSX only counted in bytes.
 */
async function download(url: string, token: string, path: string, format: 'csv' | 'xlsx', keepXlsx: boolean) {
  const res = await fetch(`${url}${path}`, { headers: { authorization: `Bearer ${token}` } });
  if (!res.ok || !res.body) throw new Error(`GET ${path}: ${res.status} ${await res.text()}`);
  const decoder = new TextDecoder();
  let bytes = 0;
  let lines = 0;
  let suppressed = 0;
  let tail = '';
  const kept: Uint8Array[] = [];
  for await (const chunk of res.body as unknown as AsyncIterable<Uint8Array>) {
    bytes += chunk.length;
    if (format === 'xlsx') {
      if (keepXlsx) kept.push(chunk);
      continue;
    }
    const text = tail + decoder.decode(chunk, { stream: true });
    const parts = text.split('\n');
    tail = parts.pop()!;
    lines += parts.length;
    for (const p of parts) if (p.endsWith(',suppressed')) suppressed++;
  }
  if (format === 'xlsx' && keepXlsx) {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.concat(kept) as unknown as ArrayBuffer);
    const sheet = wb.getWorksheet('Data')!;
    sheet.eachRow((row) => {
      lines++;
      if (row.getCell(AGGREGATE_FIELDS.length + 1).value === 'suppressed') suppressed++;
    });
  }
  return { bytes, rows: Math.max(0, lines - 1), suppressed };
}

async function measure(url: string, tokens: { partner: string; member: string; i2c: string }, seizures: number, results: Map<string, Memory>) {
  const partner = apiAs(url, tokens.partner);
  const member = apiAs(url, tokens.member);
  const i2c = apiAs(url, tokens.i2c);
  console.log(`\n  ${fmt(seizures)} seizures`);
  // Each extract twice: first with full collections to read the heap held (this also warms the caches, as a
  // running server has them), then timed.
  const twice = async (path: string, token: string, format: 'csv' | 'xlsx', aggregate: boolean) => {
    const held = await sampled(() => download(url, token, path, format, aggregate), true);
    const m = await sampled(() => download(url, token, path, format, aggregate));
    return { ...m, heldPeak: held.heapPeak };
  };
  for (const format of ['csv', 'xlsx'] as const) {
    const path = await fulfilled(partner, i2c, AGGREGATE_FIELDS, format);
    const m = await twice(path, tokens.partner, format, true);
    const ok = m.ms < BUDGET_MS;
    results.set(`aggregate ${format} ${seizures}`, m);
    console.log(`    aggregated ${format.toUpperCase()} (country × year × category): ${seconds(m.ms)} ${ok ? '(budget < 5 s met)' : '(budget < 5 s MISSED)'}, ` +
      `${fmt(m.result.rows)} cells out, ${fmt(m.result.suppressed)} suppressed, ${mb(m.result.bytes)} file; ${memory(m)}`);
  }
  for (const format of ['csv', 'xlsx'] as const) {
    if (format === 'xlsx' && process.env.OPENCEN_BENCH_RECORD_XLSX !== 'true') continue;
    const path = await fulfilled(member, i2c, RECORD_FIELDS, format);
    const m = await twice(path, tokens.member, format, false);
    results.set(`records ${format} ${seizures}`, m);
    console.log(`    record-level ${format.toUpperCase()} (${RECORD_FIELDS.length} fields, member): ${seconds(m.ms)}, ${fmt(m.result.rows)} rows out, ${mb(m.result.bytes)} file, ` +
      `${fmt(Math.round(m.result.rows / (m.ms / 1000)))} rows/s; ${memory(m)}`);
  }
}

export async function benchDataRequests() {
  const total = Number(process.env.OPENCEN_BENCH_DATA_REQUESTS_N ?? 1_000_000);
  const small = Math.min(total, 100_000);
  const pgUrl = process.env.OPENCEN_BENCH_PG_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
  const admin = new pg.Client({ connectionString: pgUrl });
  if (!(await admin.connect().then(() => true, () => false))) {
    console.log(`\n[data requests] skipped: cannot connect to ${pgUrl} (set OPENCEN_BENCH_PG_URL)`);
    return;
  }
  console.log(`\n[data requests, PostgreSQL] extracts of ${fmt(small)} then ${fmt(total)} seizures`);
  await admin.query('DROP DATABASE IF EXISTS opencen_bench_datareq WITH (FORCE)');
  await admin.query('CREATE DATABASE opencen_bench_datareq');
  const u = new URL(pgUrl);
  u.pathname = '/opencen_bench_datareq';
  const database = await openDatabase({ databaseUrl: u.toString(), poolSize: 4 });
  const dataDir = mkdtempSync(join(tmpdir(), 'opencen-bench-datareq-'));
  try {
    await prepareDatabase(database);
    const deps = { database, audit: createAuditLog(database), countryExists: async () => true };
    const ref = await referenceSets(database);
    const countries = [...ref.countries].filter((c) => ref.regionOf.get(c)).sort().slice(0, ADMINISTRATIONS);
    const regions = countries.map((c) => ref.regionOf.get(c)!);
    const orgs = await createOrganisations(deps, null, countries.map((c, i) => ({ name: `Customs ${c}`, shortName: `BENCH-${c}`, kind: 'customs' as const, country: c, region: regions[i] })));
    const orgIds = countries.map((c) => orgs.find((o) => o.shortName === `BENCH-${c}`)!.id);
    const research = await createOrganisation(deps, null, { name: 'Bench research institute', shortName: 'BENCH-RESEARCH', kind: 'partner', country: null, region: null });
    const wco = await createOrganisation(deps, null, { name: 'Bench WCO I2C', shortName: 'BENCH-I2C', kind: 'wco', country: null, region: null });
    const user = (username: string, orgId: string, role: string) =>
      createUser(deps, null, { username, displayName: username, email: `${username}@example.org`, orgId, roles: [role], system: true } as Parameters<typeof createUser>[2]);
    const token = async (username: string, orgId: string, role: string) => (await issueApiToken(database, { name: username, userId: (await user(username, orgId, role)).id })).token;
    const tokens = { partner: await token('bench.partner', research.id, 'partner'), member: await token('bench.member', orgIds[0], 'ncp'), i2c: await token('bench.i2c', wco.id, 'i2c_officer') };

    const config = loadConfig({ PORT: '0', HOST: '127.0.0.1', OPENCEN_DATA_DIR: dataDir, OPENCEN_DEMO: 'false', OPENCEN_JOBS: 'false', OPENCEN_LOG_LEVEL: 'silent', OPENCEN_COOKIE_SECURE: 'false' });
    const app = await startApp(config, { database, prepared: true, logger: false });
    const peaks = new Map<string, Memory>();
    try {
      await load(database, 1, small, orgIds, countries, regions);
      await measure(app.url, tokens, small, peaks);
      if (total > small) {
        await load(database, small + 1, total - small, orgIds, countries, regions);
        const [c] = await database.rows<{ s: number; v: number; l: number; a: number }>(
          sql`SELECT count(*)::int AS s, count(*) FILTER (WHERE status = 'validated')::int AS v, (SELECT count(*)::int FROM seizure_commodities) AS l, count(DISTINCT org_id)::int AS a FROM seizures`,
        );
        console.log(`  ${fmt(c.s)} seizures (${fmt(c.v)} validated), ${fmt(c.l)} commodity lines, ${c.a} reporting administrations, ${YEARS.length} years, ${CATEGORY_WEIGHTS.length} categories`);
        await measure(app.url, tokens, total, peaks);
        for (const kind of ['aggregate csv', 'aggregate xlsx', 'records csv', 'records xlsx']) {
          const a = peaks.get(`${kind} ${small}`);
          const b = peaks.get(`${kind} ${total}`);
          if (a === undefined || b === undefined) continue;
          // Flat: ten times the seizures may not hold more than a few tens of MB more.
          const flat = b.heldPeak - a.heldPeak < 32 * 1024 * 1024;
          console.log(`  ${kind}: heap held ${mb(a.heldPeak)} at ${fmt(small)}, ${mb(b.heldPeak)} at ${fmt(total)} seizures; ` +
            `peak RSS growth ${mb(a.rssPeak)}, ${mb(b.rssPeak)} ${flat ? '(flat: budget met)' : '(NOT flat: budget missed)'}`);
        }
      }
    } finally {
      await app.close();
    }
  } finally {
    await database.close();
    rmSync(dataDir, { recursive: true, force: true });
    if (!process.env.OPENCEN_BENCH_KEEP) await admin.query('DROP DATABASE IF EXISTS opencen_bench_datareq WITH (FORCE)');
    await admin.end();
  }
}
