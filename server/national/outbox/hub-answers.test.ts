import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestClient } from '../../platform/testing/test-app.ts';
import { cocaineSeizure, signIn } from '../../seizures/testing.ts';
import type { HubState, OutboxItem, OutboxPage } from '../outbox-view.ts';
import { FakeHub, startNationalTestApp } from './test-hub.ts';

// A national node over real HTTP and a real database, pushing to a stand-in hub on loopback that answers
// what the test tells it: every refusal stays visible in the outbox and nothing is lost.

let hub: FakeHub;
let app: Awaited<ReturnType<typeof startNationalTestApp>>;
let ncp: TestClient;

beforeAll(async () => {
  hub = await new FakeHub('tok-national').start();
  app = await startNationalTestApp({ OPENCEN_HUB_URL: hub.url, OPENCEN_HUB_TOKEN: 'tok-national', OPENCEN_HUB_POLL_SECONDS: '1' });
  ncp = (await signIn(app, ['ncp'])).client;
});
afterAll(async () => {
  await app?.close();
  await hub?.stop();
});

async function until<T>(what: string, probe: () => Promise<T | undefined | null | false>, ms = 15_000): Promise<T> {
  const end = Date.now() + ms;
  for (;;) {
    const v = await probe();
    if (v) return v;
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

/** A seizure entered and submitted nationally (the NCP's submit is the national validation). */
async function submitted(over: Record<string, unknown> = {}): Promise<string> {
  const created = await ncp.post('/api/v1/seizures', cocaineSeizure(over));
  expect(created.status, JSON.stringify(created.body)).toBe(201);
  const s = await ncp.post(`/api/v1/seizures/${created.body.id}/submit`);
  expect(s.status).toBe(200);
  return created.body.id as string;
}

async function rows(seizureId: string): Promise<OutboxItem[]> {
  const page = (await ncp.get('/api/v1/national/outbox?limit=200')).body as OutboxPage;
  return page.items.filter((i) => i.seizureId === seizureId).reverse();
}
const rowIn = (seizureId: string, state: OutboxItem['state']) => async () => (await rows(seizureId)).find((r) => r.state === state);
const hubState = async (id: string) => (await ncp.get(`/api/v1/national/seizures/${id}/hub`)).body as HubState;

describe('the push to the hub, answer by answer', () => {
  it('sends a submitted seizure (POST then submit) with the token, the national id as external reference and nothing nominal', async () => {
    // The national node's own external reference is free text that may name someone: it stays here.
    const id = await submitted({ externalRef: 'Dossier Jean DUPONT 1970' });
    const sent = await until('the row sent', rowIn(id, 'sent'));
    expect(sent).toMatchObject({ operation: 'create', attempts: 1, hubStatus: 201, lastError: null });
    const [copy] = hub.byExternalRef(id);
    expect(copy.status).toBe('submitted');
    expect(hub.calls(copy.id, id)).toEqual(['POST /api/v1/seizures', 'POST /api/v1/seizures/:id/submit']);
    expect(hub.received.every((r) => r.authorization === 'Bearer tok-national')).toBe(true);
    expect(hub.received.map((r) => r.body).join('\n')).not.toMatch(/dupont/i);
    expect(await hubState(id)).toMatchObject({ state: 'on_hub', hubId: copy.id, hubReference: copy.reference, hubStatus: 'submitted' });
  });

  it('follows the hub: validated, then changed here (update), returned with a comment, then removed here (withdraw), in order', async () => {
    const id = await submitted();
    await until('sent', rowIn(id, 'sent'));
    const [copy] = hub.byExternalRef(id);
    copy.status = 'validated';
    await until('validated here', async () => (await ncp.get(`/api/v1/seizures/${id}`)).body.status === 'validated');
    expect(await hubState(id)).toMatchObject({ state: 'on_hub', hubStatus: 'validated' });

    // A change of a validated seizure goes back to the RILO, here and on the hub.
    const s = (await ncp.get(`/api/v1/seizures/${id}`)).body;
    const changed = await ncp.put(`/api/v1/seizures/${id}`, { ...cocaineSeizure({ narrative: 'Weight corrected after the laboratory report.' }), version: s.version });
    expect(changed.status).toBe(200);
    expect(changed.body.status).toBe('submitted');
    await until('update sent', async () => (await rows(id)).filter((r) => r.state === 'sent').length === 2);
    expect(copy.body.narrative).toBe('Weight corrected after the laboratory report.');
    expect(copy.status).toBe('submitted');

    copy.status = 'returned';
    copy.returnComment = 'Give the HS code of the second line.';
    await until('returned here', async () => (await ncp.get(`/api/v1/seizures/${id}`)).body.status === 'returned');
    expect((await ncp.get(`/api/v1/seizures/${id}`)).body.returnComment).toBe('Give the HS code of the second line.');
    expect(await hubState(id)).toMatchObject({ hubStatus: 'returned', hubComment: 'Give the HS code of the second line.' });

    expect((await ncp.delete(`/api/v1/seizures/${id}`)).status).toBe(204);
    await until('withdrawn', async () => (await hubState(id)).state === 'withdrawn');
    expect(hub.seizures.has(copy.id)).toBe(false);
    expect((await rows(id)).map((r) => [r.operation, r.state])).toEqual([
      ['create', 'sent'],
      ['update', 'sent'],
      ['withdraw', 'sent'],
    ]);
    const writes = hub.calls(copy.id, id).filter((c) => !c.startsWith('GET'));
    expect(writes).toEqual(['POST /api/v1/seizures', 'POST /api/v1/seizures/:id/submit', 'PUT /api/v1/seizures/:id', 'DELETE /api/v1/seizures/:id']);
  });

  it('401: the row fails visibly and holds the queue until an officer retries it; then everything goes', async () => {
    hub.token = 'renewed';
    const first = await submitted();
    const failed = await until('failed', rowIn(first, 'failed'));
    expect(failed).toMatchObject({ hubStatus: 401, attempts: 1 });
    expect(failed.lastError).toContain('401 Unauthorized: The token is not valid.');
    expect(await hubState(first)).toMatchObject({ state: 'failed', lastError: failed.lastError });
    // One refusal says why: the next seizure waits its turn instead of failing the same way.
    const second = await submitted();
    await new Promise((r) => setTimeout(r, 600));
    expect((await rows(second))[0]).toMatchObject({ state: 'pending', attempts: 0 });

    hub.token = 'tok-national'; // the administrator renewed the token on the hub
    const retried = await ncp.post(`/api/v1/national/outbox/${failed.id}/retry`);
    expect(retried.status).toBe(200);
    expect(retried.body.state).toBe('pending');
    await until('both sent', async () => (await rowIn(first, 'sent')()) && (await rowIn(second, 'sent')()));
    expect(hub.byExternalRef(first)).toHaveLength(1);
    expect(hub.byExternalRef(second)).toHaveLength(1);
  });

  it('409 on a creation: the hub has it already (an answer was lost), so it is looked up, submitted, and counted sent', async () => {
    const created = await ncp.post('/api/v1/seizures', cocaineSeizure());
    const id = created.body.id as string;
    // The hub took an earlier attempt's POST but the answer never came back.
    hub.seizures.set('7d444840-9dc0-41cf-8a0b-1b6a1c1d7f01', { id: '7d444840-9dc0-41cf-8a0b-1b6a1c1d7f01', reference: 'HUB-2026-9999999', status: 'draft', version: 1, externalRef: id, returnComment: null, body: {} });
    await ncp.post(`/api/v1/seizures/${id}/submit`);
    const sent = await until('sent', rowIn(id, 'sent'));
    expect(sent.hubStatus).toBe(409);
    expect(hub.byExternalRef(id)).toHaveLength(1);
    expect(hub.byExternalRef(id)[0].status).toBe('submitted');
    expect(await hubState(id)).toMatchObject({ state: 'on_hub', hubReference: 'HUB-2026-9999999' });
  });

  it('422: failed with the problem detail, the seizure is returned here to be corrected, and its next submission goes', async () => {
    hub.override = (r) =>
      r.method === 'POST' && r.path === '/api/v1/seizures'
        ? { status: 422, body: { type: 'about:blank', title: 'Unprocessable Content', status: 422, detail: 'commodities.0.hsCode: 293972 is not an HS 2022 subheading', errors: [{ field: 'body.commodities.0.hsCode', message: '293972 is not an HS 2022 subheading' }] } }
        : undefined;
    const id = await submitted();
    const failed = await until('failed', rowIn(id, 'failed'));
    expect(failed.hubStatus).toBe(422);
    expect(failed.lastError).toContain('422 Unprocessable Content');
    expect(failed.lastError).toContain('293972 is not an HS 2022 subheading');
    const here = (await ncp.get(`/api/v1/seizures/${id}`)).body;
    expect(here.status).toBe('returned');
    expect(here.returnComment).toContain('Refused by the hub');

    hub.override = null;
    await ncp.put(`/api/v1/seizures/${id}`, { ...cocaineSeizure({ commodities: [{ category: 'DRUGS', subcategory: 'COCAINE', hsCode: '2939', quantity: 120, unit: 'kg' }] }), version: here.version });
    await ncp.post(`/api/v1/seizures/${id}/submit`);
    await until('sent', rowIn(id, 'sent'));
    expect((await rows(id)).map((r) => [r.operation, r.state])).toEqual([
      ['create', 'superseded'],
      ['create', 'sent'],
    ]);
    expect(hub.byExternalRef(id)).toHaveLength(1);
  });

  it('404: the hub lost its copy; the change fails visibly and its retry creates it there again', async () => {
    const id = await submitted();
    await until('sent', rowIn(id, 'sent'));
    const [copy] = hub.byExternalRef(id);
    copy.status = 'validated';
    await until('validated here', async () => (await ncp.get(`/api/v1/seizures/${id}`)).body.status === 'validated');
    hub.seizures.delete(copy.id); // deleted on the hub by its administrator
    const s = (await ncp.get(`/api/v1/seizures/${id}`)).body;
    await ncp.put(`/api/v1/seizures/${id}`, { ...cocaineSeizure({ narrative: 'Second line added after the count.' }), version: s.version });
    const failed = await until('failed', rowIn(id, 'failed'));
    expect(failed).toMatchObject({ operation: 'update', hubStatus: 404 });
    expect(failed.lastError).toContain('no longer has seizure');
    await ncp.post(`/api/v1/national/outbox/${failed.id}/retry`);
    await until('sent again', async () => (await rows(id)).filter((r) => r.state === 'sent').length === 2);
    const copies = hub.byExternalRef(id);
    expect(copies).toHaveLength(1);
    expect(copies[0]).toMatchObject({ status: 'submitted', body: expect.objectContaining({ narrative: 'Second line added after the count.' }) });
    expect(await hubState(id)).toMatchObject({ state: 'on_hub', hubId: copies[0].id });
  });

  it('500: the row waits with its next attempt and goes by itself once the hub recovers', async () => {
    let errors = 0;
    hub.override = (r) => (r.method === 'POST' && r.path === '/api/v1/seizures' && errors++ < 2 ? { status: 500, body: { title: 'Internal Server Error', status: 500, detail: 'database restarting' } } : undefined);
    const id = await submitted();
    const waiting = await until('waiting', async () => (await rows(id)).find((r) => r.state === 'pending' && r.attempts >= 1 && r.lastError));
    expect(waiting.hubStatus).toBe(500);
    expect(waiting.lastError).toContain('500 Internal Server Error: database restarting');
    expect(Date.parse(waiting.nextAttemptAt!)).toBeGreaterThan(Date.parse(waiting.createdAt));
    const sent = await until('sent after back-off', rowIn(id, 'sent'), 20_000);
    expect(sent.attempts).toBe(3);
    expect(hub.byExternalRef(id)).toHaveLength(1);
    hub.override = null;
  });

  it('garbage: a body that is not the hub API answer fails the row, visibly, until retried', async () => {
    hub.override = (r) => (r.method === 'POST' && r.path === '/api/v1/seizures' ? { status: 200, raw: '<html><body>Proxy login</body></html>' } : undefined);
    const id = await submitted();
    const failed = await until('failed', rowIn(id, 'failed'));
    expect(failed.hubStatus).toBe(200);
    expect(failed.lastError).toContain('not JSON');
    hub.override = (r) => (r.method === 'POST' && r.path === '/api/v1/seizures' ? { status: 201, body: { hello: 'world' } } : undefined);
    await ncp.post(`/api/v1/national/outbox/${failed.id}/retry`);
    const again = await until('failed again', async () => (await rows(id)).find((r) => r.state === 'failed' && r.attempts === 2));
    expect(again.lastError).toContain('not what its API answers');
    hub.override = null;
    await ncp.post(`/api/v1/national/outbox/${failed.id}/retry`);
    await until('sent', rowIn(id, 'sent'));
    expect(hub.byExternalRef(id)).toHaveLength(1);
  });

  it('hub unreachable: rows wait in order; paused, nothing is sent; resumed, the queue drains', async () => {
    const paused = await ncp.post('/api/v1/national/outbox/pause', { paused: true });
    expect(paused.body).toMatchObject({ paused: true, hubUrl: hub.url });
    const a = await submitted();
    const b = await submitted();
    await new Promise((r) => setTimeout(r, 400));
    expect(hub.byExternalRef(a)).toHaveLength(0);
    expect((await ncp.post(`/api/v1/national/outbox/${(await rows(a))[0].id}/retry`)).status).toBe(409);
    hub.override = () => ({ status: 503, raw: 'Service Unavailable' });
    expect((await ncp.post('/api/v1/national/outbox/pause', { paused: false })).body.paused).toBe(false);
    await until('a waits', async () => (await rows(a))[0].hubStatus === 503);
    expect((await rows(a))[0].lastError).toContain('503 Service Unavailable');
    // While the hub is down the oldest row alone probes it, the delay doubling; the next waits its turn.
    await until('a probes again', async () => (await rows(a))[0].attempts >= 3, 10_000);
    expect((await rows(b))[0].attempts).toBeLessThanOrEqual(1);
    hub.override = null;
    await ncp.post(`/api/v1/national/outbox/${(await rows(a))[0].id}/retry`);
    await until('both sent', async () => (await rowIn(a, 'sent')()) && (await rowIn(b, 'sent')()));
    const [ra, rb] = [(await rows(a))[0], (await rows(b))[0]];
    expect(Date.parse(ra.sentAt!)).toBeLessThanOrEqual(Date.parse(rb.sentAt!));
  });

  it('answers the outbox page and refuses what it must', async () => {
    const page = (await ncp.get('/api/v1/national/outbox?state=sent&limit=2')).body as OutboxPage;
    expect(page.items).toHaveLength(2);
    expect(page.items.every((i) => i.state === 'sent')).toBe(true);
    expect(page.total).toBe(page.counts.sent);
    expect(page.counts.failed).toBe(0);
    expect(page.counts.pending).toBe(0);
    expect((await ncp.get('/api/v1/national/outbox?state=lost')).status).toBe(400);
    expect((await ncp.post(`/api/v1/national/outbox/${page.items[0].id}/retry`)).status).toBe(409);
    expect((await ncp.post('/api/v1/national/outbox/99999999/retry')).status).toBe(404);
    expect((await ncp.post('/api/v1/national/outbox/pause', { paused: 'yes' })).status).toBe(400);
    expect((await ncp.get('/api/v1/national/seizures/0b7f5a52-3c1e-4a8e-9b57-6f0d1c2a9e41/hub')).status).toBe(404);
    const viewer = (await signIn(app, ['viewer'])).client;
    expect((await viewer.get('/api/v1/national/outbox')).status).toBe(403);
  });
});
