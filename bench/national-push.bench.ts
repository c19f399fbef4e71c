import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import pg from 'pg';
import { prepareDatabase } from '../server/database-setup.ts';
import { createAuditLog, createOrganisation, createUser } from '../server/identity/index.ts';
import { migrate } from '../server/platform/db/migrate.ts';
import { embeddedDir, openDatabase, type Database } from '../server/platform/db/database.ts';
import { referenceSets } from '../server/reference/index.ts';
import { generateSeizures } from '../server/seizures/testing.ts';

/**
 * The national push (issue 13): a national node and its hub, each its own process (`node --import tsx
 * server/main.ts`) on its own database (PostgreSQL, then PGlite), the national node pushing with a hub
 * system account's token. Drafts are stored beforehand; what is measured starts at the national submit (POST …/submit, whose
 * transaction writes the outbox row) and ends when the hub has the seizure, submitted to its RILO:
 * - latency: seizures submitted at a constant 200 a second, p50 / p95 / max from the outbox row's creation
 *   (the national submit) to its `sent_at` (the hub answered the submission, so its row exists; budget < 2 s);
 * - throughput: a backlog pushed flat out from a paused outbox (budget ≥ 200 seizures/s);
 * - the resident memory of both processes before and after.
 */
const root = join(import.meta.dirname, '..');
const pgUrl = process.env.OPENCEN_BENCH_PG_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const LATENCY_N = Number(process.env.OPENCEN_BENCH_PUSH_LATENCY_N ?? 1000);
const RATE = 200;

const fmt = (n: number) => Math.round(n).toLocaleString('en');
const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(0)} MB`;
const quantile = (xs: number[], q: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor(q * s.length))] ?? 0;
};

function dbUrl(name: string) {
  const u = new URL(pgUrl);
  u.pathname = `/${name}`;
  return u.toString();
}

async function recreate(name: string, template?: string) {
  const c = new pg.Client({ connectionString: pgUrl });
  await c.connect();
  await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  await c.query(`CREATE DATABASE ${name}${template ? ` TEMPLATE ${template}` : ''}`);
  await c.end();
}

async function drop(name: string) {
  const c = new pg.Client({ connectionString: pgUrl });
  await c.connect();
  await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  await c.end();
}

/** French customs and a system account of it (its token comes from `npx opencen token:issue`). */
async function frenchCustoms(database: Database, username: string): Promise<{ orgId: string; userId: string }> {
  const deps = { database, audit: createAuditLog(database), countryExists: async () => true };
  const ref = await referenceSets(database);
  const org = await createOrganisation(deps, null, { name: 'France Customs', shortName: 'FR-CUSTOMS', kind: 'customs', country: 'FR', region: ref.regionOf.get('FR') ?? null });
  const user = await createUser(deps, null, { username, displayName: `${username} (system)`, email: `${username}@example.org`, orgId: org.id, roles: ['ncp'], system: true });
  return { orgId: org.id, userId: user.id };
}

function issueToken(env: Record<string, string>, username: string): string {
  const res = spawnSync(process.execPath, ['--import', 'tsx', join(root, 'server', 'cli.ts'), 'token:issue', '--username', username, '--name', 'bench'], {
    cwd: root,
    env: { ...process.env, ...env },
    encoding: 'utf8',
  });
  if (res.status !== 0) throw new Error(`token:issue failed: ${res.stderr}`);
  return res.stdout.trim().split('\n').pop()!.trim();
}

async function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const s = createServer();
    s.listen(0, '127.0.0.1', () => {
      const a = s.address();
      s.close(() => resolve(typeof a === 'object' && a ? a.port : 0));
    });
  });
}

async function startNode(env: Record<string, string>): Promise<{ proc: ChildProcess; url: string }> {
  const port = await freePort();
  const proc = spawn(process.execPath, ['--import', 'tsx', join(root, 'server', 'main.ts')], {
    cwd: root,
    env: { ...process.env, PORT: String(port), HOST: '127.0.0.1', OPENCEN_LOG_LEVEL: 'warn', OPENCEN_DEMO: 'false', OPENCEN_COOKIE_SECURE: 'false', ...env },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const url = `http://127.0.0.1:${port}`;
  for (;;) {
    if (proc.exitCode !== null) throw new Error(`server exited with ${proc.exitCode}`);
    try {
      if ((await fetch(`${url}/api/ready`)).ok) return { proc, url };
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 100));
  }
}

async function stopNode(proc: ChildProcess) {
  if (proc.exitCode !== null) return;
  const exited = new Promise((r) => proc.once('exit', r));
  proc.kill('SIGTERM');
  await exited;
}

