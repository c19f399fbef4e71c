import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import sharp from 'sharp';
import { sql } from 'drizzle-orm';
import { randomUUID } from 'node:crypto';
import { startTestApp, type TestApp } from '../platform/testing/test-app.ts';
import type { MailMessage } from '../platform/context.ts';
import type { DatabaseJobRunner } from '../platform/jobs/job-runner.ts';
import { signIn } from '../seizures/testing.ts';
import { createCommServices } from './module.ts';
import { createSeizureServices } from '../seizures/index.ts';
import { localDayHour, NEWSLETTER_MAIL } from './newsletters.ts';

let t: TestApp;
type Client = Awaited<ReturnType<typeof signIn>>;
let people: Record<'coordinator' | 'ocu' | 'kenya' | 'france' | 'pu', Client>;
/** Every mail the app sends, instead of an SMTP server. */
const mails: MailMessage[] = [];
let services: ReturnType<typeof createCommServices>;

beforeAll(async () => {
  t = await startTestApp();
  t.ctx.mail = { send: async (m) => void mails.push(m) };
  services = createCommServices(t.ctx, { seizures: createSeizureServices(t.ctx) });
  people = {
    coordinator: await signIn(t, ['i2c_officer'], { country: 'BE' }),
    ocu: await signIn(t, ['rilo_analyst'], { country: 'BE' }),
    kenya: await signIn(t, ['ncp'], { country: 'KE' }),
    france: await signIn(t, ['ncp'], { country: 'FR' }),
    pu: await signIn(t, ['ncp'], { country: 'KE' }),
  };
  // Readers in four languages, two of them right to left.
  const lang = { coordinator: 'en', ocu: 'fa-AF', kenya: 'ur', france: 'fr', pu: 'es' } as const;
  for (const [who, l] of Object.entries(lang)) await t.ctx.database.rows(sql`UPDATE users SET language = ${l} WHERE id = ${people[who as keyof typeof people].user.id}`);
});
afterAll(() => t?.close());

const runJobs = () => (t.ctx.jobs as DatabaseJobRunner).runDue();

/** An operation whose newsletter hour is the local hour of `at` in a zone where that hour is not the day's last. */
async function operation(at: Date) {
  const { coordinator, ocu, kenya, france, pu } = people;
  const zone = ['Asia/Karachi', 'UTC'].find((z) => localDayHour(at, z)!.hour < 23)!;
  const hour = localDayHour(at, zone)!.hour;
  const code = `N${randomUUID().replace(/-/g, '').slice(0, 6)}`.toUpperCase();
  const op = await coordinator.client.post('/api/v1/operations', { code, name: 'Operation <Night> & "Fog"', status: 'active', newsletterHour: hour, newsletterTimeZone: zone });
  expect(op.status).toBe(201);
  const base = `/api/v1/operations/${op.body.id}`;
  for (const [m, role] of [[ocu, 'ocu'], [kenya, 'ncp'], [france, 'ncp'], [pu, 'pu']] as const) expect((await coordinator.client.post(`${base}/members`, { userId: m.user.id, role })).status).toBe(201);
  const templates = (await kenya.client.get(`${base}/templates`)).body.items as { id: string; code: string }[];
  const tpl = (c: string) => templates.find((x) => x.code === c)!.id;
  return { op: op.body as { id: string; code: string }, base, tpl, zone, hour };
}

async function upload(c: Client, base: string, name: string, data: Buffer) {
  const res = await fetch(`${t.url}${base}/attachments?name=${encodeURIComponent(name)}`, {
    method: 'POST',
    headers: { cookie: c.client.cookie, 'x-csrf-token': c.client.csrf, 'content-type': 'application/octet-stream' },
    body: new Uint8Array(data),
  });
  expect(res.status).toBe(201);
  return ((await res.json()) as { id: string }).id;
}

const NARRATIVE = 'Drums hidden behind fertiliser <script>alert("x")</script> & more';

