import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { startTestApp, TestClient, type TestApp } from '../testing/test-app.ts';
import { makeUser } from '../../identity/testing.ts';
import { ROLES, type Role } from './access.ts';
import { issueApiToken } from '../../identity/index.ts';

// Walks every registered API route: anonymous callers get 401, callers without a required role 403.
let t: TestApp;
const tokenFor = new Map<Role, string>();

beforeAll(async () => {
  t = await startTestApp();
  for (const role of ROLES) {
    const { user } = await makeUser(t.ctx, [role], { system: true });
    tokenFor.set(role, (await issueApiToken(t.ctx.database, { name: 'walk', userId: user.id })).token);
  }
});
afterAll(async () => t?.close());

function concrete(url: string) {
  return url.replace(/:(\w+)/g, (_m, name) => (name === 'id' ? '00000000-0000-4000-8000-000000000000' : 'x'));
}

describe('every API route is denied by default', () => {
  it('answers 401 to anonymous callers on every non-public route', async () => {
    const routes = t.routes;
    expect(routes.length).toBeGreaterThan(20);
    const failures: string[] = [];
    for (const r of routes) {
      if (r.access === 'public') continue;
      const res = await fetch(t.url + concrete(r.url), { method: r.method, headers: r.method === 'GET' || r.method === 'DELETE' ? {} : { 'content-type': 'application/json' }, body: r.method === 'GET' || r.method === 'DELETE' ? undefined : '{}' });
      if (res.status !== 401) failures.push(`${r.method} ${r.url} → ${res.status}`);
      await res.body?.cancel();
    }
    expect(failures).toEqual([]);
  });

  it('answers 403 to a caller holding none of the required roles', async () => {
    const failures: string[] = [];
    let checked = 0;
    for (const r of t.routes) {
      if (!Array.isArray(r.access)) continue;
      const wrong = ROLES.find((role) => !(r.access as readonly Role[]).includes(role))!;
      const c = new TestClient(t.url);
      c.bearer = tokenFor.get(wrong)!;
      const res = await c.call(r.method, concrete(r.url), r.method === 'GET' || r.method === 'DELETE' ? undefined : {});
      if (res.status !== 403) failures.push(`${r.method} ${r.url} as ${wrong} → ${res.status}`);
      checked++;
    }
    expect(checked).toBeGreaterThan(10);
    expect(failures).toEqual([]);
  });

  it('answers 403 to an API token on every route for a person (profile, password, second factor, live events)', async () => {
    const personal = t.routes.filter((r) => !r.tokens);
    expect(personal.map((r) => `${r.method} ${r.url}`)).toEqual(
      expect.arrayContaining(['GET /api/v1/profile', 'PUT /api/v1/profile', 'POST /api/v1/auth/password', 'POST /api/v1/auth/totp/enrol', 'GET /api/v1/events']),
    );
    expect(personal.map((r) => `${r.method} ${r.url}`)).not.toContain('GET /api/v1/auth/me');
    const failures: string[] = [];
    for (const r of personal) {
      const c = new TestClient(t.url);
      c.bearer = tokenFor.get('admin')!;
      const res = await c.call(r.method, concrete(r.url), r.method === 'GET' || r.method === 'DELETE' ? undefined : {});
      if (res.status !== 403) failures.push(`${r.method} ${r.url} → ${res.status}`);
    }
    expect(failures).toEqual([]);
  });

  it('refuses a revoked or made-up bearer token', async () => {
    const c = new TestClient(t.url);
    c.bearer = 'ocn_madeup';
    expect((await c.get('/api/v1/auth/me')).status).toBe(401);
  });
});
