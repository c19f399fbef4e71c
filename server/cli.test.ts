import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, rmSync, existsSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { pgliteTemplateDir, createTestDatabase, type TestDatabase } from './platform/testing/test-database.ts';

// `npx opencen …` as an administrator runs it, against a database cloned from the test template.
const root = join(import.meta.dirname, '..');
let dataDir: string;
let tdb: TestDatabase | undefined;
const env: Record<string, string> = {};

beforeAll(async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'opencen-cli-'));
  env.OPENCEN_DATA_DIR = dataDir;
  if (process.env.OPENCEN_TEST_DATABASE_URL) {
    tdb = await createTestDatabase();
    await tdb.database.close();
    env.DATABASE_URL = tdb.url!;
  } else {
    cpSync(pgliteTemplateDir(), join(dataDir, 'pgdata'), { recursive: true });
  }
});
afterAll(async () => {
  if (tdb) {
    const admin = new pg.Client({ connectionString: process.env.OPENCEN_TEST_DATABASE_URL });
    await admin.connect();
    await admin.query(`DROP DATABASE IF EXISTS ${new URL(tdb.url!).pathname.slice(1)} WITH (FORCE)`);
    await admin.end();
  }
  rmSync(dataDir, { recursive: true, force: true });
});

function opencen(...args: string[]) {
  const res = spawnSync(join(root, 'bin', 'opencen.js'), args, { env: { ...process.env, ...env, OPENCEN_LOG_LEVEL: 'warn' }, encoding: 'utf8' });
  return { code: res.status, out: res.stdout, err: res.stderr };
}

describe('npx opencen', () => {
  it('migrates, creates an organisation and users, issues and revokes a token, verifies the audit chain', () => {
    expect(opencen('migrate').out).toMatch(/up to date|applied/);
    expect(opencen('org:create', '--name', 'Customs of Testland', '--short', 'TL-CUSTOMS', '--kind', 'customs', '--country', 'FR').code).toBe(0);
    const person = opencen('user:create', '--username', 'tl.ncp', '--name', 'T. L.', '--email', 'tl@example.org', '--org', 'TL-CUSTOMS', '--roles', 'ncp');
    expect(person.code).toBe(0);
    expect(person.out).toMatch(/password \(shown once\): \S{12,}/);
    const system = opencen('user:create', '--username', 'tl.system', '--name', 'Testland nCEN', '--email', 'sys@example.org', '--org', 'TL-CUSTOMS', '--roles', 'ncp', '--system');
    expect(system.code).toBe(0);
    const issued = opencen('token:issue', '--username', 'tl.system', '--name', 'link');
    expect(issued.code).toBe(0);
    expect(issued.out).toMatch(/ocn_[\w-]{40,}/);
    const id = issued.out.match(/token ([0-9a-f-]{36})/)![1];
    expect(opencen('token:revoke', '--id', id).out).toMatch(/revoked/);
    expect(opencen('token:revoke', '--id', id).code).toBe(1);
    const reset = opencen('user:reset-password', '--username', 'tl.ncp');
    expect(reset.out).toMatch(/temporary password/);
    const verify = opencen('audit:verify');
    expect(verify.code).toBe(0);
    expect(verify.out).toMatch(/audit chain intact: \d+ rows checked/);
  }, 240_000);

  it('refuses bad input with a clear message and a non-zero exit', () => {
    const r = opencen('org:create', '--name', 'X');
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/--short is required/);
    const unknown = opencen('user:create', '--username', 'zz', '--name', 'Z', '--email', 'z@example.org', '--org', 'NOPE', '--roles', 'ncp');
    expect(unknown.err).toMatch(/No organisation with short name NOPE/);
    expect(opencen('frobnicate').code).toBe(1);
  }, 120_000);

  it('rotates the master key and keeps the old one for backups', () => {
    const keyFile = join(dataDir, 'keys', 'master.key');
    const before = existsSync(keyFile) ? readFileSync(keyFile, 'utf8') : '';
    const r = opencen('key:rotate');
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/master key rotated/);
    expect(readFileSync(keyFile, 'utf8')).not.toBe(before);
    expect(r.out).toMatch(/\.retired/);
  }, 120_000);
});
