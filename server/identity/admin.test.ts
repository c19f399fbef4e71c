import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { sql } from 'drizzle-orm';
import { startTestApp, TestClient, type TestApp } from '../platform/testing/test-app.ts';
import { makeUser, TEST_PASSWORD } from './test-fixtures.ts';
import { totpCode } from './totp.ts';

let t: TestApp;
let admin: TestClient;
beforeAll(async () => {
  t = await startTestApp();
  const { user } = await makeUser(t.ctx, ['admin']);
  admin = new TestClient(t.url);
  await admin.post('/api/v1/auth/login', { username: user.username, password: TEST_PASSWORD });
  const enrol = await admin.post('/api/v1/auth/totp/enrol');
  await admin.post('/api/v1/auth/totp/confirm', { code: totpCode(enrol.body.secret) });
});
afterAll(async () => t?.close());

const count = async (table: string) => (await t.ctx.database.rows<{ n: number }>(sql.raw(`SELECT count(*)::int AS n FROM ${table}`)))[0].n;

describe('organisations', () => {
  it('creates, lists and edits an organisation; refuses a duplicate short name and an unknown country', async () => {
    const created = await admin.post('/api/v1/admin/organisations', { name: 'Customs of Atlantis Test', shortName: 'ATL-TEST', kind: 'customs', country: 'PT', region: 'EUR' });
    expect(created.status).toBe(201);
    expect(created.body.kind).toBe('customs');
    const before = await count('organisations');
    const dup = await admin.post('/api/v1/admin/organisations', { name: 'Other', shortName: 'atl-test', kind: 'customs' });
    expect(dup.status).toBe(409);
    expect(dup.body.errors[0].field).toBe('body.shortName');
    const badCountry = await admin.post('/api/v1/admin/organisations', { name: 'Nowhere', shortName: 'NOWHERE', kind: 'customs', country: 'QQ' });
    expect(badCountry.status).toBe(400);
    expect(badCountry.body.errors[0].field).toBe('body.country');
    const badKind = await admin.post('/api/v1/admin/organisations', { name: 'Nowhere', shortName: 'NOWHERE', kind: 'army' });
    expect(badKind.status).toBe(400);
    expect(badKind.body.errors[0].field).toBe('body.kind');
    expect(await count('organisations')).toBe(before);

    const edited = await admin.patch(`/api/v1/admin/organisations/${created.body.id}`, { name: 'Customs of Atlantis' });
    expect(edited.body.name).toBe('Customs of Atlantis');
    const list = await admin.get('/api/v1/admin/organisations');
    expect(list.body.items.map((o: { shortName: string }) => o.shortName)).toContain('ATL-TEST');
  });
});

describe('users', () => {
  it('creates a user who can sign in, filters the list, and refuses bad input without storing anything', async () => {
    const orgs = (await admin.get('/api/v1/admin/organisations')).body.items;
    const org = orgs[0];
    const created = await admin.post('/api/v1/admin/users', { username: 'ana.analyst', displayName: 'Ana Analyst', email: 'ana@example.org', orgId: org.id, roles: ['rilo_analyst'], password: 'analyst-password-2026' });
    expect(created.status).toBe(201);
    expect(created.body.roles).toEqual(['rilo_analyst']);
    const login = await new TestClient(t.url).post('/api/v1/auth/login', { username: 'ana.analyst', password: 'analyst-password-2026' });
    expect(login.status).toBe(200);

    const before = await count('users');
    const dup = await admin.post('/api/v1/admin/users', { username: 'ANA.analyst', displayName: 'x', email: 'x@example.org', orgId: org.id, roles: ['ncp'], password: 'analyst-password-2026' });
    expect(dup.status).toBe(409);
    const badRole = await admin.post('/api/v1/admin/users', { username: 'bob', displayName: 'Bob', email: 'bob@example.org', orgId: org.id, roles: ['emperor'], password: 'analyst-password-2026' });
    expect(badRole.status).toBe(400);
    expect(badRole.body.errors[0].field).toMatch(/^body\.roles/);
    const weak = await admin.post('/api/v1/admin/users', { username: 'bob', displayName: 'Bob', email: 'bob@example.org', orgId: org.id, roles: ['ncp'], password: 'short' });
    expect(weak.body.errors[0].field).toBe('body.password');
    expect(await count('users')).toBe(before);

    const filtered = await admin.get('/api/v1/admin/users?role=rilo_analyst&q=ana');
    expect(filtered.body.items.map((u: { username: string }) => u.username)).toEqual(['ana.analyst']);

    const disabled = await admin.patch(`/api/v1/admin/users/${created.body.id}`, { disabled: true });
    expect(disabled.body.disabled).toBe(true);
    expect((await new TestClient(t.url).post('/api/v1/auth/login', { username: 'ana.analyst', password: 'analyst-password-2026' })).status).toBe(401);
  });
});

