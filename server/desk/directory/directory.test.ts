import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../../platform/testing/test-app.ts';
import { signIn } from '../../seizures/testing.ts';

let t: TestApp;
let fr: Awaited<ReturnType<typeof signIn>>;
let ke: Awaited<ReturnType<typeof signIn>>;
let police: Awaited<ReturnType<typeof signIn>>;
const allWeek = [1, 2, 3, 4, 5, 6, 7].map((day) => ({ day, opens: '00:00', closes: '23:59' }));

const entry = (over: Record<string, unknown> = {}) => ({
  kind: 'cen_ncp',
  name: 'CEN national contact point',
  unit: 'Intelligence directorate',
  riskAreas: ['drugs', 'tobacco'],
  languages: ['fr', 'en'],
  timeZone: 'Europe/Paris',
  hours: [{ day: 1, opens: '08:30', closes: '18:00' }],
  phone: '+33 1 99 00 10 01',
  email: 'cen-ncp@douane.example.org',
  secureChannels: ['cen', 'cencomm'],
  ...over,
});

beforeAll(async () => {
  t = await startTestApp();
  fr = await signIn(t, ['ncp'], { country: 'FR' });
  ke = await signIn(t, ['ncp'], { country: 'KE' });
  police = await signIn(t, ['partner'], { kind: 'partner', country: 'FR' });
});
afterAll(() => t?.close());

