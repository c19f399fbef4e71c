import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { randomUUID } from 'node:crypto';
import { startTestApp, type TestApp, type TestClient } from '../platform/testing/test-app.ts';
import { signIn } from '../seizures/testing.ts';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(() => t?.close());

/** Reads the server-sent events of a signed-in client until told to stop. */
function liveStream(client: TestClient) {
  const controller = new AbortController();
  const events: { type: string; data: Record<string, unknown> }[] = [];
  let ended = false;
  const done = (async () => {
    const res = await fetch(`${client.base}/api/v1/events`, { headers: { cookie: client.cookie }, signal: controller.signal });
    const reader = res.body!.getReader();
    let buffer = '';
    for (;;) {
      const { value, done: end } = await reader.read();
      if (end) break;
      buffer += new TextDecoder().decode(value);
      let cut: number;
      while ((cut = buffer.indexOf('\n\n')) >= 0) {
        const block = buffer.slice(0, cut);
        buffer = buffer.slice(cut + 2);
        const type = /^event: (.*)$/m.exec(block)?.[1];
        const data = /^data: (.*)$/m.exec(block)?.[1];
        if (type && data) events.push({ type, data: JSON.parse(data) });
      }
    }
    ended = true;
  })().catch(() => {
    ended = true;
  });
  const until = async (cond: () => boolean) => {
    for (let i = 0; i < 200 && !cond(); i++) await new Promise((r) => setTimeout(r, 25));
    return cond();
  };
  return { events, until, ended: () => ended, close: () => controller.abort(), done };
}

async function operationWith(n: { ncps: number; pus?: number }) {
  const ocu = await signIn(t, ['i2c_officer'], { country: 'BE' });
  const op = await ocu.client.post('/api/v1/operations', { code: `T${randomUUID().slice(0, 6).replace(/-/g, '')}`.toUpperCase().slice(0, 8), name: 'Operation Test', status: 'active' });
  expect(op.status).toBe(201);
  const ncps = [];
  for (let i = 0; i < n.ncps; i++) {
    const m = await signIn(t, ['ncp'], { country: i % 2 ? 'FR' : 'KE' });
    expect((await ocu.client.post(`/api/v1/operations/${op.body.id}/members`, { userId: m.user.id, role: 'ncp' })).status).toBe(201);
    ncps.push(m);
  }
  const pus = [];
  for (let i = 0; i < (n.pus ?? 0); i++) {
    const m = await signIn(t, ['ncp'], { country: 'KE' });
    await ocu.client.post(`/api/v1/operations/${op.body.id}/members`, { userId: m.user.id, role: 'pu' });
    pus.push(m);
  }
  return { ocu, op: op.body as { id: string; code: string }, ncps, pus };
}

describe('an operation is a closed user group', () => {
  it('answers 403 to a non-member on every operation route, and lists nothing of it', async () => {
    const { op } = await operationWith({ ncps: 1 });
    const outsider = await signIn(t, ['ncp'], { country: 'FR' });
    const routes = t.routes.filter((r) => r.url.startsWith('/api/v1/operations/:opId'));
    expect(routes.length).toBeGreaterThanOrEqual(14);
    const answers: string[] = [];
    for (const r of routes) {
      const url = r.url.replace(':opId', op.id).replace(/:[a-zA-Z]+/g, randomUUID());
      const body = r.method === 'GET' || r.method === 'DELETE' ? undefined : {};
      const res = await outsider.client.call(r.method, url + (url.endsWith('/candidates') ? '?q=ab' : url.endsWith('/attachments') ? '?name=x' : ''), body);
      if (res.status !== 403) answers.push(`${r.method} ${r.url} → ${res.status}`);
    }
    expect(answers).toEqual([]);
    expect((await outsider.client.get('/api/v1/operations')).body.items).toEqual([]);
  });
});

