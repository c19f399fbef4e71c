import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { issueApiToken } from '../../identity/index.ts';
import { makeUser } from '../../identity/testing.ts';
import { startTestApp, TestClient, type TestApp } from '../../platform/testing/test-app.ts';
import { alertCast, cocaineAlert } from '../test-fixtures.ts';
import { bundle } from '../stix/schema.ts';

let t: TestApp;
let cast: Awaited<ReturnType<typeof alertCast>>;
beforeAll(async () => {
  t = await startTestApp();
  cast = await alertCast(t);
});
afterAll(() => t?.close());

const TAXII = 'application/taxii+json;version=2.1';

/** A TAXII client of the administration: a system account of it with an API token. */
async function tokenClient(orgId: string) {
  const { user } = await makeUser(t.ctx, ['ncp'], { system: true, orgId });
  const c = new TestClient(t.url);
  c.bearer = (await issueApiToken(t.ctx.database, { name: 'taxii client', userId: user.id })).token;
  return c;
}
const get = (c: TestClient, path: string) => c.call('GET', path, undefined, { accept: TAXII });
/** The media type of an answer, its parameters without quotes or spaces. */
const mediaType = (h: Headers) => (h.get('content-type') ?? '').replace(/[\s"]/g, '').replace(/;charset=utf-8$/i, '');

async function circulated(targets: Record<string, unknown>, over: Record<string, unknown> = {}) {
  const res = await cast.fr.client.post('/api/v1/alerts', cocaineAlert(over));
  const id = res.body.id as string;
  await cast.fr.client.post(`/api/v1/alerts/${id}/submit`);
  const out = await cast.rilo.client.post(`/api/v1/alerts/${id}/circulate`, targets);
  expect(out.status, JSON.stringify(out.body)).toBe(200);
  return id;
}

describe('TAXII 2.1 server', () => {
  it('serves a client conversation: discovery, API root, collections, objects paged and by added_after; none of an alert to an outsider', async () => {
    const list = await cast.rilo.client.post('/api/v1/alert-lists', { name: 'Reefer ports', orgIds: [cast.de.org.id] });
    expect(list.status, JSON.stringify(list.body)).toBe(201);
    const byList = await circulated({ listIds: [list.body.id] });
    const direct = [await circulated({ orgIds: [cast.de.org.id] }), await circulated({ orgIds: [cast.de.org.id] })];
    const h3 = await circulated({ orgIds: [cast.de.org.id] }, { handling: 'H3' });
    const client = await tokenClient(cast.de.org.id);

    // Anonymous and made-up tokens get 401 everywhere.
    for (const path of ['/taxii2/', '/taxii2/alerts/', '/taxii2/alerts/collections/']) expect((await new TestClient(t.url).get(path)).status).toBe(401);
    const wrong = new TestClient(t.url);
    wrong.bearer = 'ocn_madeup';
    expect((await wrong.get('/taxii2/')).status).toBe(401);

    const discovery = await get(client, '/taxii2/');
    expect(discovery.status).toBe(200);
    expect(mediaType(discovery.headers)).toBe(TAXII);
    expect(discovery.body.api_roots).toEqual([`${t.url}/taxii2/alerts/`]);
    const root = await get(client, new URL(discovery.body.default).pathname);
    expect(root.status).toBe(200);
    expect(root.body.versions).toEqual([TAXII]);

    const cols = await get(client, '/taxii2/alerts/collections/');
    expect(cols.status).toBe(200);
    expect(cols.body.collections).toHaveLength(2);
    const everything = cols.body.collections.find((c: { title: string }) => c.title.includes('circulated to my administration'));
    const reefer = cols.body.collections.find((c: { id: string }) => c.id === list.body.id);
    expect(reefer).toMatchObject({ can_read: true, can_write: false, media_types: ['application/stix+json;version=2.1'] });
    expect((await get(client, `/taxii2/alerts/collections/${everything.id}/`)).body.id).toBe(everything.id);

    // Objects, four by four: the three exportable alerts (three objects each), never the H3 one.
    const seen: Record<string, unknown>[] = [];
    let path = `/taxii2/alerts/collections/${everything.id}/objects/?limit=4`;
    let pages = 0;
    let last = '';
    for (;;) {
      const page = await get(client, path);
      expect(page.status, JSON.stringify(page.body)).toBe(200);
      expect(mediaType(page.headers)).toBe(TAXII);
      expect(page.body.objects.length).toBeLessThanOrEqual(4);
      expect(Date.parse(page.headers.get('x-taxii-date-added-first')!)).toBeLessThanOrEqual(Date.parse(page.headers.get('x-taxii-date-added-last')!));
      last = page.headers.get('x-taxii-date-added-last')!;
      seen.push(...page.body.objects);
      pages++;
      if (!page.body.more) break;
      expect(page.body.next).toBeTruthy();
      path = `/taxii2/alerts/collections/${everything.id}/objects/?limit=4&next=${encodeURIComponent(page.body.next)}`;
    }
    expect(pages).toBe(3);
    expect(seen).toHaveLength(9);
    const reports = seen.filter((o) => o.type === 'report');
    expect(reports.map((r) => r.external_references)).toHaveLength(3);
    expect(bundle.safeParse({ type: 'bundle', id: 'bundle--1d6f3b5c-1a2b-4c3d-8e9f-0a1b2c3d4e5f', objects: seen }).success).toBe(true);
    const exported = (await cast.de.client.get(`/api/v1/alerts/${byList}/stix`)).body.objects.find((o: { type: string }) => o.type === 'report');
    expect(reports.map((r) => r.id)).toContain(exported.id);
    expect(JSON.stringify(seen)).not.toContain(h3);
    expect(direct).toHaveLength(2);

    // The list's collection holds only what came through the list.
    const listed = await get(client, `/taxii2/alerts/collections/${reefer.id}/objects/`);
    expect(listed.body.objects.filter((o: { type: string }) => o.type === 'report').map((r: { id: string }) => r.id)).toEqual([exported.id]);

    // added_after: only what was added since.
    const empty = await get(client, `/taxii2/alerts/collections/${everything.id}/objects/?added_after=${last}`);
    expect(empty.status).toBe(200);
    expect(empty.body).toEqual({ more: false });
    const newer = await circulated({ orgIds: [cast.de.org.id] }, { title: 'Newer cocaine alert' });
    const since = await get(client, `/taxii2/alerts/collections/${everything.id}/objects/?added_after=${last}`);
    expect(since.body.objects).toHaveLength(3);
    expect(since.body.objects.find((o: { type: string }) => o.type === 'report').name).toBe('Newer cocaine alert');
    expect(Date.parse(since.headers.get('x-taxii-date-added-first')!)).toBeGreaterThan(Date.parse(last));
    expect(newer).toBeTruthy();

    // An administration outside the circulation sees none of it, and not the others' collections.
    const outsider = await tokenClient(cast.ke.org.id);
    const theirs = await get(outsider, '/taxii2/alerts/collections/');
    expect(theirs.body.collections).toHaveLength(1);
    const mine = await get(outsider, `/taxii2/alerts/collections/${theirs.body.collections[0].id}/objects/`);
    expect(mine.body.objects).toBeUndefined();
    expect((await get(outsider, `/taxii2/alerts/collections/${everything.id}/objects/`)).status).toBe(404);
    expect((await get(outsider, `/taxii2/alerts/collections/${reefer.id}/`)).status).toBe(404);

    // A bad page token is refused; a session works too.
    expect((await get(client, `/taxii2/alerts/collections/${everything.id}/objects/?next=garbage`)).status).toBe(400);
    expect((await get(cast.de.client, '/taxii2/alerts/collections/')).status).toBe(200);
  });

  it('is in the OpenAPI document', async () => {
    const doc = await new TestClient(t.url).get('/api/openapi.json');
    for (const p of ['/taxii2/', '/taxii2/alerts/collections/{id}/objects/', '/api/v1/alerts/{id}/stix', '/api/v1/alerts/export.csv', '/api/v1/alerts/import/stix']) expect(Object.keys(doc.body.paths)).toContain(p);
  });
});
