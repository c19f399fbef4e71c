import { afterAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { loadConfig } from '../platform/config.ts';
import { startTestApp, type TestApp } from '../platform/testing/test-app.ts';

const apps: TestApp[] = [];
afterAll(async () => Promise.all(apps.map((a) => a.close())));

async function start(env: Record<string, string>) {
  const t = await startTestApp({ OPENCEN_SIGNIN_PER_ADDRESS: '3', ...env });
  apps.push(t);
  return t;
}

const attempt = (t: TestApp, forwardedFor?: string) =>
  fetch(`${t.url}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(forwardedFor ? { 'x-forwarded-for': forwardedFor } : {}) },
    body: JSON.stringify({ username: 'nobody.here', password: 'not-the-password-1' }),
  }).then((r) => r.status);

describe('client address behind a proxy', () => {
  it('by default ignores X-Forwarded-For: a forged header neither lifts the sign-in limit nor reaches the audit log', async () => {
    const t = await start({});
    for (let i = 0; i < 3; i++) expect(await attempt(t)).toBe(401);
    expect(await attempt(t)).toBe(429);
    expect(await attempt(t, '203.0.113.77')).toBe(429);
    const ips = await t.ctx.database.rows<{ ip: string }>(sql`SELECT DISTINCT ip FROM audit_log WHERE action LIKE 'auth.login%' AND ip IS NOT NULL`);
    expect(ips.map((r) => r.ip)).toEqual([expect.stringMatching(/127\.0\.0\.1/)]);
  });

  it('believes X-Forwarded-For from a configured proxy: each client has its own limit', async () => {
    const t = await start({ OPENCEN_TRUST_PROXY: '127.0.0.1, ::1' });
    for (let i = 0; i < 3; i++) expect(await attempt(t, '198.51.100.1')).toBe(401);
    expect(await attempt(t, '198.51.100.1')).toBe(429);
    expect(await attempt(t, '198.51.100.2')).toBe(401);
  });

  it('refuses a proxy list that is not addresses', async () => {
    expect(() => loadConfig({ OPENCEN_TRUST_PROXY: 'true' })).toThrow(/OPENCEN_TRUST_PROXY: must be a comma-separated list/);
  });
});
