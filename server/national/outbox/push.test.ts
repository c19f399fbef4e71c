import { spawn, type ChildProcess } from 'node:child_process';
import { cpSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { totpCode } from '../../identity/testing.ts';
import { PROJECT_ROOT } from '../../platform/paths.ts';
import { adminUrl, pgliteTemplateDir } from '../../platform/testing/test-database.ts';
import { TestClient } from '../../platform/testing/test-app.ts';
import { cocaineSeizure } from '../../seizures/testing.ts';
import type { HubState, OutboxItem, OutboxPage } from '../outbox-view.ts';

// Two real processes on loopback, as deployed: a hub and a national node, each with its own database
// (PGlite in its own data folder, or a PostgreSQL database of its own when OPENCEN_TEST_DATABASE_URL is set),
// started as `node --import tsx server/main.ts`, the national node pushing with a token the hub's command line
// issued to the hub's system account of French customs.

const PASSWORD = 'OpenCEN-demo-2026!';
const pgUrl = process.env.OPENCEN_TEST_DATABASE_URL;

interface Node {
  name: string;
  env: Record<string, string>;
  url: string;
  proc: ChildProcess | null;
  log: string[];
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

const databases: string[] = [];
const folders: string[] = [];

/** A data folder, and a database for it: a copy of the test template (migrated for a hub, reference data loaded). */
async function prepareNode(name: string, role: 'hub' | 'national', extra: Record<string, string> = {}): Promise<Node> {
  const dir = mkdtempSync(join(tmpdir(), `opencen-${name}-`));
  folders.push(dir);
  const port = await freePort();
  const env: Record<string, string> = {
    PORT: String(port),
    HOST: '127.0.0.1',
    OPENCEN_ROLE: role,
    OPENCEN_DEMO: 'true',
    OPENCEN_DATA_DIR: dir,
    OPENCEN_LOG_LEVEL: 'warn',
    OPENCEN_COOKIE_SECURE: 'false',
    ...extra,
  };
  if (pgUrl) {
    const db = `opencen_push_${name}_${randomBytes(4).toString('hex')}`;
    const admin = new pg.Client({ connectionString: pgUrl });
    await admin.connect();
    await admin.query(`CREATE DATABASE ${db} TEMPLATE ${process.env.OPENCEN_TEST_PG_TEMPLATE ?? 'opencen_test_template'}`);
    await admin.end();
    databases.push(db);
    env.DATABASE_URL = adminUrl(pgUrl, db);
  } else cpSync(pgliteTemplateDir(), join(dir, 'pgdata'), { recursive: true });
  return { name, env, url: `http://127.0.0.1:${port}`, proc: null, log: [] };
}

function childEnv(env: Record<string, string>): NodeJS.ProcessEnv {
  const base = { ...process.env };
  delete base.DATABASE_URL;
  for (const k of Object.keys(base)) if (k.startsWith('OPENCEN_') || k === 'PORT' || k === 'HOST') delete base[k];
  return { ...base, ...env };
}

/** Runs the command line with the node's environment; answers what it printed. */
async function cli(node: Node, args: string[]): Promise<string> {
  const proc = spawn(process.execPath, ['--import', 'tsx', 'server/cli.ts', ...args], { cwd: PROJECT_ROOT, env: childEnv(node.env), stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  proc.stdout.on('data', (d: Buffer) => (out += d.toString()));
  proc.stderr.on('data', (d: Buffer) => (out += d.toString()));
  const code = await new Promise<number | null>((resolve) => proc.once('exit', resolve));
  if (code !== 0) throw new Error(`opencen ${args.join(' ')} exited with ${code}:\n${out}`);
  return out;
}

/** Starts the server; answers when it is ready. */
function start(node: Node): Promise<void> {
  const proc = spawn(process.execPath, ['--import', 'tsx', 'server/main.ts'], { cwd: PROJECT_ROOT, env: childEnv(node.env), stdio: ['ignore', 'pipe', 'pipe'] });
  node.proc = proc;
  const keep = (d: Buffer) => {
    node.log.push(d.toString());
    if (node.log.length > 200) node.log.shift();
  };
  proc.stdout!.on('data', keep);
  proc.stderr!.on('data', keep);
  return (async () => {
    const end = Date.now() + 90_000;
    for (;;) {
      if (proc.exitCode !== null) throw new Error(`${node.name} exited with ${proc.exitCode}:\n${node.log.join('')}`);
      try {
        if ((await fetch(`${node.url}/api/ready`)).ok) return;
      } catch {
        // not listening yet
      }
      if (Date.now() > end) throw new Error(`${node.name} did not get ready:\n${node.log.join('')}`);
      await new Promise((r) => setTimeout(r, 100));
    }
  })();
}

async function stop(node: Node, signal: NodeJS.Signals = 'SIGTERM'): Promise<void> {
  const proc = node.proc;
  if (!proc || proc.exitCode !== null || proc.signalCode !== null) return;
  const exited = new Promise((r) => proc.once('exit', r));
  proc.kill(signal);
  await exited;
  node.proc = null;
}

async function until<T>(what: string, probe: () => Promise<T | undefined | null | false>, ms = 20_000): Promise<T> {
  const end = Date.now() + ms;
  for (;;) {
    const v = await probe().catch(() => undefined);
    if (v) return v;
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

async function signIn(base: string, username: string): Promise<TestClient> {
  const c = new TestClient(base);
  const res = await c.post('/api/v1/auth/login', { username, password: PASSWORD });
  if (res.status !== 200) throw new Error(`sign-in of ${username} failed: ${res.status} ${JSON.stringify(res.body)}`);
  if (res.body.secondFactor === 'enrol') {
    const { secret } = (await c.post('/api/v1/auth/totp/enrol')).body as { secret: string };
    const ok = await c.post('/api/v1/auth/totp/confirm', { code: totpCode(secret) });
    if (ok.status !== 200) throw new Error(`TOTP enrolment of ${username} failed: ${ok.status} ${JSON.stringify(ok.body)}`);
  }
  return c;
}

let hub: Node;
let national: Node;
let tokenFile: string;
let ncp: TestClient; // France's NCP on the national node
let hubApi: TestClient; // the hub's API with the national node's own token

beforeAll(async () => {
  hub = await prepareNode('hub', 'hub');
  national = await prepareNode('national', 'national');
  tokenFile = join(national.env.OPENCEN_DATA_DIR, 'hub-token');
  Object.assign(national.env, { OPENCEN_HUB_URL: hub.url, OPENCEN_HUB_TOKEN_FILE: tokenFile, OPENCEN_HUB_POLL_SECONDS: '1' });
  // While the national node starts: the hub's first start (its demo directory), then its administrator stops
  // it and issues the national node a token with the command line (an embedded database is one process's).
  // The national node reads the token from its file when it first needs it.
  const hubSide = (async () => {
    await start(hub);
    await stop(hub);
    const out = await cli(hub, ['token:issue', '--username', 'system.fr-ncen', '--name', 'push']);
    const token = out.trim().split('\n').pop()!.trim();
    writeFileSync(tokenFile, `${token}\n`, { mode: 0o600 });
    hubApi = new TestClient(hub.url);
    hubApi.bearer = token;
  })();
  await Promise.all([hubSide, start(national)]);
  ncp = await signIn(national.url, 'ncp.france');
}, 150_000);

afterAll(async () => {
  await Promise.all([stop(national ?? ({} as Node)), stop(hub ?? ({} as Node))]);
  for (const d of folders) rmSync(d, { recursive: true, force: true });
  if (pgUrl && databases.length) {
    const admin = new pg.Client({ connectionString: pgUrl });
    await admin.connect();
    for (const db of databases) await admin.query(`DROP DATABASE IF EXISTS ${db} WITH (FORCE)`);
    await admin.end();
  }
});

async function submitted(over: Record<string, unknown> = {}): Promise<string> {
  const c = await ncp.post('/api/v1/seizures', cocaineSeizure(over));
  if (c.status !== 201) throw new Error(`create: ${c.status} ${JSON.stringify(c.body)}`);
  const s = await ncp.post(`/api/v1/seizures/${c.body.id}/submit`);
  if (s.status !== 200) throw new Error(`submit: ${s.status} ${JSON.stringify(s.body)}`);
  return c.body.id as string;
}

async function outbox(): Promise<OutboxItem[]> {
  return ((await ncp.get('/api/v1/national/outbox?limit=200')).body as OutboxPage).items;
}

/** The hub's copies of a national seizure (found by the external reference the push gives them: the national id). */
async function onHub(nationalId: string): Promise<{ id: string; status: string }[]> {
  return (await hubApi.get(`/api/v1/seizures?externalRef=${nationalId}`)).body.items;
}

describe('a national node pushing to its hub, two processes on loopback', () => {
  it('keeps the queue while the hub is down and drains it in order once it is back', async () => {
    // The hub is down (its token was just issued); it is started again while seizures queue here.
    const restarted = start(hub);
    const ids = [await submitted(), await submitted(), await submitted()];
    await until('the first waits', async () => (await outbox()).find((r) => r.seizureId === ids[0] && r.state === 'pending' && r.lastError?.includes('cannot be reached')));
    await restarted;
    const rows = await until(
      'all sent',
      async () => {
        const all = await outbox();
        const mine = ids.map((id) => all.find((r) => r.seizureId === id)!);
        return mine.every((r) => r.state === 'sent') && mine;
      },
      30_000,
    );
    expect(rows[0].lastError).toBeNull();
    expect(rows[0].attempts).toBeGreaterThan(1);
    // The oldest goes first: it alone probed the hub while it was down, and the others waited behind it.
    for (const r of rows.slice(1)) expect(Date.parse(rows[0].sentAt!)).toBeLessThanOrEqual(Date.parse(r.sentAt!));
    for (const id of ids) expect(await onHub(id)).toHaveLength(1);
  });

  it('sends a seizure submitted nationally, without a nominal value, and brings the hub decision back', async () => {
    const id = await submitted({ externalRef: 'Affaire DUPONT Jean 1970', narrative: 'Container selected by risk profiling; the courier stays in the national file.' });
    const [copy] = await until('on the hub', async () => {
      const items = await onHub(id);
      return items.length > 0 && items[0].status === 'submitted' && items;
    });
    const full = (await hubApi.get(`/api/v1/seizures/${copy.id}`)).body;
    expect(full).toMatchObject({ externalRef: id, country: 'FR', status: 'submitted', commodities: [{ category: 'DRUGS', quantity: 120 }] });
    expect(JSON.stringify(full)).not.toMatch(/dupont/i);

    // The RILO of France on the hub returns it with a comment; the national node reads it back.
    const rilo = await signIn(hub.url, 'rilo.weu');
    expect((await rilo.post(`/api/v1/seizures/${copy.id}/return`, { comment: 'Add the departure port.' })).status).toBe(200);
    await until('returned nationally', async () => (await ncp.get(`/api/v1/seizures/${id}`)).body.status === 'returned');
    expect((await ncp.get(`/api/v1/seizures/${id}`)).body.returnComment).toBe('Add the departure port.');
    expect((await ncp.get(`/api/v1/national/seizures/${id}/hub`)).body as HubState).toMatchObject({
      state: 'on_hub',
      hubId: copy.id,
      hubReference: full.reference,
      hubStatus: 'returned',
      hubComment: 'Add the departure port.',
    });

    // Corrected and submitted again here: the change goes to the hub, which validates it; that comes back too.
    const here = (await ncp.get(`/api/v1/seizures/${id}`)).body;
    expect((await ncp.put(`/api/v1/seizures/${id}`, { ...cocaineSeizure({ narrative: 'Departure port Guayaquil confirmed.' }), version: here.version })).status).toBe(200);
    await ncp.post(`/api/v1/seizures/${id}/submit`);
    await until('changed on the hub', async () => (await hubApi.get(`/api/v1/seizures/${copy.id}`)).body.narrative === 'Departure port Guayaquil confirmed.');
    expect((await onHub(id)).length).toBe(1);
    await until('resubmitted on the hub', async () => (await hubApi.get(`/api/v1/seizures/${copy.id}`)).body.status === 'submitted');
    expect((await rilo.post(`/api/v1/seizures/${copy.id}/validate`, {})).status).toBe(200);
    await until('validated nationally', async () => (await ncp.get(`/api/v1/seizures/${id}`)).body.status === 'validated');
    expect((await outbox()).filter((r) => r.seizureId === id).map((r) => [r.operation, r.state])).toEqual([
      ['update', 'sent'],
      ['create', 'sent'],
    ]);
  });

  it('after kill -9 of the national node mid-push, loses nothing and duplicates nothing on the hub', async () => {
    expect((await ncp.post('/api/v1/national/outbox/pause', { paused: true })).status).toBe(200);
    const ids: string[] = [];
    for (let i = 0; i < 20; i++) ids.push(await submitted());
    await ncp.post('/api/v1/national/outbox/pause', { paused: false });
    await until('pushing', async () => {
      const sent = (await outbox()).filter((r) => ids.includes(r.seizureId) && r.state === 'sent').length;
      return sent >= 3;
    }, 10_000);
    await stop(national, 'SIGKILL');
    await start(national);
    ncp = await signIn(national.url, 'ncp.france');
    const rows = await until(
      'all sent after the restart',
      async () => {
        const mine = (await outbox()).filter((r) => ids.includes(r.seizureId));
        return mine.length === ids.length && mine.every((r) => r.state === 'sent') && mine;
      },
      30_000,
    );
    expect(rows.every((r) => r.lastError === null)).toBe(true);
    for (const id of ids) {
      const copies = await onHub(id);
      expect(copies, id).toHaveLength(1);
      expect(copies[0].status).toBe('submitted');
    }
    // Rows that were in flight at the kill were sent again (the hub's 409 says it had one already).
    const again = rows.filter((r) => r.attempts > 1);
    console.log(`kill -9: ${again.length} row(s) sent again, ${rows.filter((r) => r.hubStatus === 409).length} found on the hub already`);
  });
});
