import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DatabaseJobRunner } from '../../platform/jobs/job-runner.ts';
import { startTestApp, type TestApp } from '../../platform/testing/test-app.ts';
import { signIn } from '../../seizures/testing.ts';
import { POLL_DISPATCH, POLL_SOURCE } from './poller.ts';
import { startFeedServer, type FeedServer } from './test-feed-server.ts';

let t: TestApp;
let feeds: FeedServer;
let i2c: Awaited<ReturnType<typeof signIn>>;
let member: Awaited<ReturnType<typeof signIn>>;

// The fixture feeds are on 127.0.0.1: this app allows private addresses, as a demo does.
beforeAll(async () => {
  feeds = await startFeedServer();
  t = await startTestApp({ OPENCEN_OSINT_ALLOW_PRIVATE: 'true' });
  i2c = await signIn(t, ['i2c_officer'], { country: 'BE' });
  member = await signIn(t, ['ncp'], { country: 'FR' });
});
afterAll(async () => {
  await t?.close();
  await feeds?.close();
});

const addSource = async (path: string, over: Record<string, unknown> = {}) => {
  const res = await i2c.client.post('/api/v1/osint/sources', { url: `${feeds.url}${path}`, kind: 'rss', name: path, ...over });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return res.body.id as string;
};
const poll = async (id: string) => {
  const res = await i2c.client.post(`/api/v1/osint/sources/${id}/poll`);
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  return res.body;
};
const itemsOf = async (id: string) => (await i2c.client.get(`/api/v1/osint/items?source=${id}`)).body.items as { title: string; url: string; language: string; countries: string[]; summary: string; body: string; status: string; id: string }[];

