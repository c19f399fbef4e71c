import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import type { TestClient } from '../platform/testing/test-app.ts';
import { signedIn, startScreeningTestApp } from './test-app.ts';

type T = Awaited<ReturnType<typeof startScreeningTestApp>>;
let t: T;
let owner: TestClient;
let other: TestClient;
let ownerOrg: string;
beforeAll(async () => {
  t = await startScreeningTestApp();
  const a = await signedIn(t, ['ncp']);
  owner = a.client;
  ownerOrg = a.org.id;
  other = (await signedIn(t, ['ncp'])).client;
});
afterAll(async () => t?.close());

const passport = { number: 'X1234567', docType: 'passport', issuingCountry: 'FR', status: 'stolen', stolenOn: '2024-03-01' };

describe('watch-list records', () => {
  it('creates, reads, lists, changes and deletes a record of its own organisation', async () => {
    const created = await owner.post('/api/v1/screening/lists/travel_documents/records', passport);
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ number: 'X1234567', orgId: ownerOrg, stolenOn: '2024-03-01' });
    const id = created.body.id;
    expect((await owner.get(`/api/v1/screening/lists/travel_documents/records/${id}`)).body.number).toBe('X1234567');
    expect((await owner.get('/api/v1/screening/lists/travel_documents/records')).body.items.map((r: { id: string }) => r.id)).toContain(id);
    const changed = await owner.patch(`/api/v1/screening/lists/travel_documents/records/${id}`, { status: 'lost' });
    expect(changed.status).toBe(200);
    expect(changed.body.status).toBe('lost');
    expect((await owner.delete(`/api/v1/screening/lists/travel_documents/records/${id}`)).status).toBe(204);
    expect((await owner.get(`/api/v1/screening/lists/travel_documents/records/${id}`)).status).toBe(404);
    const [{ n }] = await t.ctx.database.rows<{ n: number }>(sql`SELECT count(*)::int AS n FROM screening_keys WHERE record_id = ${id}`);
    expect(n).toBe(0);
  });

  it('refuses a change or a deletion by another organisation, and changes nothing', async () => {
    const { body } = await owner.post('/api/v1/screening/lists/vehicles/records', { vin: '1G4AH59H45G118341', make: 'Buick', status: 'stolen' });
    const url = `/api/v1/screening/lists/vehicles/records/${body.id}`;
    const patch = await other.patch(url, { make: 'Ford' });
    expect(patch.status).toBe(403);
    expect((await other.delete(url)).status).toBe(403);
    const after = await owner.get(url);
    expect(after.body).toMatchObject({ make: 'Buick', updatedAt: body.updatedAt });
  });

  it('refuses bad records with a problem naming the field', async () => {
    const bad = await owner.post('/api/v1/screening/lists/containers/records', { number: 'CSQU305438!', reason: 'x' });
    expect(bad.status).toBe(422);
    expect(bad.body.errors[0].field).toBe('body.number');
    const country = await owner.post('/api/v1/screening/lists/travel_documents/records', { ...passport, issuingCountry: 'QQ' });
    expect(country.status).toBe(422);
    expect(country.body.errors[0].field).toBe('body.issuingCountry');
    const missing = await owner.post('/api/v1/screening/lists/firearms/records', { make: 'Glock', firearmType: 'pistol', status: 'stolen' });
    expect(missing.status).toBe(400);
    expect(missing.body.errors[0].field).toBe('body.serialNumbers');
    expect((await owner.post('/api/v1/screening/lists/planes/records', passport)).status).toBe(400);
  });

  it('stores firearm makes and calibres under the reference table’s names', async () => {
    const res = await owner.post('/api/v1/screening/lists/firearms/records', { serialNumbers: ['ABX 1234', 'SL-55Z'], make: 's&w', model: 'M&P 9', calibre: '9mm Parabellum', firearmType: 'pistol', status: 'stolen' });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ make: 'Smith & Wesson', model: 'M&P9', calibre: '9×19mm' });
  });

  it('lets only recording roles record, and a viewer not even read', async () => {
    const partner = (await signedIn(t, ['partner'])).client;
    expect((await partner.post('/api/v1/screening/lists/travel_documents/records', passport)).status).toBe(403);
    const viewer = (await signedIn(t, ['viewer'])).client;
    expect((await viewer.post('/api/v1/screening/search', { identifier: 'X1234567' })).status).toBe(403);
  });
});

describe('firearms reference table', () => {
  it('is read by any signed-in user and edited by administrators only', async () => {
    const list = await owner.get('/api/v1/screening/firearms/reference?kind=calibre&q=parabellum');
    expect(list.status).toBe(200);
    expect(list.body.items[0].name).toBe('9×19mm');
    const entry = { kind: 'make', name: 'Test Arms Works', aliases: ['TAW'], country: 'BE' };
    expect((await owner.post('/api/v1/screening/firearms/reference', entry)).status).toBe(403);
    const admin = (await signedIn(t, ['admin'])).client;
    const created = await admin.post('/api/v1/screening/firearms/reference', entry);
    expect(created.status).toBe(201);
    expect((await admin.post('/api/v1/screening/firearms/reference', entry)).status).toBe(409);
    const changed = await admin.put(`/api/v1/screening/firearms/reference/${created.body.id}`, { ...entry, aliases: ['TAW', 'T.A.W.'] });
    expect(changed.body.aliases).toEqual(['TAW', 'T.A.W.']);
    expect((await admin.delete(`/api/v1/screening/firearms/reference/${created.body.id}`)).status).toBe(204);
  });
});
