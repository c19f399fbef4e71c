import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../platform/testing/test-app.ts';
import { signIn } from '../seizures/testing.ts';
import { alertCast, cocaineAlert } from './test-fixtures.ts';

// "An alert is readable only by its circulation list": every route of the module that names an alert,
// a profile or a list, called by users outside it, answers 403 or 404 and never shows the title.

let t: TestApp;
let cast: Awaited<ReturnType<typeof alertCast>>;
const TITLE = 'Secret route through Lomé, do not leak';
let ids: Record<string, string>;

const PNG = Buffer.from('89504e470d0a1a0a0000000d4948445200000001000000010806000000' + '1f15c4890000000d49444154789c6360000002000154a24f5d0000000049454e44ae426082', 'hex');

beforeAll(async () => {
  t = await startTestApp();
  cast = await alertCast(t);
  const a = await cast.fr.client.post('/api/v1/alerts', cocaineAlert({ title: TITLE }));
  const file = await fetch(`${t.url}/api/v1/alerts/${a.body.id}/files?name=photo.png`, {
    method: 'POST',
    headers: { 'content-type': 'image/png', cookie: cast.fr.client.cookie, 'x-csrf-token': cast.fr.client.csrf },
    body: PNG,
  });
  expect(file.status).toBe(201);
  const fileId = ((await file.json()) as { id: string }).id;
  await cast.fr.client.post(`/api/v1/alerts/${a.body.id}/submit`);
  expect((await cast.rilo.client.post(`/api/v1/alerts/${a.body.id}/circulate`, { orgIds: [cast.de.org.id] })).status).toBe(200);
  const list = await cast.rilo.client.post('/api/v1/alert-lists', { name: 'West Africa ports', orgIds: [cast.de.org.id] });
  const profile = await cast.rilo.client.post('/api/v1/profiles', {
    title: TITLE,
    riskArea: 'drugs',
    handling: 'H2',
    indicators: { routeCountries: ['TG'] },
    recipients: { orgIds: [cast.de.org.id] },
  });
  expect(profile.status, JSON.stringify(profile.body)).toBe(201);
  ids = { alert: a.body.id, fileId, list: list.body.id, profile: profile.body.id };
});
afterAll(() => t?.close());

/** A valid body for each action, so that the refusal is about who asks, not what is sent. */
function bodyFor(method: string, url: string): unknown {
  if (method === 'GET' || method === 'DELETE') return undefined;
  const action = url.split('/').pop()!;
  const bodies: Record<string, unknown> = {
    submit: {},
    return: { comment: 'Why?' },
    circulate: { regions: ['EUR'] },
    global: { approve: true },
    forward: { orgIds: [cast.ke.org.id] },
    withdraw: { comment: 'Out of date' },
    ack: { feedback: 'acted_on' },
  };
  if (url.startsWith('/api/v1/alert-lists')) return { name: 'Mine now', orgIds: [cast.ke.org.id] };
  if (url.startsWith('/api/v1/profiles')) return { title: 'Taken over', riskArea: 'drugs', handling: 'H2', indicators: { routeCountries: ['TG'] } };
  if (action === ':id') return { ...cocaineAlert({ title: 'Taken over' }), version: 1 };
  return bodies[action] ?? {};
}

const named = (url: string) => /\/:id\b/.test(url) && /^\/api\/v1\/(alerts|profiles|alert-lists)\//.test(url);

describe('alerts are deny by default', () => {
  it('walks every alert, profile and list route with users outside the circulation: 403 or 404, no title', async () => {
    const routes = t.routes.filter((r) => named(r.url));
    expect(routes.length).toBeGreaterThanOrEqual(20);
    const viewer = await signIn(t, ['viewer'], { country: 'KE' });
    const outsiders = { ncp: cast.ke, partner: cast.police, viewer };
    const answered: string[] = [];
    for (const [who, user] of Object.entries(outsiders))
      for (const r of routes) {
        const path = r.url.replace(':id', r.url.startsWith('/api/v1/alert-lists') ? ids.list : r.url.startsWith('/api/v1/profiles') ? ids.profile : ids.alert).replace(':fileId', ids.fileId);
        if (r.url.endsWith('/files') && r.method === 'POST') {
          const res = await fetch(`${t.url}${path}?name=x.png`, { method: 'POST', headers: { 'content-type': 'image/png', cookie: user.client.cookie, 'x-csrf-token': user.client.csrf }, body: PNG });
          const text = await res.text();
          expect([403, 404], `${who} ${r.method} ${r.url}`).toContain(res.status);
          expect(text).not.toContain(TITLE);
          continue;
        }
        const res = await user.client.call(r.method, path, bodyFor(r.method, r.url));
        expect([403, 404], `${who} ${r.method} ${r.url}: ${res.status} ${JSON.stringify(res.body)}`).toContain(res.status);
        expect(JSON.stringify(res.body ?? '')).not.toContain(TITLE);
        answered.push(`${r.method} ${r.url}`);
      }
    // Nothing changed: the alert is as circulated, and the outsiders' lists and inboxes do not show it.
    const a = await cast.fr.client.get(`/api/v1/alerts/${ids.alert}`);
    expect(a.body.title).toBe(TITLE);
    expect(a.body.status).toBe('circulated');
    expect((await cast.fr.client.get(`/api/v1/alerts/${ids.alert}/acks`)).body.acks).toEqual([]);
    expect((await cast.fr.client.get(`/api/v1/alerts/${ids.alert}/recipients`)).body.recipients.map((r: { orgId: string }) => r.orgId)).toEqual([cast.de.org.id]);
    for (const box of ['inbox', 'mine', 'review', 'global']) expect(JSON.stringify((await cast.ke.client.get(`/api/v1/alerts?box=${box}`)).body)).not.toContain(TITLE);
    expect(JSON.stringify((await cast.ke.client.get('/api/v1/profiles')).body)).not.toContain(TITLE);
    expect((await cast.rilo.client.get(`/api/v1/profiles/${ids.profile}`)).body.title).toBe(TITLE);
    expect(answered.length).toBeGreaterThan(0);
  });

  it('the recipient reads the alert, its file and the profile; the list stays its owner’s', async () => {
    expect((await cast.de.client.get(`/api/v1/alerts/${ids.alert}`)).body.title).toBe(TITLE);
    const file = await cast.de.client.get(`/api/v1/alerts/${ids.alert}/files/${ids.fileId}`);
    expect(file.status).toBe(200);
    expect(file.headers.get('content-type')).toBe('image/png');
    expect((await cast.de.client.get(`/api/v1/profiles/${ids.profile}`)).body.title).toBe(TITLE);
    expect((await cast.rilo.client.get('/api/v1/alert-lists')).body.lists.map((l: { id: string }) => l.id)).toContain(ids.list);
  });
});
