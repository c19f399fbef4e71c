import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../platform/testing/test-app.ts';
import { cocaineSeizure, signIn } from './test-helpers.ts';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
  await t.gazetteer;
});
afterAll(() => t?.close());

describe('recording, submitting and validating a seizure', () => {
  it('goes draft → submitted → returned → submitted → validated, visible to all only once validated', async () => {
    const fr = await signIn(t, ['ncp'], { country: 'FR' });
    const rilo = await signIn(t, ['rilo_analyst'], { kind: 'rilo', shortName: 'RILO-WE', country: 'DE' });
    const ke = await signIn(t, ['ncp'], { country: 'KE' });
    const esa = await signIn(t, ['rilo_analyst'], { kind: 'rilo', shortName: 'RILO-ESA', country: 'KE' });

    const created = await fr.client.post('/api/v1/seizures', cocaineSeizure());
    expect(created.status).toBe(201);
    const s = created.body;
    expect(s).toMatchObject({ status: 'draft', provenance: 'entered', country: 'FR', region: 'EUR', rilo: 'RILO-WE', version: 1 });
    expect(s.reference).toMatch(/^FR-2026-\d{7}$/);
    expect(s.commodities[0]).toMatchObject({ category: 'DRUGS', subcategory: 'DRUGS.COCAINE', quantity: 120, unit: 'kg' });
    expect(s.route.map((l: { country: string }) => l.country)).toEqual(['EC', 'PA', 'FR']);

    // A draft is its administration's alone.
    expect((await ke.client.get(`/api/v1/seizures/${s.id}`)).status).toBe(404);
    expect((await rilo.client.get(`/api/v1/seizures/${s.id}`)).status).toBe(404);
    expect((await ke.client.get('/api/v1/seizures')).body.items.map((i: { id: string }) => i.id)).not.toContain(s.id);

    expect((await fr.client.post(`/api/v1/seizures/${s.id}/submit`)).body.status).toBe('submitted');
    const queue = await rilo.client.get('/api/v1/seizures/queue');
    expect(queue.body.items.map((i: { id: string }) => i.id)).toContain(s.id);
    expect(queue.body.items[0].ageHours).toBeGreaterThanOrEqual(0);
    // Another region's RILO neither sees nor validates it.
    expect((await esa.client.get('/api/v1/seizures/queue')).body.items).toEqual([]);
    expect((await esa.client.post(`/api/v1/seizures/${s.id}/validate`, {})).status).toBe(404);
    // The NCP cannot change it while the RILO has it.
    expect((await fr.client.put(`/api/v1/seizures/${s.id}`, cocaineSeizure({ narrative: 'x' }))).status).toBe(409);

    const noComment = await rilo.client.post(`/api/v1/seizures/${s.id}/return`, {});
    expect(noComment.status).toBe(400);
    const returned = await rilo.client.post(`/api/v1/seizures/${s.id}/return`, { comment: 'Quantity in kg or g? Please check.' });
    expect(returned.body).toMatchObject({ status: 'returned', returnComment: 'Quantity in kg or g? Please check.' });

    const fixed = await fr.client.put(`/api/v1/seizures/${s.id}`, { ...cocaineSeizure({ commodities: [{ category: 'DRUGS', subcategory: 'COCAINE', quantity: 118.5, unit: 'kg' }] }), version: returned.body.version });
    expect(fixed.status).toBe(200);
    expect(fixed.body.commodities[0].quantity).toBe(118.5);
    // A stale version is refused and changes nothing.
    const stale = await fr.client.put(`/api/v1/seizures/${s.id}`, { ...cocaineSeizure(), version: 1 });
    expect(stale.status).toBe(409);
    expect((await fr.client.get(`/api/v1/seizures/${s.id}`)).body.commodities[0].quantity).toBe(118.5);

    await fr.client.post(`/api/v1/seizures/${s.id}/submit`);
    const validated = await rilo.client.post(`/api/v1/seizures/${s.id}/validate`, {});
    expect(validated.body.status).toBe('validated');
    expect((await ke.client.get(`/api/v1/seizures/${s.id}`)).body.reference).toBe(s.reference);
    // Only the reporting administration changes it.
    expect((await ke.client.put(`/api/v1/seizures/${s.id}`, cocaineSeizure())).status).toBe(403);

    const history = (await fr.client.get(`/api/v1/seizures/${s.id}/history`)).body.items;
    expect(history.map((h: { action: string }) => h.action)).toEqual(['created', 'submitted', 'returned', 'updated', 'submitted', 'validated']);
    expect(history[3].changes.commodities.from[0].quantity).toBe(120);
    expect(history[3].changes.commodities.to[0].quantity).toBe(118.5);
    expect(history[2].comment).toBe('Quantity in kg or g? Please check.');

    // The NCP was told, in app and (profile permitting) by mail; the RILO of the return and validation.
    const audit = await t.ctx.database.rows<{ action: string }>(
      (await import('drizzle-orm')).sql`SELECT action FROM audit_log WHERE target_id = ${s.id} ORDER BY id`,
    );
    expect(audit.map((a) => a.action)).toEqual(['seizure.create', 'seizure.submit', 'seizure.return', 'seizure.update', 'seizure.submit', 'seizure.validate']);
  });

  it('mails the NCP on a return only when the profile asks for mail alerts', async () => {
    const { sql } = await import('drizzle-orm');
    const fr = await signIn(t, ['ncp'], { country: 'BE' });
    const rilo = await signIn(t, ['rilo_analyst'], { kind: 'wco', shortName: 'WCO-SEC', country: 'BE' });
    const mails = async () => (await t.ctx.database.rows<{ n: number }>(sql`SELECT count(*)::int AS n FROM jobs WHERE kind = 'mail.send' AND payload->>'to' = ${fr.user.email}`))[0].n;
    const make = async () => {
      const s = (await fr.client.post('/api/v1/seizures', cocaineSeizure({ country: 'BE', placeLocode: 'BEANR', route: [] }))).body;
      await fr.client.post(`/api/v1/seizures/${s.id}/submit`);
      expect((await rilo.client.post(`/api/v1/seizures/${s.id}/return`, { comment: 'Add the route' })).status).toBe(200);
    };
    await make();
    expect(await mails()).toBe(0);
    await t.ctx.database.rows(sql`UPDATE users SET profile = profile || '{"mailAlerts": true}'::jsonb WHERE id = ${fr.user.id}`);
    await make();
    expect(await mails()).toBe(1);
  });
});

