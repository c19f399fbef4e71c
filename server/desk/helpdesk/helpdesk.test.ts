import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../../platform/testing/test-app.ts';
import { signIn } from '../../seizures/testing.ts';
import { flushScreeningQueryLogs } from '../../screening/index.ts';
import { clockOf } from './store.ts';

let t: TestApp;
let ke: Awaited<ReturnType<typeof signIn>>;
let keColleague: Awaited<ReturnType<typeof signIn>>;
let fr: Awaited<ReturnType<typeof signIn>>;
let i2c: Awaited<ReturnType<typeof signIn>>;
let i2cOther: Awaited<ReturnType<typeof signIn>>;
const BASE = '/api/v1/desk/requests';

const ask = (over: Record<string, unknown> = {}) => ({ type: 'contact', priority: 'normal', subject: 'Who handles cattle smuggling in Uganda?', body: 'We need the 24/7 contact of Uganda customs for a cross-border case.', ...over });
const mailsTo = async (email: string, subject: string) =>
  (await t.ctx.database.rows<{ n: number }>(sql`SELECT count(*)::int AS n FROM jobs WHERE kind = 'mail.send' AND payload->>'to' = ${email} AND payload->>'subject' LIKE ${`%${subject}%`}`))[0].n;
type Client = Awaited<ReturnType<typeof signIn>>['client'];
/** A raw upload or download as the browser sends it (session cookie and CSRF token). */
const raw = async (c: Client, method: string, path: string, body?: Buffer, type = 'application/pdf') => {
  const res = await fetch(t.url + path, { method, headers: { cookie: c.cookie, 'x-csrf-token': c.csrf, ...(body ? { 'content-type': type } : {}) }, body: body ? new Uint8Array(body) : undefined });
  const text = await res.text();
  return { status: res.status, body: res.headers.get('content-type')?.includes('json') ? JSON.parse(text) : text };
};
const stored = async (id: string) => (await t.ctx.database.rows<Record<string, unknown>>(sql`SELECT status, priority, assignee_id, satisfaction, (SELECT count(*)::int FROM helpdesk_entries WHERE request_id = r.id) AS entries FROM helpdesk_requests r WHERE id = ${id}`))[0];

beforeAll(async () => {
  t = await startTestApp();
  ke = await signIn(t, ['ncp'], { country: 'KE' });
  keColleague = await signIn(t, ['ncp'], { orgId: ke.org.id });
  fr = await signIn(t, ['ncp'], { country: 'FR' });
  const wco = await signIn(t, ['i2c_officer'], { kind: 'wco', country: 'BE' });
  i2c = wco;
  i2cOther = await signIn(t, ['i2c_officer'], { orgId: wco.org.id });
});
afterAll(() => t?.close());