const rss = (proc: ChildProcess) => Number(/VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${proc.pid}/status`, 'utf8'))?.[1] ?? 0) * 1024;

async function call(url: string, token: string, method: string, path: string, body?: unknown) {
  const res = await fetch(url + path, {
    method,
    headers: { authorization: `Bearer ${token}`, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await res.text();
  if (!res.ok) throw new Error(`${method} ${path}: ${res.status} ${text.slice(0, 300)}`);
  return text ? (JSON.parse(text) as Record<string, unknown>) : {};
}

/** Submits each id, `rate` a second (0: as fast as `concurrency` allows). */
async function submitAll(url: string, token: string, ids: string[], rate: number, concurrency = 16) {
  const started = performance.now();
  let next = 0;
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      for (;;) {
        const i = next++;
        if (i >= ids.length) return;
        if (rate) {
          const due = started + (i * 1000) / rate;
          const wait = due - performance.now();
          if (wait > 0) await new Promise((r) => setTimeout(r, wait));
        }
        await call(url, token, 'POST', `/api/v1/seizures/${ids[i]}/submit`);
      }
    }),
  );
  return performance.now() - started;
}

/** The national outbox through its API (an embedded database is its node's alone). */
async function outboxCounts(url: string, token: string) {
  return (await call(url, token, 'GET', '/api/v1/national/outbox?limit=1')).counts as Record<string, number>;
}

async function untilSent(url: string, token: string, target: number, timeoutMs: number) {
  const end = Date.now() + timeoutMs;
  for (;;) {
    const c = await outboxCounts(url, token);
    if (c.sent + c.failed >= target) return c;
    if (Date.now() > end) throw new Error(`only ${c.sent} of ${target} sent after ${timeoutMs / 1000} s`);
    await new Promise((res) => setTimeout(res, 50));
  }
}

/** Milliseconds from the outbox row's creation (the national submit) to its sending, for these seizures. */
async function sentTimes(url: string, token: string, ids: Set<string>): Promise<number[]> {
  const out: number[] = [];
  for (let offset = 0; ; offset += 200) {
    const page = await call(url, token, 'GET', `/api/v1/national/outbox?state=sent&limit=200&offset=${offset}`);
    const items = page.items as { seizureId: string; createdAt: string; sentAt: string }[];
    for (const i of items) if (ids.has(i.seizureId)) out.push(Date.parse(i.sentAt) - Date.parse(i.createdAt));
    if (items.length < 200) return out;
  }
}

type Engine = 'postgres' | 'pglite';
type NodeName = 'hub' | 'national';

/** The nodes' databases: migrated, reference data, French customs and a system account on each, drafts on the national one, and the two tokens. */
async function prepare(engine: Engine, dirs: Record<NodeName | 'template', string>, n: number) {
  const names = { hub: 'opencen_bench_push_hub', national: 'opencen_bench_push_national', template: 'opencen_bench_push_template' };
  const open = (node: NodeName) => (engine === 'postgres' ? openDatabase({ databaseUrl: dbUrl(names[node]), poolSize: 4 }) : openDatabase({ pgliteDir: embeddedDir(dirs[node]) }));
  if (engine === 'postgres') {
    await recreate(names.template);
    const t = await openDatabase({ databaseUrl: dbUrl(names.template), poolSize: 4 });
    await prepareDatabase(t);
    await t.close();
    await recreate(names.hub, names.template);
    await recreate(names.national, names.template);
  } else {
    const t = await openDatabase({ pgliteDir: embeddedDir(dirs.template) });
    await prepareDatabase(t);
    await t.close();
    for (const node of ['hub', 'national'] as const) cpSync(embeddedDir(dirs.template), embeddedDir(dirs[node]), { recursive: true });
  }
  const env = (node: NodeName): Record<string, string> => ({ OPENCEN_DATA_DIR: dirs[node], OPENCEN_ROLE: node, ...(engine === 'postgres' ? { DATABASE_URL: dbUrl(names[node]) } : {}) });
  const hubDb = await open('hub');
  await frenchCustoms(hubDb, 'system.fr-ncen');
  await hubDb.close();
  const natDb = await open('national');
  await migrate(natDb, () => undefined, 'national');
  const fr = await frenchCustoms(natDb, 'bench.national');
  // Drafts, as French customs' officers left them: their submission is what is measured.
  const drafts = await generateSeizures(natDb, { count: n, orgIdsByCountry: new Map([['FR', fr.orgId]]), userId: fr.userId, seed: 13, years: 1, statuses: [['draft', 1]], externalRefPrefix: 'PUSH-' });
  await natDb.close();
  // The tokens as an administrator issues them, with the command line, before the servers start.
  return {
    ids: drafts.ids,
    hubEnv: env('hub'),
    nationalEnv: env('national'),
    hubToken: issueToken(env('hub'), 'system.fr-ncen'),
    natToken: issueToken(env('national'), 'bench.national'),
    async cleanup() {
      if (engine === 'postgres' && !process.env.OPENCEN_BENCH_KEEP) for (const name of Object.values(names)) await drop(name);
    },
  };
}

async function run(engine: Engine, latencyN: number, backlogN: number) {
  console.log(`\n  [${engine === 'postgres' ? 'PostgreSQL' : 'PGlite'}] ${fmt(latencyN)} seizures submitted at ${RATE}/s, then a backlog of ${fmt(backlogN)}`);
  const dirs = { hub: mkdtempSync(join(tmpdir(), 'opencen-push-hub-')), national: mkdtempSync(join(tmpdir(), 'opencen-push-nat-')), template: mkdtempSync(join(tmpdir(), 'opencen-push-tpl-')) };
  const procs: ChildProcess[] = [];
  const setup = await prepare(engine, dirs, 20 + latencyN + backlogN);
  try {
    const { ids, natToken } = setup;
    const warm = ids.slice(0, 20);
    const latencyIds = ids.slice(20, 20 + latencyN);
    const backlogIds = ids.slice(20 + latencyN);
    const hub = await startNode(setup.hubEnv);
    procs.push(hub.proc);
    const national = await startNode({ ...setup.nationalEnv, OPENCEN_HUB_URL: hub.url, OPENCEN_HUB_TOKEN: setup.hubToken });
    procs.push(national.proc);
    const before = { national: rss(national.proc), hub: rss(hub.proc) };

    // Warm-up: a few seizures through the whole path (connections opened, code compiled).
    await submitAll(national.url, natToken, warm, 0, 4);
    await untilSent(national.url, natToken, warm.length, 60_000);

    // Latency at the budget's rate.
    const submitMs = await submitAll(national.url, natToken, latencyIds, RATE);
    const lat = await untilSent(national.url, natToken, warm.length + latencyIds.length, 600_000);
    const ms = await sentTimes(national.url, natToken, new Set(latencyIds));
    const p95 = quantile(ms, 0.95);
    console.log(`    national submits: ${fmt((latencyIds.length * 1000) / submitMs)}/s reached`);
    console.log(`    national submit → on the hub: p50 ${fmt(quantile(ms, 0.5))} ms, p95 ${fmt(p95)} ms, max ${fmt(Math.max(...ms))} ms (budget p95 < 2 s: ${p95 < 2000 ? 'met' : 'NOT MET'}); ${lat.failed} refused`);

    // Throughput: a backlog queued while the outbox is paused, then resumed.
    await call(national.url, natToken, 'POST', '/api/v1/national/outbox/pause', { paused: true });
    const queueMs = await submitAll(national.url, natToken, backlogIds, 0);
    const t0 = performance.now();
    await call(national.url, natToken, 'POST', '/api/v1/national/outbox/pause', { paused: false });
    const thr = await untilSent(national.url, natToken, ids.length, 1_200_000);
    const seconds = (performance.now() - t0) / 1000;
    const rate = backlogIds.length / seconds;
    console.log(`    national submits queued at ${fmt((backlogIds.length * 1000) / queueMs)}/s (outbox paused)`);
    console.log(`    throughput: ${fmt(rate)} seizures/s pushed, each a creation and a submission on the hub, in ${seconds.toFixed(1)} s (budget ≥ 200/s: ${rate >= 200 ? 'met' : 'NOT MET'}); ${thr.failed} refused in all`);
    const after = { national: rss(national.proc), hub: rss(hub.proc) };
    console.log(`    resident memory: national node ${mb(before.national)} → ${mb(after.national)}, hub ${mb(before.hub)} → ${mb(after.hub)}`);
    const page = await call(hub.url, setup.hubToken, 'GET', '/api/v1/seizures?status=submitted&pageSize=1');
    console.log(`    on the hub: ${page.totalCapped ? `over ${fmt(page.total as number)}` : fmt(page.total as number)} submitted seizures of French customs, for ${fmt(ids.length)} pushed`);
  } finally {
    for (const p of procs.reverse()) await stopNode(p);
    for (const d of Object.values(dirs)) rmSync(d, { recursive: true, force: true });
    await setup.cleanup();
  }
}

export async function benchNationalPush() {
  console.log('\nNational push to the hub (issue 13): a hub and a national node, two processes on loopback');
  const pgN = Number(process.env.OPENCEN_BENCH_PUSH_N ?? 3000);
  const pgliteN = Number(process.env.OPENCEN_BENCH_PUSH_PGLITE_N ?? 2000);
  if (pgN > 0) {
    let reachable = true;
    try {
      const c = new pg.Client({ connectionString: pgUrl });
      await c.connect();
      await c.end();
    } catch {
      reachable = false;
      console.log(`  [PostgreSQL] skipped: cannot connect to ${pgUrl} (set OPENCEN_BENCH_PG_URL)`);
    }
    if (reachable) await run('postgres', LATENCY_N, pgN);
  }
  if (pgliteN > 0) await run('pglite', LATENCY_N, pgliteN);
}

if (import.meta.url === `file://${process.argv[1]}`) await benchNationalPush();
