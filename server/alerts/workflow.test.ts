import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../platform/testing/test-app.ts';
import { alertCast, cocaineAlert } from './test-fixtures.ts';

let t: TestApp;
let cast: Awaited<ReturnType<typeof alertCast>>;
beforeAll(async () => {
  t = await startTestApp();
  cast = await alertCast(t);
});
afterAll(() => t?.close());

async function draft(over: Record<string, unknown> = {}) {
  const body = cocaineAlert(over);
  const res = await cast.fr.client.post('/api/v1/alerts', body);
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return { id: res.body.id as string, title: body.title };
}

async function submitted(over: Record<string, unknown> = {}) {
  const a = await draft(over);
  expect((await cast.fr.client.post(`/api/v1/alerts/${a.id}/submit`)).status).toBe(200);
  return a;
}

describe('alert workflow', () => {
  it('an NCP drafts and submits to its RILO, which asks back, then circulates to its region; recipients acknowledge', async () => {
    const { fr, rilo, de, ke } = cast;
    const a = await draft();
    // A draft is the author's alone.
    expect((await rilo.client.get(`/api/v1/alerts/${a.id}`)).status).toBe(404);
    const mine = await fr.client.get('/api/v1/alerts?box=mine');
    expect(mine.body.alerts.map((x: { id: string }) => x.id)).toContain(a.id);

    const sub = await fr.client.post(`/api/v1/alerts/${a.id}/submit`);
    expect(sub.body.status).toBe('submitted');
    expect(sub.body.riloCode).toBe('RILO-WE');
    const queue = await rilo.client.get('/api/v1/alerts?box=review');
    expect(queue.body.alerts.map((x: { id: string }) => x.id)).toContain(a.id);

    const back = await rilo.client.post(`/api/v1/alerts/${a.id}/return`, { comment: 'Which terminal? Add the seal indicator.' });
    expect(back.body.status).toBe('returned');
    expect(back.body.returnComment).toBe('Which terminal? Add the seal indicator.');
    const edited = await fr.client.put(`/api/v1/alerts/${a.id}`, { ...cocaineAlert({ title: a.title, conveyance: 'Reefer container, terminal TPO' }), version: back.body.version });
    expect(edited.status, JSON.stringify(edited.body)).toBe(200);
    expect(edited.body.conveyance).toBe('Reefer container, terminal TPO');
    // A stale version is refused and changes nothing.
    const stale = await fr.client.put(`/api/v1/alerts/${a.id}`, { ...cocaineAlert({ title: 'Overwritten' }), version: back.body.version });
    expect(stale.status).toBe(409);
    expect((await fr.client.get(`/api/v1/alerts/${a.id}`)).body.title).toBe(a.title);

    await fr.client.post(`/api/v1/alerts/${a.id}/submit`);
    const out = await rilo.client.post(`/api/v1/alerts/${a.id}/circulate`, { regions: ['EUR'] });
    expect(out.status, JSON.stringify(out.body)).toBe(200);
    expect(out.body.status).toBe('circulated');

    // Germany is in the region, Kenya is not.
    const inbox = await de.client.get('/api/v1/alerts?box=inbox&acknowledged=no');
    expect(inbox.body.alerts.find((x: { id: string }) => x.id === a.id)?.acknowledged).toBe(false);
    expect((await ke.client.get(`/api/v1/alerts/${a.id}`)).status).toBe(404);
    expect((await ke.client.post(`/api/v1/alerts/${a.id}/ack`, {})).status).toBe(404);

    const ack = await de.client.post(`/api/v1/alerts/${a.id}/ack`, { feedback: 'acted_on', comment: 'Reefer containers from Guayaquil now selected.' });
    expect(ack.status, JSON.stringify(ack.body)).toBe(200);
    expect(ack.body.myAck.feedback).toBe('acted_on');
    expect((await de.client.get('/api/v1/alerts?box=inbox&acknowledged=yes')).body.alerts.map((x: { id: string }) => x.id)).toContain(a.id);

    // The author and the RILO see who acknowledged and what came of it; a recipient does not.
    for (const who of [fr, rilo]) {
      const acks = await who.client.get(`/api/v1/alerts/${a.id}/acks`);
      expect(acks.status).toBe(200);
      expect(acks.body.acks).toEqual([expect.objectContaining({ orgId: de.org.id, feedback: 'acted_on', feedbackComment: 'Reefer containers from Guayaquil now selected.' })]);
    }
    expect((await de.client.get(`/api/v1/alerts/${a.id}/acks`)).status).toBe(403);
    const recipients = await fr.client.get(`/api/v1/alerts/${a.id}/recipients`);
    const deRow = recipients.body.recipients.find((r: { orgId: string }) => r.orgId === de.org.id);
    expect(deRow.via).toBe('region:EUR');
    expect(deRow.acknowledgedAt).not.toBeNull();
    expect(recipients.body.recipients.some((r: { orgId: string }) => r.orgId === ke.org.id)).toBe(false);
  });

  it('"led to seizure" needs a seizure the recipient may link; a wrong one is refused and the acknowledgement unchanged', async () => {
    const a = await submitted();
    await cast.rilo.client.post(`/api/v1/alerts/${a.id}/circulate`, { orgIds: [cast.de.org.id] });
    const none = await cast.de.client.post(`/api/v1/alerts/${a.id}/ack`, { feedback: 'led_to_seizure' });
    expect(none.status).toBe(422);
    expect(none.body.errors[0].field).toBe('seizureId');
    const wrong = await cast.de.client.post(`/api/v1/alerts/${a.id}/ack`, { feedback: 'led_to_seizure', seizureId: '00000000-0000-4000-8000-000000000000' });
    expect(wrong.status).toBe(422);
    expect((await cast.fr.client.get(`/api/v1/alerts/${a.id}/acks`)).body.acks).toEqual([]);
  });

  it('the handling code limits circulation and passing on; a refused circulation stores nothing', async () => {
    const h3 = await submitted({ handling: 'H3' });
    const region = await cast.rilo.client.post(`/api/v1/alerts/${h3.id}/circulate`, { regions: ['EUR'] });
    expect(region.status).toBe(422);
    expect(region.body.errors[0].field).toBe('targets.regions');
    const global = await cast.rilo.client.post(`/api/v1/alerts/${h3.id}/circulate`, { global: true });
    expect(global.status).toBe(422);
    const still = await cast.rilo.client.get(`/api/v1/alerts/${h3.id}`);
    expect(still.body.status).toBe('submitted');
    expect((await cast.rilo.client.get(`/api/v1/alerts/${h3.id}/recipients`)).body.recipients).toEqual([]);
    // Named recipients are fine, and an H3 alert may not be forwarded by them.
    expect((await cast.rilo.client.post(`/api/v1/alerts/${h3.id}/circulate`, { orgIds: [cast.de.org.id] })).status).toBe(200);
    const fwd = await cast.de.client.post(`/api/v1/alerts/${h3.id}/forward`, { orgIds: [cast.ke.org.id] });
    expect(fwd.status).toBe(403);
    expect((await cast.ke.client.get(`/api/v1/alerts/${h3.id}`)).status).toBe(404);
    expect((await cast.de.client.get(`/api/v1/alerts/${h3.id}`)).body.can.export).toBe(false);

    // H2 stays within customs: a partner agency is refused, a customs administration may be forwarded to.
    const h2 = await submitted({ handling: 'H2' });
    const partner = await cast.rilo.client.post(`/api/v1/alerts/${h2.id}/circulate`, { orgIds: [cast.de.org.id, cast.police.org.id] });
    expect(partner.status).toBe(422);
    expect(partner.body.detail).toContain('not a customs administration');
    expect((await cast.rilo.client.get(`/api/v1/alerts/${h2.id}`)).body.status).toBe('submitted');
    expect((await cast.rilo.client.post(`/api/v1/alerts/${h2.id}/circulate`, { orgIds: [cast.de.org.id] })).status).toBe(200);
    expect((await cast.de.client.post(`/api/v1/alerts/${h2.id}/forward`, { orgIds: [cast.police.org.id] })).status).toBe(422);
    expect((await cast.de.client.post(`/api/v1/alerts/${h2.id}/forward`, { orgIds: [cast.ke.org.id] })).status).toBe(200);
    const ke = await cast.ke.client.get(`/api/v1/alerts/${h2.id}`);
    expect(ke.status).toBe(200);
    const via = (await cast.fr.client.get(`/api/v1/alerts/${h2.id}/recipients`)).body.recipients.find((r: { orgId: string }) => r.orgId === cast.ke.org.id).via;
    expect(via).toBe(`forward:${cast.de.org.id}`);

    // H1 may reach a partner agency.
    const h1 = await submitted({ handling: 'H1' });
    expect((await cast.rilo.client.post(`/api/v1/alerts/${h1.id}/circulate`, { orgIds: [cast.police.org.id] })).status).toBe(200);
    expect((await cast.police.client.get(`/api/v1/alerts/${h1.id}`)).status).toBe(200);
  });

  it('global circulation asked by a RILO waits for the I2C, which approves it', async () => {
    const a = await submitted();
    const asked = await cast.rilo.client.post(`/api/v1/alerts/${a.id}/circulate`, { regions: ['EUR'], global: true });
    expect(asked.status, JSON.stringify(asked.body)).toBe(200);
    expect(asked.body.globalStatus).toBe('requested');
    expect((await cast.ke.client.get(`/api/v1/alerts/${a.id}`)).status).toBe(404);
    expect((await cast.de.client.get(`/api/v1/alerts/${a.id}`)).status).toBe(200);
    // Only the I2C decides.
    expect((await cast.rilo.client.post(`/api/v1/alerts/${a.id}/global`, { approve: true })).status).toBe(403);
    const box = await cast.i2c.client.get('/api/v1/alerts?box=global');
    expect(box.body.alerts.map((x: { id: string }) => x.id)).toContain(a.id);
    const ok = await cast.i2c.client.post(`/api/v1/alerts/${a.id}/global`, { approve: true, comment: 'GRAN' });
    expect(ok.status).toBe(200);
    expect(ok.body.globalStatus).toBe('approved');
    const ke = await cast.ke.client.get(`/api/v1/alerts/${a.id}`);
    expect(ke.status).toBe(200);
    expect(ke.body.can.acknowledge).toBe(true);
    // Partner agencies are not in GRAN.
    expect((await cast.police.client.get(`/api/v1/alerts/${a.id}`)).status).toBe(404);
  });

  it('gives writers the directory of organisations to name, and nobody else', async () => {
    const res = await cast.rilo.client.get('/api/v1/alerts/organisations');
    expect(res.status).toBe(200);
    expect(res.body.items.find((o: { id: string }) => o.id === cast.de.org.id)).toEqual(expect.objectContaining({ kind: 'customs', country: 'DE' }));
    expect((await cast.police.client.get('/api/v1/alerts/organisations')).status).toBe(403);
  });

  it('refuses bad content with every error by field, and stores nothing', async () => {
    const before = (await cast.fr.client.get('/api/v1/alerts?box=mine&limit=500')).body.alerts.length;
    const bad = await cast.fr.client.post(
      '/api/v1/alerts',
      cocaineAlert({ commodities: [{ hsCode: '999999' }], route: [{ role: 'departure', country: 'QQ' }], concealmentMethods: ['NOT_A_METHOD'], validFrom: '2026-05-01', validUntil: '2026-01-01' }),
    );
    expect(bad.status).toBe(422);
    expect(bad.body.errors.map((e: { field: string }) => e.field).sort()).toEqual(['commodities.0.hsCode', 'concealmentMethods', 'route.0.country', 'validUntil']);
    const shape = await cast.fr.client.post('/api/v1/alerts', cocaineAlert({ handling: 'H9', infoCredibility: 7 }));
    expect(shape.status).toBe(400);
    expect((await cast.fr.client.get('/api/v1/alerts?box=mine&limit=500')).body.alerts.length).toBe(before);
  });
});
