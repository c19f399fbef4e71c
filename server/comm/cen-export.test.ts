import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { randomUUID } from 'node:crypto';
import { startTestApp, type TestApp } from '../platform/testing/test-app.ts';
import { signIn } from '../seizures/testing.ts';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
  await t.gazetteer;
});
afterAll(() => t?.close());

/** A SEIZURE message as an NCP writes it in CENcomm: with the courier's description and the parties, which must stay behind. */
const seizureFields = (over: Record<string, unknown> = {}) => ({
  commodity_type: 'DRUGS',
  seized_at: '2026-03-10T14:30:00Z',
  location: { locode: 'FRLEH' },
  location_type: 'SEAPORT',
  seizure_country: 'FR',
  direction: 'IMPORT',
  detection_method: 'RISK_PROFILING',
  technical_device: 'XRAY_SCANNER',
  goods: [{ description: 'Cocaine bricks in banana boxes', hs_code: '2939.72', quantity: 120, unit: 'KG' }],
  route: [
    { country: 'EC', location: { locode: 'ECGYE' }, transport: 'SEA', location_type: 'DEPARTURE', order: 1 },
    { country: 'FR', location: { locode: 'FRLEH' }, transport: 'SEA', location_type: 'DESTINATION', order: 2 },
  ],
  offenders: [
    { nationality: 'EC', gender: 'MALE', age: 34, description: 'Juan Pérez Gómez, passport A1234567' },
    { nationality: 'EC', gender: 'MALE', age: 29, description: 'His brother' },
  ],
  parties: 'Consignee: Frutas Tropicales SARL, 12 rue du Port, Le Havre',
  conveyance: 'MSC ANNA, container MSCU1234567',
  narrative: 'Container selected by risk profiling; X-ray showed anomalies behind the banana boxes.',
  ...over,
});

async function submittedSeizure() {
  const ocu = await signIn(t, ['i2c_officer'], { country: 'BE' });
  const fr = await signIn(t, ['ncp'], { country: 'FR' });
  const op = (await ocu.client.post('/api/v1/operations', { code: `C${randomUUID().slice(0, 5)}`.toUpperCase().replace(/-/g, ''), name: 'Export test', status: 'active' })).body;
  await ocu.client.post(`/api/v1/operations/${op.id}/members`, { userId: fr.user.id, role: 'ncp' });
  const base = `/api/v1/operations/${op.id}`;
  const seizureTpl = (await fr.client.get(`${base}/templates`)).body.items.find((x: { code: string }) => x.code === 'SEIZURE').id;
  const sent = await fr.client.post(`${base}/formatted`, { templateId: seizureTpl, fields: seizureFields(), to: { mode: 'all' }, submit: true });
  expect(sent.status).toBe(201);
  return { ocu, fr, op, base, message: sent.body as { id: string; number: string } };
}

describe('SEIZURE messages into the seizure database', () => {
  it('previews exactly the allowlisted fields and exports a draft of the sender’s administration, once', async () => {
    const { fr, base, message } = await submittedSeizure();
    const preview = await fr.client.get(`${base}/messages/${message.id}/cen-export`);
    expect(preview.status).toBe(200);
    expect(preview.body.errors).toEqual([]);
    const leaving = JSON.stringify(preview.body.leaving);
    for (const nominal of ['Juan', 'A1234567', 'Frutas', 'rue du Port', 'MSC ANNA', 'MSCU1234567', 'brother']) expect(leaving).not.toContain(nominal);
    expect(preview.body.dropped).toEqual(expect.arrayContaining(['parties', 'offenderDescriptions', 'conveyance']));
    const paths = preview.body.leaving.map((l: { path: string }) => l.path);
    expect(paths).toEqual(expect.arrayContaining(['seizedAt', 'country', 'commodities.0.quantity', 'route.0.country', 'offenders.0.count']));

    const run = await fr.client.post(`${base}/messages/${message.id}/cen-export`, {});
    expect(run.status).toBe(201);
    const s = (await fr.client.get(`/api/v1/seizures/${run.body.seizureId}`)).body;
    expect(s).toMatchObject({ status: 'draft', provenance: 'cencomm', externalRef: message.number, country: 'FR', locationType: 'seaport', direction: 'import' });
    expect(s.commodities).toEqual([expect.objectContaining({ category: 'DRUGS', hsCode: '293972', quantity: 120, unit: 'kg', description: 'Cocaine bricks in banana boxes' })]);
    expect(s.route.map((l: { role: string; country: string }) => `${l.role}:${l.country}`)).toEqual(['departure:EC', 'destination:FR']);
    expect(s.offenders).toEqual([{ nationality: 'EC', gender: 'male', ageBand: '26_35', count: 2 }]);
    expect(JSON.stringify(s)).not.toContain('Juan');
    expect((await fr.client.post(`${base}/messages/${message.id}/cen-export`, {})).status).toBe(409);
    expect((await fr.client.get(`${base}/messages/${message.id}/cen-export`)).body.exported.seizureId).toBe(run.body.seizureId);
  });

  it('is the sender’s alone, and refuses a message that is not a SEIZURE', async () => {
    const { ocu, fr, base, message } = await submittedSeizure();
    expect((await ocu.client.post(`${base}/messages/${message.id}/cen-export`, {})).status).toBe(403);
    const plain = await fr.client.post(`${base}/messages`, { to: { mode: 'all' }, subject: 'hello' });
    const refused = await fr.client.get(`${base}/messages/${plain.body.id}/cen-export`);
    expect(refused.status).toBe(422);
  });

  it('shows what the seizure database would refuse, and needs a confirmation for nominal-looking narrative', async () => {
    const ocu = await signIn(t, ['i2c_officer'], { country: 'BE' });
    const fr = await signIn(t, ['ncp'], { country: 'FR' });
    const op = (await ocu.client.post('/api/v1/operations', { code: `D${randomUUID().slice(0, 5)}`.toUpperCase().replace(/-/g, ''), name: 'Export test 2', status: 'active' })).body;
    await ocu.client.post(`/api/v1/operations/${op.id}/members`, { userId: fr.user.id, role: 'ncp' });
    const base = `/api/v1/operations/${op.id}`;
    const tpl = (await fr.client.get(`${base}/templates`)).body.items.find((x: { code: string }) => x.code === 'SEIZURE').id;
    const fields = seizureFields({ goods: [{ description: 'Cocaine', quantity: 5, unit: 'HEADS' }], narrative: 'Courier phone +33 6 12 34 56 78' });
    const m = (await fr.client.post(`${base}/formatted`, { templateId: tpl, fields, to: { mode: 'all' }, submit: true })).body;
    const preview = (await fr.client.get(`${base}/messages/${m.id}/cen-export`)).body;
    expect(preview.errors.map((e: { field: string }) => e.field)).toEqual(['body.commodities.0.unit']);
    expect(preview.warnings.map((w: { kind: string }) => w.kind)).toEqual(['phone']);
    const refused = await fr.client.post(`${base}/messages/${m.id}/cen-export`, {});
    expect(refused.status).toBe(422);
  });
});
