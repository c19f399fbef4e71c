import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import type { TestClient } from '../platform/testing/test-app.ts';
import { signedIn, startScreeningTestApp } from './test-app.ts';

/** A test organisation as created (makeUser types it loosely). */
const orgOf = (u: { org: unknown }) => u.org as { id: string; name: string; shortName: string; kind: string; country: string | null };
type T = Awaited<ReturnType<typeof startScreeningTestApp>>;
let t: T;
let owner: Awaited<ReturnType<typeof signedIn>>;
let enquirer: Awaited<ReturnType<typeof signedIn>>;
let stranger: TestClient;
let deskEmail: string;
let passportId: string;
beforeAll(async () => {
  t = await startScreeningTestApp();
  owner = await signedIn(t, ['ncp']);
  enquirer = await signedIn(t, ['ncp']);
  stranger = (await signedIn(t, ['ncp'])).client;
  deskEmail = (await signedIn(t, ['i2c_officer'])).user.email;
  const res = await owner.client.post('/api/v1/screening/lists/travel_documents/records', { number: 'HT4455667', docType: 'passport', issuingCountry: 'FR', status: 'stolen', nationalReference: 'FR-HIT-1' });
  if (res.status !== 201) throw new Error(JSON.stringify(res.body));
  passportId = res.body.id;
});
afterAll(async () => t?.close());

/** A fresh search by the enquirer, so each test opens its own candidate. */
async function searchPassport(): Promise<string> {
  const res = await enquirer.client.post('/api/v1/screening/search', { identifier: 'HT4455667' });
  expect(res.body.hits[0].recordId).toBe(passportId);
  return res.body.queryId;
}
const open = (queryId: string, c = enquirer.client) => c.post(`/api/v1/screening/queries/${queryId}/candidates/${passportId}/open`);

/** Reads an event stream until `pred` holds for the text received (or fails after 5 s). */
function readUntil(stream: Response, pred: (text: string) => boolean): Promise<string> {
  const reader = stream.body!.getReader();
  const decoder = new TextDecoder();
  let text = '';
  const done = (async () => {
    while (!pred(text)) {
      const chunk = await reader.read();
      if (chunk.done) break;
      text += decoder.decode(chunk.value);
    }
    await reader.cancel();
    return text;
  })();
  const timeout = new Promise<string>((_, reject) => setTimeout(() => reject(new Error(`no matching event in 5 s: ${text}`)), 5000));
  return Promise.race([done, timeout]);
}

describe('opening a candidate (second level)', () => {
  it('returns the whole record, records a pending hit, audits it, notifies the recording organisation live and queues mails', async () => {
    const queryId = await searchPassport();
    const stream = await fetch(`${t.url}/api/v1/events`, { headers: { cookie: owner.client.cookie } });
    expect(stream.status).toBe(200);
    const received = readUntil(stream, (x) => x.includes('event: notification'));
    await new Promise((r) => setTimeout(r, 200));

    const res = await open(queryId);
    expect(res.status).toBe(200);
    expect(res.body.record).toMatchObject({ id: passportId, nationalReference: 'FR-HIT-1', orgId: owner.org.id });
    const hit = res.body.hit;
    expect(hit).toMatchObject({ queryId, status: 'pending', overdue: false, recordingOrgId: owner.org.id, enquirerOrgId: enquirer.org.id, enquirerUserId: enquirer.user.id, note: null });
    expect(Date.parse(hit.validationDueAt) - Date.parse(hit.openedAt)).toBe(3600_000);
    // Organisations by name as well as by id, for the pages and for national systems.
    expect(hit).toMatchObject({ recordingOrgName: orgOf(owner).name, enquirerOrgName: orgOf(enquirer).name, forOrgName: orgOf(enquirer).name, onBehalfOfOrgName: null });
    expect((await owner.client.get(`/api/v1/screening/hits/${hit.id}`)).body).toMatchObject({ recordingOrgName: orgOf(owner).name, enquirerOrgName: orgOf(enquirer).name });

    const text = await received;
    const data = JSON.parse(text.split('\n').find((l) => l.startsWith('data: ') && l.includes(hit.id))!.slice(6));
    expect(data).toMatchObject({ hitId: hit.id, title: expect.any(String), body: expect.any(String) });

    const audits = await t.ctx.database.rows<{ n: number }>(sql`SELECT count(*)::int AS n FROM audit_log WHERE action = 'screening.hit.open' AND target_id = ${passportId}`);
    expect(audits[0].n).toBeGreaterThan(0);
    const mails = await t.ctx.database.rows<{ payload: { to: string; subject: string; text: string } }>(sql`SELECT payload FROM jobs WHERE kind = 'mail.send' AND payload->>'text' LIKE ${`%${hit.id}%`}`);
    const to = mails.map((m) => m.payload.to);
    expect(to).toContain(owner.user.email);
    expect(to).toContain(enquirer.user.email);
    expect(to).toContain(deskEmail);
    // No personal data of the record travels by mail: only the list, the hit id and a link.
    for (const m of mails) expect(m.payload.text).not.toContain('HT4455667');

    // Opening again is audited but raises no second hit.
    expect((await open(queryId)).body.hit.id).toBe(hit.id);
    const [{ n }] = await t.ctx.database.rows<{ n: number }>(sql`SELECT count(*)::int AS n FROM screening_hits WHERE query_id = ${queryId} AND opened_at IS NOT NULL`);
    expect(n).toBe(1);
  });

  it('lets only the officer who searched open its candidates, and rejects malformed ids naming the field', async () => {
    const queryId = await searchPassport();
    expect((await open(queryId, stranger)).status).toBe(403);
    const bad = await enquirer.client.post(`/api/v1/screening/queries/nope/candidates/${passportId}/open`);
    expect(bad.status).toBe(400);
    expect(bad.body.errors[0].field).toBe('params.queryId');
    expect((await enquirer.client.post(`/api/v1/screening/queries/${queryId}/candidates/${queryId}/open`)).status).toBe(404);
  });
});