describe('API tokens', () => {
  it('issues a token to a system account, which then calls the API under its roles until revoked', async () => {
    const { user } = await makeUser(t.ctx, ['ncp'], { system: true });
    const issued = await admin.post('/api/v1/admin/tokens', { name: 'nCEN France', userId: user.id, expiresInDays: 30 });
    expect(issued.status).toBe(201);
    expect(issued.body.token).toMatch(/^ocn_/);
    const system = new TestClient(t.url);
    system.bearer = issued.body.token;
    expect((await system.get('/api/v1/reference/countries?q=fra')).status).toBe(200);
    expect((await system.get('/api/v1/admin/users')).status).toBe(403);
    const listed = await admin.get('/api/v1/admin/tokens');
    expect(listed.body.items.find((x: { id: string }) => x.id === issued.body.id).token).toBeUndefined();
    expect((await admin.delete(`/api/v1/admin/tokens/${issued.body.id}`)).status).toBe(204);
    expect((await system.get('/api/v1/reference/countries?q=fra')).status).toBe(401);
  });

  it('refuses a token for a person’s account', async () => {
    const { user } = await makeUser(t.ctx, ['ncp']);
    const res = await admin.post('/api/v1/admin/tokens', { name: 'x', userId: user.id });
    expect(res.status).toBe(400);
    expect(res.body.errors[0].field).toBe('body.userId');
  });
});

describe('audit log browsing', () => {
  it('shows what administrators did, filtered by action, and verifies the chain', async () => {
    const res = await admin.get('/api/v1/admin/audit?action=organisation.');
    expect(res.status).toBe(200);
    expect(res.body.items.length).toBeGreaterThan(0);
    expect(res.body.items.every((i: { action: string }) => i.action.startsWith('organisation.'))).toBe(true);
    const bad = await admin.get('/api/v1/admin/audit?from=yesterday');
    expect(bad.status).toBe(400);
    expect(bad.body.errors[0].field).toBe('querystring.from');
    const verify = await admin.get('/api/v1/admin/audit/verify');
    expect(verify.body.ok).toBe(true);
    expect(verify.body.checked).toBeGreaterThan(5);
  });
});

describe('profile', () => {
  it('validates the CENcomm profile fields with messages per field, then saves', async () => {
    const { user } = await makeUser(t.ctx, ['ncp']);
    const c = new TestClient(t.url);
    await c.post('/api/v1/auth/login', { username: user.username, password: TEST_PASSWORD });
    const profile = (await c.get('/api/v1/profile')).body;
    expect(profile.email).toBe(user.email);
    const bad = await c.put('/api/v1/profile', { ...profile, surname: '', officeName: '', phone: '', email: 'not-mail', email2: 'x' });
    expect(bad.status).toBe(400);
    const fields = bad.body.errors.map((e: { field: string }) => e.field).sort();
    expect(fields).toEqual(['body.email', 'body.email2', 'body.officeName', 'body.phone', 'body.surname']);
    const unknownCountry = await c.put('/api/v1/profile', { ...profile, surname: 'Kowalska', phone: '+48 22 555 01 01', country: 'QQ' });
    expect(unknownCountry.body.errors[0].field).toBe('body.country');

    const good = { ...profile, surname: 'Kowalska', firstName: 'Anna', country: 'PL', service: 'Customs', phone: '+48 22 555 01 01', language: 'fr', mailAlerts: true, libraryAlerts: false };
    const saved = await c.put('/api/v1/profile', good);
    expect(saved.status).toBe(200);
    expect((await c.get('/api/v1/profile')).body).toMatchObject({ surname: 'Kowalska', country: 'PL', language: 'fr', mailAlerts: true });
    expect((await c.get('/api/v1/auth/me')).body.user).toMatchObject({ language: 'fr', displayName: 'Anna Kowalska' });
  });
});

describe('live streams follow the account', () => {
  it('ends a user’s event stream when an administrator disables the account, and refuses a new one', async () => {
    const { user } = await makeUser(t.ctx, ['ncp']);
    const c = new TestClient(t.url);
    await c.post('/api/v1/auth/login', { username: user.username, password: TEST_PASSWORD });
    const stream = await fetch(`${t.url}/api/v1/events`, { headers: { cookie: c.cookie } });
    expect(stream.status).toBe(200);
    const reader = stream.body!.getReader();
    const ended = (async () => {
      for (;;) if ((await reader.read()).done) return true;
    })();
    await new Promise((r) => setTimeout(r, 200));
    expect((await admin.patch(`/api/v1/admin/users/${user.id}`, { disabled: true })).status).toBe(200);
    const timeout = new Promise((_, reject) => setTimeout(() => reject(new Error('stream still open after 5 s')), 5000));
    expect(await Promise.race([ended, timeout])).toBe(true);
    expect((await fetch(`${t.url}/api/v1/events`, { headers: { cookie: c.cookie } })).status).toBe(401);
  });
});

describe('language', () => {
  it('saves the UI language alone, even before the mandatory profile fields are filled', async () => {
    const { user } = await makeUser(t.ctx, ['viewer']);
    const c = new TestClient(t.url);
    await c.post('/api/v1/auth/login', { username: user.username, password: TEST_PASSWORD });
    expect((await c.put('/api/v1/profile/language', { language: 'ur' })).status).toBe(204);
    expect((await c.get('/api/v1/auth/me')).body.user.language).toBe('ur');
    const bad = await c.put('/api/v1/profile/language', { language: 'xx' });
    expect(bad.status).toBe(400);
    expect(bad.body.errors[0].field).toBe('body.language');
    expect((await c.get('/api/v1/auth/me')).body.user.language).toBe('ur');
  });
});