/** A SEIZURE from France with a 1200×900 photo, a PDF-like text attachment, and a route Le Havre → Mombasa. */
async function seizure(base: string, tpl: (c: string) => string) {
  const { france, kenya } = people;
  const photo = await sharp({ create: { width: 1200, height: 900, channels: 3, background: '#c0392b' } }).png().toBuffer();
  const photoId = await upload(france, base, 'drums.png', photo);
  const noteId = await upload(france, base, 'note.txt', Buffer.from('not a picture'));
  const sent = await france.client.post(`${base}/formatted`, {
    templateId: tpl('SEIZURE'),
    fields: {
      commodity_type: 'EXPLOSIVES',
      seized_at: '2026-03-10T14:30:00Z',
      location: { locode: 'FRLEH' },
      location_type: 'SEAPORT',
      seizure_country: 'FR',
      detection_method: 'RISK_PROFILING',
      narrative: NARRATIVE,
      pictures: [photoId],
      other_attachments: [noteId],
      route: [
        { country: 'FR', location_type: 'DEPARTURE', order: 1 },
        { country: 'KE', location_type: 'DESTINATION', order: 2 },
      ],
    },
    to: { mode: 'all' },
    submit: true,
  });
  expect(sent.status).toBe(201);
  await kenya.client.post(`${base}/messages`, { to: { mode: 'all' }, subject: 'Thanks', body: 'Noted.' });
  return { number: sent.body.number as string, photoId };
}

