import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import autocannon from 'autocannon';
import pg from 'pg';
import { DEMO_PASSWORD } from '../server/demo/seed.ts';
import { startServer, stopServer, type AppProcess } from './app-process.ts';

/**
 * Platform budgets (issue: platform foundation): start-up time, authenticated JSON
 * reads through HTTP, and sign-in latency, on PGlite and on PostgreSQL. The app runs
 * as its own process, as in production; the load comes from this process.
 */
const root = join(import.meta.dirname, '..');
const tsx = join(root, 'node_modules', '.bin', 'tsx');

const stop = (s: AppProcess) => stopServer(s.proc);

function cli(env: Record<string, string>, args: string[]): string {
  const res = spawnSync(tsx, [join(root, 'server', 'cli.ts'), ...args], { env: { ...process.env, ...env }, encoding: 'utf8' });
  if (res.status !== 0) throw new Error(`opencen ${args.join(' ')} failed: ${res.stderr}`);
  return res.stdout;
}

async function readLoad(url: string, token: string) {
  const result = await autocannon({
    url: `${url}/api/v1/reference/countries?q=fra&limit=10`,
    headers: { authorization: `Bearer ${token}` },
    connections: 16,
    duration: 10,
  });
  return { rps: Math.round(result.requests.average), p50: result.latency.p50, p99: result.latency.p99, errors: result.errors + result.non2xx };
}

/** The same through the database: every request asks a different three-letter prefix, so few are remembered. */
async function readLoadUncached(url: string, token: string) {
  const letters = 'abcdefghijklmnopqrstuvwxyz';
  const pick = () => letters[Math.floor(Math.random() * 26)];
  const kinds = ['countries', 'locodes', 'hs-codes', 'airports', 'currencies'];
  const result = await autocannon({
    url,
    headers: { authorization: `Bearer ${token}` },
    connections: 16,
    duration: 10,
    requests: [{ setupRequest: (req) => ({ ...req, path: `/api/v1/reference/${kinds[Math.floor(Math.random() * kinds.length)]}?q=${pick()}${pick()}${pick()}&limit=10` }) }],
  });
  return { rps: Math.round(result.requests.average), p50: result.latency.p50, p99: result.latency.p99, errors: result.errors + result.non2xx };
}

async function loginLatency(url: string, n = 30) {
  const times: number[] = [];
  for (let i = 0; i < n; i++) {
    const t0 = performance.now();
    const res = await fetch(`${url}/api/v1/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: 'ncp.france', password: DEMO_PASSWORD }),
    });
    if (!res.ok) throw new Error(`login failed: ${res.status}`);
    await res.text();
    times.push(performance.now() - t0);
  }
  times.sort((a, b) => a - b);
  return { p50: times[Math.floor(n * 0.5)], p95: times[Math.floor(n * 0.95)] };
}

const issueToken = (env: Record<string, string>) => cli(env, ['token:issue', '--username', 'system.fr-ncen', '--name', 'bench']).trim().split('\n').pop()!;

async function run(label: string, env: Record<string, string>, port: number) {
  const first = await startServer(env, port);
  await stop(first);
  const token = issueToken(env);
  const again = await startServer(env, port);
  const load = await readLoad(again.url, token);
  const uncached = await readLoadUncached(again.url, token);
  const login = await loginLatency(again.url);
  await stop(again);
  console.log(`\n[${label}]`);
  console.log(`  first start, new database → ready: ${(first.msToReady / 1000).toFixed(2)} s   (budget < 10 s)`);
  console.log(`  restart → ready:                   ${(again.msToReady / 1000).toFixed(2)} s   (budget < 3 s)`);
  console.log(`  authenticated lookup, repeated:    ${load.rps} req/s, p50 ${load.p50} ms, p99 ${load.p99} ms, errors ${load.errors}   (budget ≥ 2,000 req/s, p99 < 20 ms on PostgreSQL)`);
  console.log(`  same, a new prefix each time (DB):  ${uncached.rps} req/s, p50 ${uncached.p50} ms, p99 ${uncached.p99} ms, errors ${uncached.errors}`);
  console.log(`  sign-in (argon2id m=19 MiB t=2 p=1): p50 ${login.p50.toFixed(1)} ms, p95 ${login.p95.toFixed(1)} ms`);
}

export async function benchPlatform() {
  for (const script of ['build:server', 'build:db-template']) {
    const r = spawnSync('npm', ['run', script], { cwd: root, encoding: 'utf8' });
    if (r.status !== 0) throw new Error(`npm run ${script} failed: ${r.stderr}`);
  }
  const dataDir = mkdtempSync(join(tmpdir(), 'opencen-bench-'));
  try {
    await run('PGlite (embedded)', { OPENCEN_DATA_DIR: dataDir }, 8291);
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
  const pgUrl = process.env.OPENCEN_BENCH_PG_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
  const admin = new pg.Client({ connectionString: pgUrl });
  try {
    await admin.connect();
  } catch {
    console.log(`\n[PostgreSQL] skipped: cannot connect to ${pgUrl} (set OPENCEN_BENCH_PG_URL)`);
    return;
  }
  await admin.query('DROP DATABASE IF EXISTS opencen_bench WITH (FORCE)');
  await admin.query('CREATE DATABASE opencen_bench');
  const u = new URL(pgUrl);
  u.pathname = '/opencen_bench';
  const pgDataDir = mkdtempSync(join(tmpdir(), 'opencen-bench-pg-'));
  try {
    await run('PostgreSQL', { DATABASE_URL: u.toString(), OPENCEN_DATA_DIR: pgDataDir }, 8292);
  } finally {
    await admin.query('DROP DATABASE IF EXISTS opencen_bench WITH (FORCE)');
    await admin.end();
    rmSync(pgDataDir, { recursive: true, force: true });
  }
}