describe('help desk', () => {
  it('a member asks, the I2C answers in the thread, waits for the member, resolves; the member closes with a satisfaction answer', async () => {
    const created = await ke.client.post(BASE, ask());
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    expect(created.body.reference).toMatch(/^HD-\d{4}-\d{6}$/);
    const id = created.body.id as string;
    expect(await mailsTo(i2c.user.email, created.body.reference)).toBe(1);

    // The member's own organisation sees it; the I2C's queue has it, new and on the first-response clock.
    const mine = await keColleague.client.get(BASE);
    expect(mine.body.requests.map((r: { id: string }) => r.id)).toContain(id);
    const queue = await i2c.client.get(`${BASE}?status=new`);
    const inQueue = queue.body.requests.find((r: { id: string }) => r.id === id);
    expect(inQueue).toMatchObject({ status: 'new', type: 'contact', orgId: ke.org.id, clock: { target: 'first_response', paused: false, overdue: false } });
    expect(new Date(inQueue.clock.dueAt).getTime() - new Date(inQueue.createdAt).getTime()).toBe(24 * 3_600_000);

    // Assigned, answered: the first-response clock stops, the resolution clock runs.
    expect((await i2c.client.patch(`${BASE}/${id}`, { assigneeId: i2cOther.user.id })).body.assigneeName).toBe(i2cOther.user.displayName);
    const note = await i2cOther.client.post(`${BASE}/${id}/messages`, { body: 'Checked the directory: Uganda has no 24/7 desk yet.', internal: true });
    expect(note.status).toBe(201);
    const answered = await i2cOther.client.post(`${BASE}/${id}/messages`, { body: 'The URA contact is in the directory; which border post is it?' });
    expect(answered.body).toMatchObject({ status: 'in_progress', clock: { target: 'resolution', firstResponseMet: true } });
    expect(await mailsTo(ke.user.email, 'new message')).toBe(1);

    const waiting = await i2cOther.client.post(`${BASE}/${id}/status`, { status: 'waiting_member' });
    expect(waiting.body.clock).toMatchObject({ paused: true, overdue: false });
    // The member never sees the I2C's internal note.
    const seen = await ke.client.get(`${BASE}/${id}`);
    expect(seen.body.entries.map((e: { kind: string }) => e.kind)).not.toContain('note');
    expect((await i2c.client.get(`${BASE}/${id}`)).body.entries.map((e: { kind: string }) => e.kind)).toContain('note');

    // The member's answer gives the turn back to the I2C.
    const back = await ke.client.post(`${BASE}/${id}/messages`, { body: 'Busia, on the A109.' });
    expect(back.body.status).toBe('in_progress');
    expect((await i2cOther.client.post(`${BASE}/${id}/status`, { status: 'resolved', note: 'Contact passed by CENcomm.' })).body).toMatchObject({ status: 'resolved', clock: { target: 'none', resolutionMet: true } });

    const closed = await ke.client.post(`${BASE}/${id}/close`, { satisfaction: 4, comment: 'Quick, thank you.' });
    expect(closed.body).toMatchObject({ status: 'closed', satisfaction: 4, satisfactionComment: 'Quick, thank you.', can: { reply: false, close: false } });
    const [{ n }] = await t.ctx.database.rows<{ n: number }>(sql`SELECT count(*)::int AS n FROM audit_log WHERE target_id = ${id} AND action = 'desk.request.read'`);
    expect(n).toBeGreaterThan(0);
  });

  it('the I2C runs a watch-list search on the member\'s behalf and the hits are linked to the request', async () => {
    const record = await fr.client.post('/api/v1/screening/lists/travel_documents/records', { number: 'HD7788990', docType: 'passport', issuingCountry: 'FR', status: 'stolen', nationalReference: 'FR-HD-1' });
    expect(record.status, JSON.stringify(record.body)).toBe(201);
    const created = await ke.client.post(BASE, ask({ type: 'watch_list_search', priority: 'high', subject: 'Passport at JKIA', body: 'Please check this passport against the watch lists.', search: { identifier: 'HD7788990', list: 'travel_documents' } }));
    expect(created.status).toBe(201);
    const id = created.body.id as string;

    expect((await ke.client.post(`${BASE}/${id}/screening`, {})).status).toBe(403);
    const ran = await i2c.client.post(`${BASE}/${id}/screening`, {});
    expect(ran.status, JSON.stringify(ran.body)).toBe(200);
    const entry = ran.body.entries.find((e: { kind: string }) => e.kind === 'screening');
    expect(entry.detail.screening).toMatchObject({ identifier: 'HD7788990', list: 'travel_documents', hits: [{ list: 'travel_documents', match: 'exact' }] });
    // The search is in the screening log as made on behalf of Kenya.
    await flushScreeningQueryLogs(t.ctx.database);
    const [q] = await t.ctx.database.rows<{ org: string }>(sql`SELECT on_behalf_of_org_id AS org FROM screening_queries WHERE id = ${entry.detail.screening.queryId}`);
    expect(q.org).toBe(ke.org.id);
    // The member sees the result; it counts as the first answer.
    const seen = await ke.client.get(`${BASE}/${id}`);
    expect(seen.body.entries.some((e: { kind: string }) => e.kind === 'screening')).toBe(true);
    expect(seen.body.firstResponseAt).not.toBeNull();
  });

  it('attachments are encrypted at rest and readable by the two parties only', async () => {
    const { body } = await ke.client.post(BASE, ask({ subject: 'Scanned bill of lading' }));
    const pdf = Buffer.from('%PDF-1.4\n1 0 obj << >> endobj\ntrailer << >>\n%%EOF\n');
    const up = await raw(ke.client, 'POST', `${BASE}/${body.id}/files?name=bl.pdf`, pdf);
    expect(up.status, JSON.stringify(up.body)).toBe(201);
    const [file] = await t.ctx.database.rows<{ data: Uint8Array }>(sql`SELECT data FROM files WHERE id = ${up.body.id}`);
    expect(Buffer.from(file.data).includes(Buffer.from('%PDF'))).toBe(false);
    const read = await raw(i2c.client, 'GET', `${BASE}/${body.id}/files/${up.body.id}`);
    expect(read.status).toBe(200);
    expect((await raw(fr.client, 'GET', `${BASE}/${body.id}/files/${up.body.id}`)).status).toBe(403);
    const exe = await raw(ke.client, 'POST', `${BASE}/${body.id}/files?name=run.pdf`, Buffer.from([0x4d, 0x5a, 0x90, 0, 3, 0, 0, 0, 4, 0, 0, 0, 0xff, 0xff]));
    expect(exe.status).toBe(415);
  });

  it('refuses a non-party, a bad transition, a bad assignee and bad input, and changes nothing', async () => {
    const { body } = await ke.client.post(BASE, ask());
    const id = body.id as string;
    const before = await stored(id);

    const intruder = await fr.client.post(`${BASE}/${id}/messages`, { body: 'I am not in this.' });
    expect(intruder.status).toBe(403);
    expect(intruder.body.detail).toMatch(/not a party/);
    expect((await fr.client.get(`${BASE}/${id}`)).status).toBe(403);
    expect((await fr.client.get(BASE)).body.requests.map((r: { id: string }) => r.id)).not.toContain(id);
    expect((await ke.client.post(`${BASE}/${id}/status`, { status: 'resolved' })).status).toBe(403);
    expect((await ke.client.post(`${BASE}/${id}/messages`, { body: 'secret', internal: true })).status).toBe(422);
    expect((await i2c.client.patch(`${BASE}/${id}`, { assigneeId: ke.user.id })).body.errors).toEqual([{ field: 'assigneeId', message: 'must be an active I2C officer' }]);
    const badType = await ke.client.post(BASE, ask({ type: 'gossip' }));
    expect(badType.status).toBe(400);
    expect(badType.body.errors[0].field).toBe('body.type');
    const noSearch = await ke.client.post(BASE, ask({ type: 'watch_list_search' }));
    expect(noSearch.status).toBe(400);
    expect((await ke.client.post(`${BASE}/${id}/close`, { satisfaction: 9 })).status).toBe(400);
    expect(await stored(id)).toEqual(before);

    await i2c.client.post(`${BASE}/${id}/close`, {});
    const again = await i2c.client.post(`${BASE}/${id}/status`, { status: 'in_progress' });
    expect(again.status).toBe(409);
    expect((await ke.client.post(`${BASE}/${id}/messages`, { body: 'too late' })).status).toBe(409);
  });

  it('the clock pauses while waiting for the member and a past due time is overdue', () => {
    const created = new Date('2026-01-01T00:00:00Z');
    const base = { status: 'in_progress', firstResponseAt: null, resolvedAt: null, firstResponseDue: '2026-01-01T04:00:00Z', resolutionDue: '2026-01-02T00:00:00Z', waitingSince: null, pausedSeconds: 0 } as const;
    expect(clockOf(base, created.getTime() + 5 * 3_600_000)).toMatchObject({ target: 'first_response', overdue: true, dueAt: '2026-01-01T04:00:00.000Z' });
    const answered = { ...base, firstResponseAt: '2026-01-01T01:00:00Z' };
    expect(clockOf(answered, created.getTime() + 5 * 3_600_000)).toMatchObject({ target: 'resolution', overdue: false, firstResponseMet: true });
    // Six hours spent waiting for the member push the resolution due time by six hours.
    const waited = { ...answered, pausedSeconds: 6 * 3600 };
    expect(clockOf(waited, Date.parse('2026-01-02T03:00:00Z'))).toMatchObject({ overdue: false, dueAt: '2026-01-02T06:00:00.000Z' });
    const waiting = { ...answered, status: 'waiting_member', waitingSince: '2026-01-01T20:00:00Z' } as const;
    expect(clockOf(waiting, Date.parse('2026-01-03T00:00:00Z'))).toMatchObject({ paused: true, overdue: false });
  });

  it('the I2C sees figures by type and region with median times; members may not', async () => {
    const stats = await i2c.client.get('/api/v1/desk/stats');
    expect(stats.status).toBe(200);
    const [{ total }] = await t.ctx.database.rows<{ total: number }>(sql`SELECT count(*)::int AS total FROM helpdesk_requests`);
    expect(stats.body.total).toBe(total);
    expect(stats.body.byType.reduce((s: number, r: { count: number }) => s + r.count, 0)).toBe(total);
    expect(stats.body.byType.find((r: { type: string }) => r.type === 'watch_list_search').count).toBe(1);
    expect(stats.body.medianFirstResponseMinutes).toBeGreaterThanOrEqual(0);
    expect(stats.body.satisfactionAverage).toBe(4);
    expect((await ke.client.get('/api/v1/desk/stats')).status).toBe(403);
    expect((await i2c.client.get('/api/v1/desk/stats?from=2026-05-01&to=2026-01-01')).status).toBe(400);
  });
});
