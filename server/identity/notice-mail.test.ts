import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { SMTPServer } from 'smtp-server';
import type { AddressInfo } from 'node:net';
import { startTestApp, TestClient, type TestApp } from '../platform/testing/test-app.ts';
import { makeUser, TEST_PASSWORD } from './test-fixtures.ts';
import { totpCode } from './totp.ts';
import { MAX_FAILED_LOGINS } from './auth-service.ts';

// Security notices travel app → job queue → SMTP: a real SMTP server on loopback receives them.
const received: { to: string[]; raw: string }[] = [];
let smtp: SMTPServer;
let t: TestApp;

beforeAll(async () => {
  smtp = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    onData(stream, session, done) {
      let raw = '';
      stream.on('data', (c: Buffer) => (raw += c.toString('utf8')));
      stream.on('end', () => {
        received.push({ to: session.envelope.rcptTo.map((r) => r.address), raw });
        done();
      });
    },
  });
  await new Promise<void>((r) => smtp.listen(0, '127.0.0.1', r));
  const port = (smtp.server.address() as AddressInfo).port;
  t = await startTestApp({ SMTP_HOST: '127.0.0.1', SMTP_PORT: String(port), OPENCEN_JOBS: 'true' });
});
afterAll(async () => {
  await t?.close();
  await new Promise<void>((r) => smtp.close(() => r()));
});

async function waitForMail(to: string, ms = 15_000) {
  const end = Date.now() + ms;
  while (Date.now() < end) {
    const m = received.find((x) => x.to.includes(to));
    if (m) return m;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`no mail to ${to}`);
}

describe('security notices by e-mail', () => {
  it('tells a user their account was locked', async () => {
    const { user } = await makeUser(t.ctx, ['ncp']);
    for (let i = 0; i < MAX_FAILED_LOGINS; i++) await new TestClient(t.url).post('/api/v1/auth/login', { username: user.username, password: 'wrong-password-xx' });
    const mail = await waitForMail(user.email);
    expect(mail.raw).toMatch(/Subject: OpenCEN: your account is locked/);
  });

  it('tells a user an administrator reset their password, without the password', async () => {
    const { user: adminUser } = await makeUser(t.ctx, ['admin']);
    const admin = new TestClient(t.url);
    const signIn = await admin.post('/api/v1/auth/login', { username: adminUser.username, password: TEST_PASSWORD });
    expect(signIn.status, JSON.stringify(signIn.body)).toBe(200);
    const enrol = await admin.post('/api/v1/auth/totp/enrol');
    expect(enrol.status, JSON.stringify(enrol.body)).toBe(200);
    await admin.post('/api/v1/auth/totp/confirm', { code: totpCode(enrol.body.secret) });
    const { user } = await makeUser(t.ctx, ['viewer']);
    const reset = await admin.post(`/api/v1/admin/users/${user.id}/reset-password`);
    expect(reset.status, JSON.stringify(reset.body)).toBe(200);
    const mail = await waitForMail(user.email);
    expect(mail.raw).toMatch(/Subject: OpenCEN: your password was reset/);
    expect(mail.raw).not.toContain(reset.body.temporaryPassword);
  });
});