describe('bad input', () => {
  it('names each bad field and stores nothing', async () => {
    const fr = await signIn(t, ['ncp'], { country: 'FR' });
    const before = (await fr.client.get('/api/v1/seizures')).body.total;
    const bad = await fr.client.post(
      '/api/v1/seizures',
      cocaineSeizure({
        country: 'XX',
        placeLocode: 'FRZZZ',
        seizedAt: '2099-01-01T00:00:00Z',
        commodities: [
          { category: 'DRUGS', subcategory: 'COCAINE', hsCode: '999999', quantity: 5, unit: 'heads' },
          { category: 'TOBACCO', quantity: 1, unit: 'kg', value: 10, currency: 'XYZ' },
        ],
      }),
    );
    expect(bad.status).toBe(422);
    const fields = bad.body.errors.map((e: { field: string }) => e.field);
    expect(fields).toEqual(
      expect.arrayContaining(['body.country', 'body.placeLocode', 'body.seizedAt', 'body.commodities.0.hsCode', 'body.commodities.0.unit', 'body.commodities.1.currency']),
    );
    expect(bad.body.errors.find((e: { field: string }) => e.field === 'body.commodities.0.unit').message).toMatch(/does not fit DRUGS.COCAINE/);

    const negative = await fr.client.post('/api/v1/seizures', cocaineSeizure({ commodities: [{ category: 'DRUGS', quantity: -3, unit: 'kg' }] }));
    expect(negative.status).toBe(400);
    expect(negative.body.errors[0].field).toMatch(/commodities\.0\.quantity/);
    const absurd = await fr.client.post('/api/v1/seizures', cocaineSeizure({ commodities: [{ category: 'DRUGS', quantity: 5e8, unit: 'kg' }] }));
    expect(absurd.status).toBe(422);

    expect((await fr.client.get('/api/v1/seizures')).body.total).toBe(before);
  });

  it('flags free text that looks like personal data until the user confirms', async () => {
    const fr = await signIn(t, ['ncp'], { country: 'FR' });
    const body = cocaineSeizure({ narrative: 'Courier reachable at courier@example.org, passport AB1234567' });
    const check = await fr.client.post('/api/v1/seizures/check', body);
    expect(check.body.warnings.map((w: { kind: string }) => w.kind).sort()).toEqual(['document_number', 'email']);
    const refused = await fr.client.post('/api/v1/seizures', body);
    expect(refused.status).toBe(422);
    expect(refused.body.type).toBe('urn:opencen:problem:nominal-text');
    expect(refused.body.errors[0].field).toBe('body.narrative');
    const accepted = await fr.client.post('/api/v1/seizures', { ...body, acceptNominalWarnings: true });
    expect(accepted.status).toBe(201);
    expect(accepted.body.warnings).toHaveLength(2);
  });

  it('reads back an offender count recorded without a nationality', async () => {
    const fr = await signIn(t, ['ncp'], { country: 'FR' });
    const created = await fr.client.post('/api/v1/seizures', cocaineSeizure({ offenders: [{ gender: 'female', ageBand: 'unknown', count: 1 }] }));
    expect(created.status).toBe(201);
    const read = await fr.client.get(`/api/v1/seizures/${created.body.id}`);
    expect(read.status).toBe(200);
    expect(read.body.offenders).toEqual([{ nationality: null, gender: 'female', ageBand: 'unknown', count: 1 }]);
  });

  it('refuses a viewer who tries to record, and a second seizure with the same external reference', async () => {
    const viewer = await signIn(t, ['viewer']);
    expect((await viewer.client.post('/api/v1/seizures', cocaineSeizure())).status).toBe(403);
    const fr = await signIn(t, ['ncp'], { country: 'FR' });
    expect((await fr.client.post('/api/v1/seizures', cocaineSeizure({ externalRef: 'LH-2026-17' }))).status).toBe(201);
    const dup = await fr.client.post('/api/v1/seizures', cocaineSeizure({ externalRef: 'LH-2026-17' }));
    expect(dup.status).toBe(409);
    expect(dup.body.errors[0].field).toBe('body.externalRef');
  });
});