describe('polling sources', () => {
  it('stores the items of RSS in Windows-1251, Atom, RDF, JSON Feed and Latin-1 once, with their language and countries', async () => {
    const expected: [string, Record<string, unknown>, string, string, string[]][] = [
      ['/ru.rss', { language: 'ru' }, 'Таможня изъяла 300 кг кокаина из Эквадора', 'ru', ['EC']],
      ['/fr.atom', { kind: 'atom' }, 'Saisie record de cigarettes à Marseille', 'fr', ['FR', 'ES']],
      ['/rdf.xml', { kind: 'rdf' }, 'Incautan marfil en el puerto de Valencia', 'es', ['ES', 'KE']],
      ['/feed.json', { kind: 'jsonfeed' }, 'Kenya seizes ivory at Mombasa port', 'en', ['KE', 'VN']],
      ['/latin1.rss', { language: 'pt' }, 'Apreensão de cocaína no porto de Santos', 'pt', ['BR', 'BE']],
    ];
    for (const [path, over, title, language, countries] of expected) {
      const id = await addSource(path, over);
      const outcome = await poll(id);
      expect(outcome, path).toMatchObject({ outcome: 'ok', error: null, source: { lastError: null, consecutiveFailures: 0 } });
      expect(outcome.newItems, path).toBeGreaterThan(0);
      const item = (await itemsOf(id)).find((i) => i.title === title);
      expect(item, `${path}: ${JSON.stringify(await itemsOf(id))}`).toBeDefined();
      expect(item!.language, path).toBe(language);
      expect([...item!.countries].sort(), path).toEqual([...countries].sort());
      // Polled again: the same addresses are not stored twice.
      expect((await poll(id)).newItems, path).toBe(0);
    }
    const ru = await itemsOf((await i2c.client.get('/api/v1/osint/sources')).body.sources.find((s: { name: string }) => s.name === '/ru.rss').id);
    expect(ru.map((i) => i.url)).toContain('https://news.example.ru/2026/12/cocaine');
  });

  it('sanitises summaries: no script, no event handler', async () => {
    const id = (await i2c.client.get('/api/v1/osint/sources')).body.sources.find((s: { name: string }) => s.name === '/fr.atom').id;
    const items = await itemsOf(id);
    const marseille = items.find((i) => i.url === 'https://actu.example.fr/saisie-marseille')!;
    expect(marseille.summary).toBe('<p>La douane française a intercepté un camion venant d’Espagne.</p>');
    const ivory = items.find((i) => i.url === 'https://actu.example.fr/ivoire-le-havre')!;
    expect(ivory.body).toBe('Des défenses d’éléphant en provenance du Cameroun ont été découvertes par les douaniers.');
    expect(JSON.stringify(items)).not.toMatch(/script|onclick|alert/);
  });

  it('answers 304 as nothing new, keeping the items', async () => {
    const id = await addSource('/etag.rss');
    expect(await poll(id)).toMatchObject({ outcome: 'ok', newItems: 1 });
    expect(await poll(id)).toMatchObject({ outcome: 'not-modified', newItems: 0, source: { itemCount: 1, lastError: null } });
  });

  it('reads a page source when robots.txt allows it, and refuses it when it does not', async () => {
    const ok = await addSource('/news/seizure.html', { kind: 'page', language: 'ru' });
    expect(await poll(ok)).toMatchObject({ outcome: 'ok', newItems: 1 });
    const [page] = await itemsOf(ok);
    expect(page).toMatchObject({ title: 'Изъятие героина | Новости', url: 'https://news.example.ru/heroin-2026', language: 'ru' });
    expect(page!.body).toContain('Таможенники задержали 40 кг героина');
    expect(page!.body).not.toMatch(/track|Главная|©/);
    expect(page!.countries).toContain('AF');
    const blocked = await addSource('/members/seizure.html', { kind: 'page' });
    expect(await poll(blocked)).toMatchObject({ outcome: 'failed', error: expect.stringMatching(/robots\.txt .* disallows this page/) });
    expect(feeds.hits.get('/members/seizure.html')).toBeUndefined();
  });

  it('keeps each failure visible on its source, stores nothing of it, and backs off', async () => {
    const cases: [string, RegExp][] = [
      ['/not-xml.rss', /Not a feed: not well-formed XML/],
      ['/html-instead.rss', /the XML root is <html>/],
      ['/huge.rss', /larger than the cap of 5 MB/],
      ['/bomb.rss', /larger than the cap of 5 MB/],
      ['/loop-a', /More than 5 redirects/],
      ['/to-metadata', /cloud metadata address/],
      ['/gone.rss', /HTTP 404/],
    ];
    for (const [path, error] of cases) {
      const id = await addSource(path);
      const first = await poll(id);
      expect(first, path).toMatchObject({ outcome: 'failed', newItems: 0, error: expect.stringMatching(error), source: { consecutiveFailures: 1, itemCount: 0 } });
      expect(first.source.lastError, path).toMatch(error);
      const second = await poll(id);
      expect(second.source.consecutiveFailures, path).toBe(2);
      // Fifteen minutes doubled at each failure: the next poll is an hour away after the second.
      const wait = (Date.parse(second.source.nextPollAt) - Date.now()) / 60_000;
      expect(wait, path).toBeGreaterThan(58);
      expect(wait, path).toBeLessThan(61);
    }
  });

  it('the dispatcher job polls every due source, one job each, a failing one blocking none', async () => {
    await t.ctx.database.rows(sql`UPDATE osint_sources SET next_poll_at = now() - interval '1 minute'`);
    await t.ctx.database.rows(sql`UPDATE osint_sources SET etag = NULL WHERE url LIKE '%/etag.rss'`);
    await t.ctx.database.rows(sql`DELETE FROM osint_items WHERE source_id = (SELECT id FROM osint_sources WHERE url LIKE '%/etag.rss')`);
    const jobs = t.ctx.jobs as DatabaseJobRunner;
    await jobs.enqueue(POLL_DISPATCH, null);
    await jobs.runDue();
    const sources = (await i2c.client.get('/api/v1/osint/sources')).body.sources as { url: string; lastError: string | null; consecutiveFailures: number; itemCount: number; nextPollAt: string }[];
    const etag = sources.find((s) => s.url.endsWith('/etag.rss'))!;
    expect(etag).toMatchObject({ lastError: null, itemCount: 1 });
    expect(sources.find((s) => s.url.endsWith('/not-xml.rss'))!.consecutiveFailures).toBe(3);
    for (const s of sources) expect(Date.parse(s.nextPollAt), s.url).toBeGreaterThan(Date.now());
    // Nothing is due any more: a second dispatch queues no poll.
    const polls = async () => (await t.ctx.database.rows<{ n: number }>(sql`SELECT count(*)::int AS n FROM jobs WHERE kind = ${POLL_SOURCE}`))[0]!.n;
    const queued = await polls();
    expect(queued).toBe(sources.length);
    await jobs.enqueue(POLL_DISPATCH, null);
    await jobs.runDue();
    expect(await polls()).toBe(queued);
  });
});

