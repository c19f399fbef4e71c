import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { startTestApp, TestClient, type TestApp } from '../platform/testing/test-app.ts';
import { makeUser, TEST_PASSWORD } from './test-fixtures.ts';
import { totpCode } from './totp.ts';
import { MAX_FAILED_LOGINS } from './auth-service.ts';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(async () => t?.close());

async function signIn(username: string, password = TEST_PASSWORD) {
  const c = new TestClient(t.url);
  const res = await c.post('/api/v1/auth/login', { username, password });
  return { c, res };
}

describe('sign-in', () => {
  it('signs an NCP in without a second factor, keeps the session, and signs out', async () => {
    const { user } = await makeUser(t.ctx, ['ncp']);
    const { c, res } = await signIn(user.username);
    expect(res.status).toBe(200);
    expect(res.body.secondFactor).toBe('none');
    expect(res.body.user.username).toBe(user.username);
    expect(res.headers.getSetCookie()[0]).toMatch(/HttpOnly/i);
    expect(res.headers.getSetCookie()[0]).toMatch(/SameSite=Strict/i);
    const me = await c.get('/api/v1/auth/me');
    expect(me.status).toBe(200);
    expect(me.body.user.id).toBe(user.id);
    // The administration's country, which the seizure form starts with.
    expect(me.body.user.orgCountry).toBe('FR');
    expect((await c.post('/api/v1/auth/logout')).status).toBe(204);
    expect((await c.get('/api/v1/auth/me')).status).toBe(401);
  });

  it('answers a wrong password and an unknown user the same way', async () => {
    const { user } = await makeUser(t.ctx, ['ncp']);
    const wrong = (await signIn(user.username, 'not-the-password-1')).res;
    const unknown = (await signIn('nobody.here', 'not-the-password-1')).res;
    expect(wrong.status).toBe(401);
    expect(unknown.status).toBe(401);
    expect(wrong.body.detail).toBe(unknown.body.detail);
    expect(wrong.headers.get('content-type')).toMatch(/application\/problem\+json/);
  });

  it('locks the account after repeated wrong passwords, even for the right one, until an admin unlocks it', async () => {
    const { user } = await makeUser(t.ctx, ['ncp']);
    for (let i = 0; i < MAX_FAILED_LOGINS - 1; i++) expect((await signIn(user.username, 'wrong-password-xx')).res.status).toBe(401);
    expect((await signIn(user.username, 'wrong-password-xx')).res.status).toBe(429);
    const locked = (await signIn(user.username)).res;
    expect(locked.status).toBe(429);
    expect(locked.body.detail).toMatch(/locked until/);

    const admin = await adminClient();
    const listed = await admin.get(`/api/v1/admin/users?q=${user.username}`);
    expect(listed.body.items[0].lockedUntil).not.toBeNull();
    expect((await admin.post(`/api/v1/admin/users/${user.id}/unlock`)).status).toBe(204);
    expect((await signIn(user.username)).res.status).toBe(200);
  });

  it('refuses writes without the CSRF token', async () => {
    const { user } = await makeUser(t.ctx, ['ncp']);
    const { c } = await signIn(user.username);
    c.csrf = '';
    const res = await c.post('/api/v1/auth/password', { currentPassword: TEST_PASSWORD, newPassword: 'another-long-pass-77' });
    expect(res.status).toBe(403);
    expect(res.body.detail).toMatch(/CSRF/);
  });
});

/** Signs in a fresh administrator, enrolling TOTP as the first sign-in requires. */
async function adminClient() {
  const { user } = await makeUser(t.ctx, ['admin']);
  const { c, res } = await signIn(user.username);
  expect(res.body.secondFactor).toBe('enrol');
  const enrol = await c.post('/api/v1/auth/totp/enrol');
  const confirmed = await c.post('/api/v1/auth/totp/confirm', { code: totpCode(enrol.body.secret) });
  expect(confirmed.status).toBe(200);
  return c;
}

describe('second factor', () => {
  it('makes an administrator enrol TOTP before any administration, then asks for a code at each sign-in', async () => {
    const { user } = await makeUser(t.ctx, ['admin']);
    const { c, res } = await signIn(user.username);
    expect(res.body.secondFactor).toBe('enrol');
    const blocked = await c.get('/api/v1/admin/users');
    expect(blocked.status).toBe(401);
    expect(blocked.body.type).toBe('urn:opencen:problem:second-factor-required');

    const enrol = await c.post('/api/v1/auth/totp/enrol');
    expect(enrol.status).toBe(200);
    expect(enrol.body.otpauthUrl).toMatch(/^otpauth:\/\/totp\//);
    expect(enrol.body.qrDataUrl).toMatch(/^data:image\/png;base64,/);
    expect((await c.post('/api/v1/auth/totp/confirm', { code: '000000' })).status).toBe(400);
    const first = Date.now();
    expect((await c.post('/api/v1/auth/totp/confirm', { code: totpCode(enrol.body.secret, first) })).status).toBe(200);
    expect((await c.get('/api/v1/admin/users')).status).toBe(200);

    // Next sign-in: the code of the next time step passes, the same code again does not (replay).
    const second = await signIn(user.username);
    expect(second.res.body.secondFactor).toBe('verify');
    const next = totpCode(enrol.body.secret, first + 30_000);
    expect((await second.c.post('/api/v1/auth/totp/verify', { code: next })).status).toBe(200);
    const third = await signIn(user.username);
    const replay = await third.c.post('/api/v1/auth/totp/verify', { code: next });
    expect(replay.status).toBe(400);
    expect(replay.body.errors[0].field).toBe('body.code');
  });

  it('rejects a malformed code with a field error', async () => {
    const { user } = await makeUser(t.ctx, ['admin']);
    const { c } = await signIn(user.username);
    const res = await c.post('/api/v1/auth/totp/confirm', { code: '12ab' });
    expect(res.status).toBe(400);
    expect(res.body.errors).toEqual([{ field: 'body.code', message: 'must be 6 digits' }]);
  });
});

describe('passwords', () => {
  it('lets an administrator reset a password; the user must change it and the old one stops working', async () => {
    const admin = await adminClient();
    const { user } = await makeUser(t.ctx, ['ncp']);
    const reset = await admin.post(`/api/v1/admin/users/${user.id}/reset-password`);
    expect(reset.status).toBe(200);
    const temp = reset.body.temporaryPassword as string;
    expect((await signIn(user.username)).res.status).toBe(401);
    const { c, res } = await signIn(user.username, temp);
    expect(res.status).toBe(200);
    expect(res.body.user.mustChangePassword).toBe(true);
    const blocked = await c.get('/api/v1/profile');
    expect(blocked.status).toBe(403);
    expect(blocked.body.type).toBe('urn:opencen:problem:password-change-required');
    const weak = await c.post('/api/v1/auth/password', { currentPassword: temp, newPassword: 'short' });
    expect(weak.status).toBe(400);
    expect(weak.body.errors[0].field).toBe('body.newPassword');
    expect((await c.post('/api/v1/auth/password', { currentPassword: temp, newPassword: 'a-brand-new-secret-42' })).status).toBe(204);
    expect((await c.get('/api/v1/auth/me')).body.user.mustChangePassword).toBe(false);
    expect((await c.get('/api/v1/profile')).status).toBe(200);
    expect((await signIn(user.username, 'a-brand-new-secret-42')).res.status).toBe(200);
  });
});