describe('contact-points directory', () => {
  it('an organisation adds its contact points; members find them by country, risk area, language and text', async () => {
    const a = await fr.client.post('/api/v1/directory', entry());
    expect(a.status, JSON.stringify(a.body)).toBe(201);
    const b = await ke.client.post('/api/v1/directory', entry({ kind: 'desk_24_7', name: 'JKIA cargo desk', riskAreas: ['environment'], languages: ['sw', 'en'], timeZone: 'Africa/Nairobi', alwaysOpen: true, hours: [] }));
    expect(b.status).toBe(201);

    const byCountry = await police.client.get('/api/v1/directory?country=KE');
    expect(byCountry.status).toBe(200);
    expect(byCountry.body.entries.map((e: { id: string }) => e.id)).toEqual([b.body.id]);
    expect(byCountry.body.entries[0]).toMatchObject({ orgId: ke.org.id, country: 'KE', kind: 'desk_24_7', openNow: true, stale: false });

    const ids = async (q: string) => ((await fr.client.get(`/api/v1/directory?${q}`)).body.entries as { id: string }[]).map((e) => e.id).sort();
    expect(await ids('riskArea=environment')).toEqual([b.body.id]);
    expect(await ids('language=fr')).toEqual([a.body.id]);
    expect(await ids('language=sw,fr')).toEqual([a.body.id, b.body.id].sort());
    expect(await ids('q=jkia')).toEqual([b.body.id]);
    expect(await ids('q=100%25')).toEqual([]); // a LIKE wildcard is searched for, not obeyed
    expect(await ids('kind=cen_ncp')).toEqual([a.body.id]);
  });

  it('"open now" follows each contact point\'s own time zone and hours', async () => {
    const open = await fr.client.post('/api/v1/directory', entry({ name: 'Open every day', timeZone: 'Pacific/Auckland', hours: allWeek }));
    const closed = await fr.client.post('/api/v1/directory', entry({ name: 'Never open', hours: [] }));
    const { entries } = (await fr.client.get(`/api/v1/directory?orgId=${fr.org.id}&openNow=true`)).body as { entries: { id: string }[] };
    const found = entries.map((e) => e.id);
    // 23:59 to 00:00 local is the one minute of the week "every day" is closed.
    const auckland = new Intl.DateTimeFormat('en-GB', { timeZone: 'Pacific/Auckland', hour: '2-digit', minute: '2-digit' }).format(new Date());
    if (auckland !== '23:59') expect(found).toContain(open.body.id);
    expect(found).not.toContain(closed.body.id);

    // The same entry at a known instant: Monday 10:00 in Paris is 09:00 UTC in winter.
    const { createDirectory } = await import('./service.ts');
    const dir = createDirectory(t.ctx);
    const monday = (await dir.search({ orgId: fr.org.id, openNow: 'true', limit: 100 }, new Date('2026-12-07T09:00:00Z'))).entries.map((e) => e.name);
    expect(monday).toContain('CEN national contact point');
    const sunday = (await dir.search({ orgId: fr.org.id, openNow: 'true', limit: 100 }, new Date('2026-12-06T09:00:00Z'))).entries.map((e) => e.name);
    expect(sunday).not.toContain('CEN national contact point');
    expect(sunday).toContain('Open every day');
  });

  it('an entry not confirmed for 12 months is flagged; confirming clears the flag and is audited', async () => {
    const a = await fr.client.post('/api/v1/directory', entry({ name: 'Old desk' }));
    await t.ctx.database.rows(sql`UPDATE directory_entries SET confirmed_at = now() - interval '13 months' WHERE id = ${a.body.id}`);
    expect((await fr.client.get(`/api/v1/directory/${a.body.id}`)).body.stale).toBe(true);
    expect(((await fr.client.get(`/api/v1/directory?orgId=${fr.org.id}&stale=true`)).body.entries as { id: string }[]).map((e) => e.id)).toEqual([a.body.id]);
    const confirmed = await fr.client.post(`/api/v1/directory/${a.body.id}/confirm`);
    expect(confirmed.status).toBe(200);
    expect(confirmed.body.stale).toBe(false);
    const [row] = await t.ctx.database.rows<{ n: number }>(sql`SELECT count(*)::int AS n FROM audit_log WHERE action = 'directory.entry.confirm' AND target_id = ${a.body.id}`);
    expect(row.n).toBe(1);
  });

  it('exports the search as CSV and vCard, each export audited', async () => {
    const csv = await fetch(`${t.url}/api/v1/directory/export?country=KE&format=csv`, { headers: { cookie: police.client.cookie } });
    expect(csv.status).toBe(200);
    expect(csv.headers.get('content-type')).toContain('text/csv');
    const text = await csv.text();
    expect(text.split('\n')[0]).toContain('organisation,short_name,country');
    expect(text).toContain('JKIA cargo desk');
    expect(text).not.toContain('Intelligence directorate,+33 1 99 00 10 01,cen-ncp@douane.example.org,cen cencomm,drugs tobacco'); // France's entry is not in Kenya's search
    const vcf = await fetch(`${t.url}/api/v1/directory/export?country=KE&format=vcf`, { headers: { cookie: police.client.cookie } });
    const cards = await vcf.text();
    expect(vcf.headers.get('content-type')).toContain('text/vcard');
    expect(cards).toMatch(/^BEGIN:VCARD\r\nVERSION:4\.0\r\n/);
    expect(cards).toContain('TEL;VALUE=uri;TYPE=work:tel:+33199001001');
    expect(cards).toContain('TZ:Africa/Nairobi');
    expect(cards.trimEnd().endsWith('END:VCARD')).toBe(true);
    const [row] = await t.ctx.database.rows<{ n: number }>(sql`SELECT count(*)::int AS n FROM audit_log WHERE action = 'directory.export' AND actor_user_id = ${police.user.id}`);
    expect(row.n).toBe(2);
  });

  it('refuses an entry of another organisation, bad fields and readers who may not edit; nothing stored changes', async () => {
    const a = await fr.client.post('/api/v1/directory', entry({ name: 'Kept as it is' }));
    const before = (await fr.client.get(`/api/v1/directory/${a.body.id}`)).body;

    const other = await ke.client.put(`/api/v1/directory/${a.body.id}`, entry({ name: 'Taken over' }));
    expect(other.status).toBe(403);
    expect(other.body.detail).toMatch(/another organisation/);
    expect((await ke.client.delete(`/api/v1/directory/${a.body.id}`)).status).toBe(403);
    expect((await ke.client.post(`/api/v1/directory/${a.body.id}/confirm`)).status).toBe(403);
    expect((await police.client.post('/api/v1/directory', entry())).status).toBe(403);

    const bad = await fr.client.put(`/api/v1/directory/${a.body.id}`, entry({ timeZone: 'Mars/Olympus', hours: [{ day: 8, opens: '18:00', closes: '08:00' }], languages: ['french'], phone: '', email: '' }));
    expect(bad.status).toBe(400);
    const message = JSON.stringify(bad.body);
    for (const field of ['timeZone', 'hours', 'languages']) expect(message).toContain(field);
    expect((await fr.client.post('/api/v1/directory', entry({ phone: '', email: '' }))).status).toBe(400);
    expect((await fr.client.get('/api/v1/directory/not-an-id')).status).toBe(400);

    expect((await fr.client.get(`/api/v1/directory/${a.body.id}`)).body).toEqual(before);
  });

  it('is closed to anyone not signed in', async () => {
    expect((await fetch(`${t.url}/api/v1/directory`)).status).toBe(401);
    expect((await fetch(`${t.url}/api/v1/directory/export`)).status).toBe(401);
  });
});
