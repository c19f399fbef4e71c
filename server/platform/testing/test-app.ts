import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadConfig, type Config } from '../config.ts';
import { startApp, type RunningApp } from '../../app.ts';
import { createTestDatabase, type TestDatabase } from './test-database.ts';
import { migrate } from '../db/migrate.ts';

export interface TestApp extends RunningApp {
  testDb: TestDatabase;
  config: Config;
}

/** A real app on a random loopback port over a fresh database clone. */
export async function startTestApp(env: Record<string, string> = {}): Promise<TestApp> {
  const testDb = await createTestDatabase();
  const dataDir = mkdtempSync(join(tmpdir(), 'opencen-app-'));
  const config = loadConfig({
    PORT: '0',
    HOST: '127.0.0.1',
    OPENCEN_DATA_DIR: dataDir,
    OPENCEN_DEMO: 'false',
    OPENCEN_JOBS: 'false',
    OPENCEN_LOG_LEVEL: 'silent',
    OPENCEN_COOKIE_SECURE: 'false',
    ...env,
  });
  // The template is a hub's database; a national node adds its own tables.
  if (config.role === 'national') await migrate(testDb.database, () => undefined, 'national');
  const running = await startApp(config, { database: testDb.database, prepared: true, logger: false });
  return {
    ...running,
    testDb,
    config,
    async close() {
      await running.close();
      await testDb.cleanup();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** An HTTP client that keeps the session cookie and sends the CSRF token, as the browser does. */
export class TestClient {
  cookie = '';
  csrf = '';
  bearer = '';
  constructor(public base: string) {}

  async call(method: string, path: string, body?: unknown, headers: Record<string, string> = {}) {
    const h: Record<string, string> = { ...headers };
    if (body !== undefined) h['content-type'] = 'application/json';
    if (this.cookie) h.cookie = this.cookie;
    if (this.csrf && method !== 'GET') h['x-csrf-token'] = this.csrf;
    if (this.bearer) h.authorization = `Bearer ${this.bearer}`;
    const res = await fetch(this.base + path, { method, headers: h, body: body === undefined ? undefined : JSON.stringify(body) });
    const set = res.headers.getSetCookie();
    for (const c of set) {
      const [pair] = c.split(';');
      this.cookie = pair.endsWith('=') ? '' : pair;
    }
    const text = await res.text();
    let json: any = undefined;
    try {
      json = text ? JSON.parse(text) : undefined;
    } catch {
      json = text;
    }
    if (json && typeof json === 'object' && typeof json.csrfToken === 'string') this.csrf = json.csrfToken;
    return { status: res.status, body: json, headers: res.headers };
  }
  get = (path: string) => this.call('GET', path);
  post = (path: string, body?: unknown) => this.call('POST', path, body ?? {});
  put = (path: string, body?: unknown) => this.call('PUT', path, body ?? {});
  patch = (path: string, body?: unknown) => this.call('PATCH', path, body ?? {});
  delete = (path: string) => this.call('DELETE', path);
}