describe('daily newsletter', () => {
  it('is made by the job once the hour has come, once per local day, mailed to each member in their language with the photos inline', async () => {
    const at = new Date(Date.now() + 30 * 60_000);
    const { op, base, tpl, zone, hour } = await operation(at);
    const { number } = await seizure(base, tpl);

    // Before the hour: nothing for this operation.
    if (hour > 0) {
      await t.ctx.database.rows(sql`UPDATE comm_operations SET newsletter_hour = ${hour + 1} WHERE id = ${op.id}`);
      await services.newsletters.runDue(at);
      expect((await people.kenya.client.get(`${base}/newsletters`)).body.items).toEqual([]);
      // An OCU+ moves the hour back to one that has come: the next run makes it.
      expect((await people.coordinator.client.put(base, { code: op.code, name: 'Operation <Night> & "Fog"', status: 'active', newsletterHour: hour, newsletterTimeZone: zone })).status).toBe(200);
    }
    mails.length = 0;
    const made = await services.newsletters.runDue(at);
    const list = await people.kenya.client.get(`${base}/newsletters`);
    expect(list.status).toBe(200);
    expect(list.body.items).toHaveLength(1);
    const item = list.body.items[0];
    expect(made).toContain(item.id);
    expect(item).toMatchObject({ kind: 'daily', localDay: localDayHour(at, zone)!.day, timeZone: zone, generatedBy: null, recipients: 5, seizures: 1, periodEnd: at.toISOString() });
    expect(new Date(item.periodStart).getTime()).toBe(at.getTime() - 24 * 3600_000);

    // One mail job per member; sending them mails each member once, alone in the To.
    const [{ n: queued }] = await t.ctx.database.rows<{ n: number }>(sql`SELECT count(*)::int AS n FROM jobs WHERE kind = ${NEWSLETTER_MAIL} AND payload->>'newsletterId' = ${item.id}`);
    expect(queued).toBe(5);
    await runJobs();
    const ours = mails.filter((m) => m.html?.includes(number));
    const byAddress = new Map(ours.map((m) => [m.to, m]));
    expect(ours).toHaveLength(5);
    expect(ours.every((m) => typeof m.to === 'string')).toBe(true);
    expect([...byAddress.keys()].sort()).toEqual(Object.values(people).map((p) => p.user.email).sort());

    const urdu = byAddress.get(people.kenya.user.email)!;
    expect(urdu.html).toContain('<html lang="ur" dir="rtl">');
    expect(urdu.subject).toContain('روزانہ نیوز لیٹر');
    expect(urdu.html).toContain('اس مدت میں رپورٹ کی گئی ضبطیاں');
    expect(byAddress.get(people.ocu.user.email)!.html).toContain('<html lang="fa-AF" dir="rtl">');
    const french = byAddress.get(people.france.user.email)!;
    expect(french.html).toContain('<html lang="fr" dir="ltr">');
    expect(french.subject).toContain('Lettre d’information quotidienne');
    expect(french.html).toContain('Saisies signalées sur la période');
    expect(french.text).toContain('Saisies signalées sur la période');
    expect(french.html).toContain('Explosifs et précurseurs'); // the commodity, in the reader's language
    expect(byAddress.get(people.pu.user.email)!.subject).toContain('Boletín diario');
    const english = byAddress.get(people.coordinator.user.email)!;
    expect(english.html).toContain('Explosives and precursors');
    expect(english.html).toContain('Le Havre');

    // The photo, and only the photo (not the text attachment), inline as a JPEG thumbnail by content id.
    for (const m of ours) {
      expect(m.inline).toHaveLength(1);
      expect(m.html).toContain(`src="cid:${m.inline![0].cid}"`);
    }
    const thumb = await sharp(Buffer.from(english.inline![0].contentBase64, 'base64')).metadata();
    expect(thumb).toMatchObject({ format: 'jpeg', width: 480, height: 360 });

    // What users wrote is escaped: the operation name and the narrative.
    expect(english.html).not.toContain('<script>');
    expect(english.html).toContain('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; more');
    expect(english.html).toContain('Operation &lt;Night&gt; &amp; &quot;Fog&quot;');
    expect(english.text).toContain(NARRATIVE);

    // A second run the same local day, even after the hour, makes nothing and mails nobody.
    mails.length = 0;
    expect(await services.newsletters.runDue(new Date(at.getTime() + 20 * 60_000))).toEqual([]);
    await runJobs();
    expect(mails.filter((m) => m.html?.includes(number))).toEqual([]);
    expect((await people.kenya.client.get(`${base}/newsletters`)).body.items).toHaveLength(1);
    const [{ n: daily }] = await t.ctx.database.rows<{ n: number }>(sql`SELECT count(*)::int AS n FROM comm_newsletters WHERE operation_id = ${op.id}`);
    expect(daily).toBe(1);

    // The next day's covers the time since this one.
    const next = new Date(at.getTime() + 24 * 3600_000);
    const nextMade = await services.newsletters.runDue(next);
    const second = (await people.kenya.client.get(`${base}/newsletters`)).body.items[0];
    expect(nextMade).toContain(second.id);
    expect(second).toMatchObject({ kind: 'daily', periodStart: at.toISOString(), periodEnd: next.toISOString(), seizures: 0 });
  });

  it('is made on demand by the OCU only, and read in the app by members only: HTML in the reader’s language, photos by URL', async () => {
    const { op, base, tpl } = await operation(new Date());
    const { number } = await seizure(base, tpl);
    expect((await people.kenya.client.post(`${base}/newsletters`)).status).toBe(403);
    const made = await people.ocu.client.post(`${base}/newsletters`);
    expect(made.status).toBe(201);
    expect(made.body).toMatchObject({ kind: 'on_demand', seizures: 1, recipients: 5 });
    expect(made.body.generatedBy).toBe(people.ocu.user.displayName);
    const [audit] = await t.ctx.database.rows<{ n: number }>(sql`SELECT count(*)::int AS n FROM audit_log WHERE action = 'comm.newsletter.generate' AND target_id = ${op.id}`);
    expect(audit.n).toBe(1);

    // Read by an Urdu reader: right to left, strict markup, the photo from the app.
    const res = await fetch(`${t.url}${base}/newsletters/${made.body.id}`, { headers: { cookie: people.kenya.client.cookie } });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(res.headers.get('content-security-policy')).toBe("default-src 'none'; img-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'self'");
    const page = await res.text();
    expect(page).toContain('<html lang="ur" dir="rtl">');
    expect(page).toContain(number);
    expect(page).not.toMatch(/<script|style=|cid:/);
    const src = /<img src="([^"]+)"/.exec(page)![1];
    expect(src).toMatch(new RegExp(`^${base}/newsletters/${made.body.id}/photos/[0-9a-f-]{36}$`));
    const img = await fetch(`${t.url}${src}`, { headers: { cookie: people.france.client.cookie } });
    expect(img.headers.get('content-type')).toBe('image/jpeg');
    expect((await sharp(Buffer.from(await img.arrayBuffer())).metadata()).width).toBe(480);
    // Another language on request.
    const fr = await people.kenya.client.get(`${base}/newsletters/${made.body.id}?lang=fr`);
    expect(fr.body).toContain('<html lang="fr" dir="ltr">');

    // Not a member: 403 for the archive, the newsletter and its photo; a photo of another newsletter: 404.
    const outsider = await signIn(t, ['ncp'], { country: 'FR' });
    for (const url of [`${base}/newsletters`, `${base}/newsletters/${made.body.id}`, src]) expect((await outsider.client.get(url)).status).toBe(403);
    expect((await outsider.client.post(`${base}/newsletters`)).status).toBe(403);
    expect((await people.kenya.client.get(`${base}/newsletters/${made.body.id}/photos/${randomUUID()}`)).status).toBe(404);
    expect((await people.kenya.client.get(`${base}/newsletters/${randomUUID()}`)).status).toBe(404);

    // In the OpenAPI document.
    const paths = Object.keys((await people.kenya.client.get('/api/openapi.json')).body.paths);
    expect(paths).toEqual(expect.arrayContaining(['/api/v1/operations/{opId}/newsletters', '/api/v1/operations/{opId}/newsletters/{newsletterId}', '/api/v1/operations/{opId}/newsletters/{newsletterId}/photos/{photoId}', '/api/v1/operations/{opId}/export']));

    // An on-demand newsletter does not stand in for the day's: the job still makes the daily one.
    const daily = await services.newsletters.runDue(new Date(Date.now() + 60_000));
    const items = (await people.kenya.client.get(`${base}/newsletters`)).body.items as { id: string; kind: string }[];
    expect(items.map((i) => i.kind).sort()).toEqual(['daily', 'on_demand']);
    expect(daily).toContain(items.find((i) => i.kind === 'daily')!.id);
  });

  it('is made once when two nodes run the job at the same time', async () => {
    const at = new Date(Date.now() + 5 * 60_000);
    const { op, base, tpl } = await operation(at);
    await seizure(base, tpl);
    const other = createCommServices(t.ctx, { seizures: createSeizureServices(t.ctx) });
    const [a, b] = await Promise.all([services.newsletters.runDue(at), other.newsletters.runDue(at)]);
    const [row] = await t.ctx.database.rows<{ id: string }>(sql`SELECT id FROM comm_newsletters WHERE operation_id = ${op.id}`);
    expect([...a, ...b].filter((id) => id === row.id)).toHaveLength(1);
    const [{ n }] = await t.ctx.database.rows<{ n: number }>(sql`SELECT count(*)::int AS n FROM comm_newsletters WHERE operation_id = ${op.id}`);
    expect(n).toBe(1);
    const [{ jobs }] = await t.ctx.database.rows<{ jobs: number }>(sql`SELECT count(*)::int AS jobs FROM jobs WHERE kind = ${NEWSLETTER_MAIL} AND payload->>'newsletterId' = ${row.id}`);
    expect(jobs).toBe(5);
  });

  it('mails nothing to a member removed before the mail went out', async () => {
    const { base } = await operation(new Date());
    const made = await people.ocu.client.post(`${base}/newsletters`);
    expect((await people.coordinator.client.delete(`${base}/members/${people.pu.user.id}`)).status).toBe(204);
    mails.length = 0;
    expect(await services.newsletters.mailOne(made.body.id, people.pu.user.id)).toBe(false);
    expect(await services.newsletters.mailOne(made.body.id, people.france.user.id)).toBe(true);
    expect(mails.map((m) => m.to)).toEqual([people.france.user.email]);
  });
});
