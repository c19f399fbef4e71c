import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createTestDatabase, type TestDatabase } from '../testing/test-database.ts';
import { createAuditLog } from '../../identity/index.ts';
import { makeUser, TEST_PASSWORD } from '../../identity/testing.ts';
import type { AppContext } from '../context.ts';

// Two app processes on one PostgreSQL: an event raised by a request to one reaches a browser stream held by
// the other, through LISTEN/NOTIFY. PGlite serves a single process, so this runs in the PostgreSQL suite
// (OPENCEN_TEST_DATABASE_URL), which CI runs.
const pgUrl = process.env.OPENCEN_TEST_DATABASE_URL;
const root = join(import.meta.dirname, '..', '..', '..');

describe.runIf(pgUrl)('realtime events and sign-out across app processes', () => {
  let tdb: TestDatabase;
  const procs: ChildProcess[] = [];
  const dataDir = mkdtempSync(join(tmpdir(), 'opencen-xproc-'));

  async function node(port: number) {
    const proc = spawn(join(root, 'node_modules', '.bin', 'tsx'), [join(root, 'server', 'main.ts')], {
      env: { ...process.env, DATABASE_URL: tdb.url!, PORT: String(port), HOST: '127.0.0.1', OPENCEN_DATA_DIR: dataDir, OPENCEN_DEMO: 'false', OPENCEN_LOG_LEVEL: 'warn', OPENCEN_COOKIE_SECURE: 'false' },
      stdio: ['ignore', 'ignore', 'inherit'],
    });
    procs.push(proc);
    const url = `http://127.0.0.1:${port}`;
    for (let i = 0; i < 300; i++) {
      try {
        if ((await fetch(`${url}/api/ready`)).ok) return url;
      } catch {
        // starting
      }
      await new Promise((r) => setTimeout(r, 100));
    }
    throw new Error(`node on port ${port} did not become ready`);
  }

  beforeAll(async () => {
    tdb = await createTestDatabase();
  });
  afterAll(async () => {
    for (const p of procs) p.kill('SIGTERM');
    await Promise.all(procs.map((p) => new Promise((r) => (p.exitCode !== null ? r(null) : p.once('exit', r)))));
    await tdb?.cleanup();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('delivers an event raised on node A to a client connected to node B', async () => {
    const ctx = { database: tdb.database, audit: createAuditLog(tdb.database) } as AppContext;
    const { user } = await makeUser(ctx, ['ncp']);
    const base = 18400 + Math.floor(Math.random() * 500);
    const [a, b] = await Promise.all([node(base), node(base + 1)]);

    const login = await fetch(`${a}/api/v1/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: user.username, password: TEST_PASSWORD }) });
    const cookie = login.headers.getSetCookie()[0].split(';')[0];
    const { csrfToken } = (await login.json()) as { csrfToken: string };

    // The browser's stream is held by node B.
    const abort = new AbortController();
    const stream = await fetch(`${b}/api/v1/events`, { headers: { cookie, accept: 'text/event-stream' }, signal: abort.signal });
    expect(stream.status).toBe(200);
    const reader = stream.body!.getReader();
    const received = (async () => {
      let text = '';
      const decoder = new TextDecoder();
      for (;;) {
        const { value, done } = await reader.read();
        if (done) return text;
        text += decoder.decode(value);
        if (text.includes('event: profile.updated')) return text;
      }
    })();
    await new Promise((r) => setTimeout(r, 300));

    // The change is made through node A.
    const profile = await (await fetch(`${a}/api/v1/profile`, { headers: { cookie } })).json();
    const put = await fetch(`${a}/api/v1/profile`, {
      method: 'PUT',
      headers: { cookie, 'x-csrf-token': csrfToken, 'content-type': 'application/json' },
      body: JSON.stringify({ ...profile, surname: 'Nowak', phone: '+48 22 555 01 02', language: 'ru' }),
    });
    expect(put.status).toBe(200);

    const timeout = new Promise<string>((_, reject) => setTimeout(() => reject(new Error('no event within 10 s')), 10_000));
    const text = await Promise.race([received, timeout]);
    abort.abort();
    expect(text).toContain('event: profile.updated');
    expect(text).toContain('"language":"ru"');

    // Node B remembers the session for a while; signing out on node A must reach it too.
    expect((await fetch(`${b}/api/v1/auth/me`, { headers: { cookie } })).status).toBe(200);
    expect((await fetch(`${a}/api/v1/auth/logout`, { method: 'POST', headers: { cookie, 'x-csrf-token': csrfToken } })).status).toBe(204);
    let status = 200;
    for (let i = 0; i < 40 && status === 200; i++) {
      await new Promise((r) => setTimeout(r, 50));
      status = (await fetch(`${b}/api/v1/auth/me`, { headers: { cookie } })).status;
    }
    expect(status).toBe(401);
  });
});
