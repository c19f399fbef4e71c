import { createHttpServer } from '../platform/http/server.ts';
import { createAuthenticator } from '../identity/index.ts';
import { makeUser, TEST_PASSWORD, totpCode } from '../identity/testing.ts';
import type { Role } from '../platform/http/access.ts';
import { startTestApp, TestClient, type TestApp } from '../platform/testing/test-app.ts';
import { createScreeningModule } from './module.ts';

/**
 * The test app with the screening routes. Once server/app.ts registers screeningModule, the test
 * app serves them itself; until then they are served by a second HTTP server over the same
 * context and database (sessions live in the database, so one sign-in works on both).
 */
export async function startScreeningTestApp(): Promise<TestApp & { screeningUrl: string }> {
  const t = await startTestApp();
  if (t.routes.some((r) => r.url.startsWith('/api/v1/screening/'))) return { ...t, screeningUrl: t.url };
  const http = await createHttpServer(t.config, false);
  http.setAuthenticator(createAuthenticator(t.ctx.database));
  await createScreeningModule(t.ctx).routes!(http.app);
  await http.app.ready();
  const screeningUrl = await http.app.listen({ port: 0, host: '127.0.0.1' });
  return {
    ...t,
    screeningUrl,
    async close() {
      await http.app.close();
      await t.close();
    },
  };
}

/** A signed-in client for a new user with these roles, in a new organisation (or the one given). */
export async function signedIn(t: TestApp & { screeningUrl: string }, roles: Role[]) {
  const { user, org } = await makeUser(t.ctx, roles);
  const login = new TestClient(t.url);
  const res = await login.post('/api/v1/auth/login', { username: user.username, password: TEST_PASSWORD });
  if (res.status !== 200) throw new Error(`sign-in failed: ${res.status} ${JSON.stringify(res.body)}`);
  if (roles.includes('admin')) {
    // Administrators must pass the second factor before any other call.
    const enrol = await login.post('/api/v1/auth/totp/enrol');
    await login.post('/api/v1/auth/totp/confirm', { code: totpCode(enrol.body.secret) });
  }
  const client = new TestClient(t.screeningUrl);
  client.cookie = login.cookie;
  client.csrf = login.csrf;
  return { client, user, org };
}