describe('the sources and items API', () => {
  it('only the I2C manages sources; a scheme other than http(s) is a 422, an address twice a 409', async () => {
    expect((await member.client.get('/api/v1/osint/sources')).status).toBe(403);
    expect((await member.client.post('/api/v1/osint/sources', { url: `${feeds.url}/x.rss`, kind: 'rss', name: 'x' })).status).toBe(403);
    for (const url of ['ftp://news.example.org/feed.xml', 'file:///etc/passwd', 'javascript:alert(1)']) {
      const res = await i2c.client.post('/api/v1/osint/sources', { url, kind: 'rss', name: 'bad' });
      expect(res.status, url).toBe(422);
      expect(res.body.errors, url).toEqual([{ field: 'url', message: 'must be an http:// or https:// address' }]);
    }
    expect((await i2c.client.post('/api/v1/osint/sources', { url: `${feeds.url}/ru.rss`, kind: 'rss', name: 'again' })).status).toBe(409);
    expect((await i2c.client.post('/api/v1/osint/sources', { url: `${feeds.url}/y.rss`, kind: 'rss', name: 'y', pollMinutes: 4 })).status).toBe(400);
  });

  it('changes and removes a source (with its items), audited', async () => {
    const id = await addSource('/feed.json', { kind: 'jsonfeed', name: 'to change', url: `${feeds.url}/feed.json?copy=1` });
    await poll(id);
    const put = await i2c.client.put(`/api/v1/osint/sources/${id}`, { url: `${feeds.url}/feed.json?copy=2`, kind: 'jsonfeed', name: 'changed', reliability: 'B', pollMinutes: 30, enabled: false, country: 'KE', categoryHints: ['wildlife'] });
    expect(put.status, JSON.stringify(put.body)).toBe(200);
    expect(put.body).toMatchObject({ name: 'changed', reliability: 'B', pollMinutes: 30, enabled: false, country: 'KE', categoryHints: ['wildlife'], itemCount: 2 });
    expect((await i2c.client.get(`/api/v1/osint/sources/${id}`)).body.name).toBe('changed');
    expect((await i2c.client.delete(`/api/v1/osint/sources/${id}`)).status).toBe(204);
    expect((await i2c.client.get(`/api/v1/osint/sources/${id}`)).status).toBe(404);
    expect((await t.ctx.database.rows(sql`SELECT 1 FROM osint_items WHERE source_id = ${id}`)).length).toBe(0);
    const audit = await t.ctx.database.rows<{ action: string }>(sql`SELECT action FROM audit_log WHERE target_id = ${id} ORDER BY id`);
    expect(audit.map((a) => a.action)).toEqual(['osint.source.create', 'osint.source.update', 'osint.source.delete']);
  });

  it('members see validated items only; the I2C validates, rejects and notes, audited', async () => {
    const all = (await i2c.client.get('/api/v1/osint/items?limit=500')).body.items as { id: string; status: string }[];
    expect(all.length).toBeGreaterThan(5);
    expect((await member.client.get('/api/v1/osint/items')).body.items).toEqual([]);
    const [a, b] = all;
    const ok = await i2c.client.patch(`/api/v1/osint/items/${a!.id}`, { status: 'validated', note: 'Confirmed by the French NCP.' });
    expect(ok.status, JSON.stringify(ok.body)).toBe(200);
    expect(ok.body).toMatchObject({ status: 'validated', note: 'Confirmed by the French NCP.' });
    expect((await i2c.client.patch(`/api/v1/osint/items/${b!.id}`, { status: 'rejected' })).body.status).toBe('rejected');
    expect((await i2c.client.patch(`/api/v1/osint/items/${b!.id}`, { status: 'published' })).status).toBe(400);
    expect((await member.client.patch(`/api/v1/osint/items/${a!.id}`, { status: 'rejected' })).status).toBe(403);
    const seen = (await member.client.get('/api/v1/osint/items')).body.items as { id: string }[];
    expect(seen.map((i) => i.id)).toEqual([a!.id]);
    expect((await i2c.client.get('/api/v1/osint/items?status=rejected')).body.items.map((i: { id: string }) => i.id)).toEqual([b!.id]);
    const audit = await t.ctx.database.rows<{ detail: { from: string; to: string } }>(sql`SELECT detail FROM audit_log WHERE action = 'osint.item.update' AND target_id = ${a!.id}`);
    expect(audit[0]!.detail).toMatchObject({ from: 'new', to: 'validated' });
  });

  it('filters items by language, country and text', async () => {
    const ru = (await i2c.client.get('/api/v1/osint/items?language=ru')).body.items as { language: string }[];
    expect(ru.length).toBeGreaterThan(0);
    expect(ru.every((i) => i.language === 'ru')).toBe(true);
    const ke = (await i2c.client.get('/api/v1/osint/items?country=KE')).body.items as { countries: string[] }[];
    expect(ke.length).toBeGreaterThan(0);
    expect(ke.every((i) => i.countries.includes('KE'))).toBe(true);
    const q = (await i2c.client.get(`/api/v1/osint/items?q=${encodeURIComponent('Marseille')}`)).body.items as { title: string }[];
    expect(q.map((i) => i.title)).toEqual(['Saisie record de cigarettes à Marseille']);
    expect((await i2c.client.get('/api/v1/osint/items?country=fr')).status).toBe(400);
  });

  it('appears in the OpenAPI document', async () => {
    const doc = await member.client.get('/api/docs/json');
    expect(Object.keys(doc.body.paths)).toEqual(expect.arrayContaining(['/api/v1/osint/sources', '/api/v1/osint/sources/{id}', '/api/v1/osint/sources/{id}/poll', '/api/v1/osint/items', '/api/v1/osint/items/{id}']));
  });
});