describe('mailbox', () => {
  it('delivers to the NCPs live, counts reads per recipient, and mails only an alert to those who ask', async () => {
    const { ocu, op, ncps, pus } = await operationWith({ ncps: 3, pus: 1 });
    await t.ctx.database.rows(sql`UPDATE users SET profile = profile || '{"mailAlerts": true}'::jsonb WHERE id = ${ncps[0].user.id}`);
    const live = liveStream(ncps[1].client);
    const puLive = liveStream(pus[0].client);
    await new Promise((r) => setTimeout(r, 200));

    const sent = await ocu.client.post(`/api/v1/operations/${op.id}/messages`, { to: { mode: 'ncps' }, subject: 'Warning: acetic anhydride shipment', body: 'Container MSCU1234567 due at Mombasa.' });
    expect(sent.status).toBe(201);
    expect(sent.body.recipientCount).toBe(3);
    expect(await live.until(() => live.events.some((e) => e.type === 'comm.message' && e.data.messageId === sent.body.id))).toBe(true);
    // The participating user was not addressed and hears nothing.
    await new Promise((r) => setTimeout(r, 150));
    expect(puLive.events.filter((e) => e.type === 'comm.message')).toEqual([]);

    const inbox = await ncps[1].client.get(`/api/v1/operations/${op.id}/messages?folder=inbox`);
    expect(inbox.body.items.map((m: { id: string; read: boolean }) => [m.id, m.read])).toEqual([[sent.body.id, false]]);
    expect((await ncps[1].client.get('/api/v1/operations')).body.items[0].unread).toBe(1);
    const opened = await ncps[1].client.get(`/api/v1/operations/${op.id}/messages/${sent.body.id}`);
    expect(opened.body).toMatchObject({ subject: 'Warning: acetic anhydride shipment', body: 'Container MSCU1234567 due at Mombasa.' });
    expect((await ncps[1].client.get('/api/v1/operations')).body.items[0].unread).toBe(0);

    const status = await ocu.client.get(`/api/v1/operations/${op.id}/messages/${sent.body.id}/read-status`);
    expect(status.body).toMatchObject({ read: 1, unread: 2 });
    expect(status.body.recipients.find((r: { userId: string }) => r.userId === ncps[1].user.id).readAt).not.toBeNull();
    // A recipient does not see who else read it.
    expect((await ncps[2].client.get(`/api/v1/operations/${op.id}/messages/${sent.body.id}/read-status`)).status).toBe(403);
    // A participating user who was not addressed cannot open it.
    expect((await pus[0].client.get(`/api/v1/operations/${op.id}/messages/${sent.body.id}`)).status).toBe(404);

    const mails = await t.ctx.database.rows<{ payload: { to: string; subject: string; text: string } }>(sql`SELECT payload FROM jobs WHERE kind = 'mail.send'
      AND payload->>'to' = ANY(${`{${ncps.map((n) => n.user.email).join(',')}}`}::text[])`);
    expect(mails.map((m) => m.payload.to)).toEqual([ncps[0].user.email]);
    expect(mails[0].payload.text).not.toContain('acetic');
    expect(mails[0].payload.subject).not.toContain('acetic');
    live.close();
    puLive.close();
  });

  it('keeps outbox, bin and own folders, searches, and refuses recipients outside the operation', async () => {
    const { ocu, op, ncps } = await operationWith({ ncps: 2 });
    const outsider = await signIn(t, ['ncp'], { country: 'FR' });
    const before = (await ocu.client.get(`/api/v1/operations/${op.id}/messages?folder=outbox`)).body.total;
    const bad = await ocu.client.post(`/api/v1/operations/${op.id}/messages`, { to: { mode: 'chosen', userIds: [ncps[0].user.id, outsider.user.id] }, subject: 'x' });
    expect(bad.status).toBe(422);
    expect(bad.body.errors).toEqual([{ field: 'body.to.userIds.1', message: 'is not a member of this operation' }]);
    expect((await ocu.client.get(`/api/v1/operations/${op.id}/messages?folder=outbox`)).body.total).toBe(before);

    const a = await ocu.client.post(`/api/v1/operations/${op.id}/messages`, { to: { mode: 'chosen', userIds: [ncps[0].user.id] }, subject: 'Feedback on cocaine case', body: 'bananas' });
    const b = await ocu.client.post(`/api/v1/operations/${op.id}/messages`, { to: { mode: 'all' }, subject: 'Newsletter', body: 'weekly figures' });
    expect(b.body.recipientCount).toBe(2);
    const box = ncps[0].client;
    expect((await box.get(`/api/v1/operations/${op.id}/messages?q=bananas`)).body.items.map((m: { id: string }) => m.id)).toEqual([a.body.id]);

    const folders = await box.post(`/api/v1/operations/${op.id}/folders`, { name: 'feedback' });
    const fid = folders.body.items.find((f: { name: string }) => f.name === 'feedback').id;
    expect((await box.post(`/api/v1/operations/${op.id}/folders`, { name: 'Feedback' })).status).toBe(409);
    expect((await box.post(`/api/v1/operations/${op.id}/messages/${a.body.id}/move`, { folder: fid })).status).toBe(204);
    expect((await box.post(`/api/v1/operations/${op.id}/messages/${b.body.id}/move`, { folder: 'bin' })).status).toBe(204);
    expect((await box.get(`/api/v1/operations/${op.id}/messages?folder=inbox`)).body.items).toEqual([]);
    expect((await box.get(`/api/v1/operations/${op.id}/messages?folder=${fid}`)).body.items.map((m: { id: string }) => m.id)).toEqual([a.body.id]);
    expect((await box.get(`/api/v1/operations/${op.id}/messages?folder=bin`)).body.items.map((m: { id: string }) => m.id)).toEqual([b.body.id]);
    // Deleting a folder returns its messages to the inbox.
    expect((await box.delete(`/api/v1/operations/${op.id}/folders/${fid}`)).status).toBe(204);
    expect((await box.get(`/api/v1/operations/${op.id}/messages?folder=inbox`)).body.items.map((m: { id: string }) => m.id)).toEqual([a.body.id]);

    // Reply and reply all go through the same send, linked to the original.
    const reply = await box.post(`/api/v1/operations/${op.id}/messages`, { to: { mode: 'chosen', userIds: [ocu.user.id] }, subject: 'Re: Feedback on cocaine case', replyToId: a.body.id });
    expect(reply.body.replyToId).toBe(a.body.id);
    const foreign = await outsider.client.post('/api/v1/operations', { code: 'ZZ9', name: 'x' });
    expect(foreign.status).toBe(403);
  });

  it('takes up to 10 attachments of up to 10 MB, encrypted, and refuses an eleventh or a bigger one', async () => {
    const { ocu, op, ncps } = await operationWith({ ncps: 1 });
    const up = (name: string, data: Buffer) =>
      fetch(`${t.url}/api/v1/operations/${op.id}/attachments?name=${name}`, {
        method: 'POST',
        headers: { cookie: ocu.client.cookie, 'x-csrf-token': ocu.client.csrf, 'content-type': 'application/octet-stream' },
        body: new Uint8Array(data),
      });
    const ids: string[] = [];
    for (let i = 0; i < 11; i++) ids.push(((await (await up(`n${i}.txt`, Buffer.from(`note ${i}`))).json()) as { id: string }).id);
    const tooBig = await up('big.bin', Buffer.alloc(10 * 1024 * 1024 + 2048));
    expect(tooBig.status).toBe(413);
    const eleven = await ocu.client.post(`/api/v1/operations/${op.id}/messages`, { to: { mode: 'all' }, subject: 'files', attachmentIds: ids });
    expect(eleven.status).toBe(400);
    const ten = await ocu.client.post(`/api/v1/operations/${op.id}/messages`, { to: { mode: 'all' }, subject: 'files', attachmentIds: ids.slice(0, 10) });
    expect(ten.status).toBe(201);
    expect(ten.body.attachmentList).toHaveLength(10);
    const file = await ncps[0].client.get(`/api/v1/operations/${op.id}/messages/${ten.body.id}/attachments/${ids[3]}`);
    expect(file.body).toBe('note 3');
    const [stored] = await t.ctx.database.rows<{ data: Uint8Array }>(sql`SELECT data FROM files WHERE id = ${ids[3]}`);
    expect(Buffer.from(stored.data).toString()).not.toContain('note 3');
    // Someone else's upload cannot be slipped into a message.
    const other = await ncps[0].client.post(`/api/v1/operations/${op.id}/messages`, { to: { mode: 'all' }, subject: 'steal', attachmentIds: [ids[10]] });
    expect(other.status).toBe(422);
  });

  it('cuts off a removed member at once: the live stream ends and every call gets 403', async () => {
    const { ocu, op, ncps } = await operationWith({ ncps: 2 });
    const live = liveStream(ncps[0].client);
    await new Promise((r) => setTimeout(r, 200));
    expect((await ocu.client.delete(`/api/v1/operations/${op.id}/members/${ncps[0].user.id}`)).status).toBe(204);
    expect(await live.until(live.ended)).toBe(true);
    expect((await ncps[0].client.get(`/api/v1/operations/${op.id}/messages`)).status).toBe(403);
    expect((await ncps[0].client.get(`/api/v1/operations/${op.id}`)).status).toBe(403);
    // The last OCU+ cannot leave the operation without a coordinator.
    expect((await ocu.client.delete(`/api/v1/operations/${op.id}/members/${ocu.user.id}`)).status).toBe(409);
  });
});
