import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { startTestApp, TestClient, type TestApp } from '../platform/testing/test-app.ts';
import { signIn } from '../seizures/testing.ts';
import { TEST_PASSWORD } from '../identity/testing.ts';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(() => t?.close());

async function operation() {
  const ocu = await signIn(t, ['rilo_analyst'], { country: 'BE' });
  const op = (await ocu.client.post('/api/v1/operations', { code: `L${Math.floor(Math.random() * 1e6)}`, name: 'Library test', status: 'active' })).body;
  const ncp = await signIn(t, ['ncp'], { country: 'FR' });
  await ocu.client.post(`/api/v1/operations/${op.id}/members`, { userId: ncp.user.id, role: 'ncp' });
  return { ocu, ncp, op };
}

const upload = (c: TestClient, url: string, data: Buffer) =>
  fetch(`${c.base}${url}`, { method: 'POST', headers: { cookie: c.cookie, 'x-csrf-token': c.csrf, 'content-type': 'application/octet-stream' }, body: new Uint8Array(data) });

describe('operation library', () => {
  it('stores documents in folders, sends library alerts to those who ask, and lets only the uploader or an OCU+ remove them', async () => {
    const { ocu, ncp, op } = await operation();
    await t.ctx.database.rows(sql`UPDATE users SET profile = profile || '{"libraryAlerts": true}'::jsonb WHERE id = ${ncp.user.id}`);
    const folders = await ocu.client.post(`/api/v1/operations/${op.id}/library/folders`, { name: 'Manuals' });
    const folder = folders.body.folders[0].id;
    const res = await upload(ocu.client, `/api/v1/operations/${op.id}/library/documents?name=acetic-anhydride.txt&folder=${folder}`, Buffer.from('acetic anhydride profile'));
    expect(res.status).toBe(201);
    const doc = (await res.json()) as { id: string; size: number; uploadedBy: string };
    expect(doc.size).toBe(24);
    const listing = await ncp.client.get(`/api/v1/operations/${op.id}/library?folder=${folder}`);
    expect(listing.body.files.map((f: { name: string }) => f.name)).toEqual(['acetic-anhydride.txt']);
    expect(listing.body.folders[0]).toMatchObject({ name: 'Manuals', files: 1 });
    expect((await ncp.client.get(`/api/v1/operations/${op.id}/library/documents/${doc.id}`)).body).toBe('acetic anhydride profile');

    const mails = await t.ctx.database.rows<{ to: string; text: string }>(sql`SELECT payload->>'to' AS to, payload->>'text' AS text FROM jobs WHERE kind = 'mail.send' AND payload->>'text' LIKE '%library%Library test%'`);
    expect(mails.map((m) => m.to)).toEqual([ncp.user.email]);
    expect(mails[0].text).not.toContain('acetic');

    expect((await ncp.client.delete(`/api/v1/operations/${op.id}/library/documents/${doc.id}`)).status).toBe(403);
    expect((await ocu.client.delete(`/api/v1/operations/${op.id}/library/folders/${folder}`)).status).toBe(409);
    expect((await ocu.client.delete(`/api/v1/operations/${op.id}/library/documents/${doc.id}`)).status).toBe(204);
    expect((await ocu.client.delete(`/api/v1/operations/${op.id}/library/folders/${folder}`)).status).toBe(204);
  });

  it('refuses a document over 10 MB and keeps the library as it was', async () => {
    const { ocu, op } = await operation();
    const res = await upload(ocu.client, `/api/v1/operations/${op.id}/library/documents?name=big.bin`, Buffer.alloc(10 * 1024 * 1024 + 4096));
    expect(res.status).toBe(413);
    expect((await ocu.client.get(`/api/v1/operations/${op.id}/library`)).body.files).toEqual([]);
  });
});

describe('accounts for the group', () => {
  it('lets an OCU+ create an account that must change its password, and reset only such accounts', async () => {
    const { ocu, ncp, op } = await operation();
    const made = await ocu.client.post(`/api/v1/operations/${op.id}/users`, { username: `pu.${Date.now()}`, displayName: 'Port officer', email: 'port.officer@example.org', role: 'pu' });
    expect(made.status).toBe(201);
    const login = new TestClient(t.url);
    const signed = await login.post('/api/v1/auth/login', { username: made.body.username, password: made.body.temporaryPassword });
    expect(signed.status).toBe(200);
    expect((await login.get('/api/v1/auth/me')).body.user.mustChangePassword).toBe(true);
    const members = (await ocu.client.get(`/api/v1/operations/${op.id}/members`)).body.items;
    expect(members.find((m: { userId: string }) => m.userId === made.body.userId).role).toBe('pu');

    const again = await ocu.client.post(`/api/v1/operations/${op.id}/members/${made.body.userId}/reset-password`);
    expect(again.status).toBe(200);
    expect(again.body.temporaryPassword).not.toBe(made.body.temporaryPassword);
    // Not a member created for the group: an administrator's matter.
    expect((await ocu.client.post(`/api/v1/operations/${op.id}/members/${ncp.user.id}/reset-password`)).status).toBe(403);
    // An NCP of the operation is not a coordinator.
    expect((await ncp.client.post(`/api/v1/operations/${op.id}/users`, { username: 'x.y.z', displayName: 'X', email: 'x@example.org' })).status).toBe(403);
  });
});

describe('operation settings', () => {
  it('refuses a newsletter time zone the runtime does not know, and keeps the operation as it was', async () => {
    const { ocu, op } = await operation();
    const bad = await ocu.client.put(`/api/v1/operations/${op.id}`, { code: op.code, name: 'Library test', newsletterTimeZone: 'Mars/Olympus' });
    expect(bad.status).toBe(400);
    expect(bad.body.errors[0].field).toBe('body.newsletterTimeZone');
    const ok = await ocu.client.put(`/api/v1/operations/${op.id}`, { code: op.code, name: 'Library test', newsletterTimeZone: 'Asia/Kabul' });
    expect(ok.body.newsletterTimeZone).toBe('Asia/Kabul');
  });
});

describe('operation coordinators', () => {
  it('must pass a second factor at sign-in, as administrators do; other members need not', async () => {
    const { ocu, ncp } = await operation();
    const login = async (username: string) => (await new TestClient(t.url).post('/api/v1/auth/login', { username, password: TEST_PASSWORD })).body;
    expect((await login(ocu.user.username)).secondFactor).toBe('enrol');
    expect((await login(ncp.user.username)).secondFactor).toBe('none');
  });
});