describe('confirmation workflow', () => {
  it('lets only the recording organisation decide, once, and notifies the enquirer', async () => {
    const hitId = (await open(await searchPassport())).body.hit.id;
    const url = `/api/v1/screening/hits/${hitId}/decision`;
    expect((await enquirer.client.post(url, { decision: 'confirmed', note: 'mine' })).status).toBe(403);
    expect((await stranger.post(url, { decision: 'confirmed', note: 'x' })).status).toBe(403);
    expect((await owner.client.get(`/api/v1/screening/hits/${hitId}`)).body.status).toBe('pending');

    const bad = await owner.client.post(url, { decision: 'maybe', note: 'x' });
    expect(bad.status).toBe(400);
    expect(bad.body.errors[0].field).toBe('body.decision');
    expect((await owner.client.post(url, { decision: 'confirmed' })).body.errors[0].field).toBe('body.note');

    const decided = await owner.client.post(url, { decision: 'confirmed', note: 'Valid: hold the document and the bearer.' });
    expect(decided.status).toBe(200);
    expect(decided.body).toMatchObject({ status: 'confirmed', note: 'Valid: hold the document and the bearer.', decidedBy: owner.user.id, overdue: false });
    const again = await owner.client.post(url, { decision: 'not_confirmed', note: 'changed my mind' });
    expect(again.status).toBe(409);
    expect((await enquirer.client.get(`/api/v1/screening/hits/${hitId}`)).body.status).toBe('confirmed');

    const [{ n }] = await t.ctx.database.rows<{ n: number }>(sql`SELECT count(*)::int AS n FROM jobs WHERE kind = 'mail.send' AND payload->>'to' = ${enquirer.user.email} AND payload->>'subject' LIKE '%confirmed%'`);
    expect(n).toBeGreaterThan(0);
  });

  it('lists hits for each side with the one-hour clock, overdue once it has passed', async () => {
    const hitId = (await open(await searchPassport())).body.hit.id;
    // The clock is past: the hit was opened two hours ago, as time would have it.
    await t.ctx.database.rows(sql`UPDATE screening_hits SET opened_at = now() - interval '2 hours' WHERE id = ${hitId}`);

    const recording = await owner.client.get('/api/v1/screening/hits?role=recording&status=pending');
    expect(recording.status).toBe(200);
    const late = recording.body.items.find((h: { id: string }) => h.id === hitId);
    expect(late).toMatchObject({ status: 'pending', overdue: true });
    expect(Date.parse(late.validationDueAt)).toBeLessThan(Date.now());

    const mine = await enquirer.client.get('/api/v1/screening/hits?role=mine');
    expect(mine.body.items.map((h: { id: string }) => h.id)).toContain(hitId);
    expect((await enquirer.client.get('/api/v1/screening/hits?role=recording')).body.items).toEqual([]);
    expect((await stranger.get('/api/v1/screening/hits')).body.items).toEqual([]);
    expect((await stranger.get(`/api/v1/screening/hits/${hitId}`)).status).toBe(404);

    const bad = await owner.client.get('/api/v1/screening/hits?status=lost');
    expect(bad.status).toBe(400);
    expect(bad.body.errors[0].field).toBe('querystring.status');

    // Decided, it is no longer overdue.
    await owner.client.post(`/api/v1/screening/hits/${hitId}/decision`, { decision: 'not_confirmed', note: 'Document recovered last week.' });
    const after = await owner.client.get(`/api/v1/screening/hits/${hitId}`);
    expect(after.body).toMatchObject({ status: 'not_confirmed', overdue: false });
  });
});
