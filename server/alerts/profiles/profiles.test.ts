import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../../platform/testing/test-app.ts';
import { cocaineSeizure, signIn } from '../../seizures/testing.ts';
import { sweepProfiles } from './sweep.ts';

let t: TestApp;
let ncp: Awaited<ReturnType<typeof signIn>>;
let rilo: Awaited<ReturnType<typeof signIn>>;
let de: Awaited<ReturnType<typeof signIn>>;
let ke: Awaited<ReturnType<typeof signIn>>;

beforeAll(async () => {
  t = await startTestApp();
  ncp = await signIn(t, ['ncp'], { country: 'FR' });
  rilo = await signIn(t, ['rilo_analyst'], { kind: 'rilo', shortName: 'RILO-WE', country: 'DE' });
  de = await signIn(t, ['ncp'], { country: 'DE' });
  ke = await signIn(t, ['ncp'], { country: 'KE' });
});
afterAll(() => t?.close());

/** A seizure recorded by the French NCP and validated by RILO-WE. */
async function validated(over: Record<string, unknown> = {}) {
  const made = await ncp.client.post('/api/v1/seizures', cocaineSeizure(over));
  expect(made.status, JSON.stringify(made.body)).toBe(201);
  expect((await ncp.client.post(`/api/v1/seizures/${made.body.id}/submit`)).status).toBe(200);
  const v = await rilo.client.post(`/api/v1/seizures/${made.body.id}/validate`, {});
  expect(v.status, JSON.stringify(v.body)).toBe(200);
  return made.body as { id: string; reference: string };
}

const cocaineProfile = (over: Record<string, unknown> = {}) => ({
  title: 'Cocaine from Ecuador in rip-on/rip-off loads',
  narrative: 'Loads of 50 kg or more of cocaine routed from Ecuador, hidden by rip-on/rip-off.',
  riskArea: 'drugs',
  handling: 'H2',
  indicators: { hsPrefixes: ['2939'], routeCountries: ['EC'], concealmentMethods: ['RIP_ON_RIP_OFF'], minQuantity: 50, quantityUnit: 'kg' },
  recipients: { orgIds: [de.org.id] },
  ...over,
});

describe('intelligence profiles', () => {
  it('a new validated seizure is matched against every active profile, told to the owner and recipients, with why', async () => {
    const made = await rilo.client.post('/api/v1/profiles', cocaineProfile());
    expect(made.status, JSON.stringify(made.body)).toBe(201);
    const other = await rilo.client.post('/api/v1/profiles', cocaineProfile({ title: 'Heroin', indicators: { hsPrefixes: ['2939'], routeCountries: ['AF'] } }));
    expect(other.status).toBe(201);
    const small = await rilo.client.post('/api/v1/profiles', cocaineProfile({ title: 'Big loads only', indicators: { hsPrefixes: ['2939'], minQuantity: 500, quantityUnit: 'kg' } }));
    expect(small.status).toBe(201);
    await sweepProfiles(t.ctx);

    const s = await validated();
    const swept = await sweepProfiles(t.ctx);
    expect(swept.seizures).toBeGreaterThanOrEqual(1);
    const matches = await rilo.client.get(`/api/v1/profiles/${made.body.id}/matches`);
    expect(matches.body.matches).toEqual([expect.objectContaining({ seizureId: s.id, reference: s.reference, reasons: ['HS 2939', 'route EC', 'concealment RIP_ON_RIP_OFF', 'quantity ≥ 50 kg'] })]);
    expect((await rilo.client.get(`/api/v1/profiles/${other.body.id}/matches`)).body.matches).toEqual([]);
    expect((await rilo.client.get(`/api/v1/profiles/${small.body.id}/matches`)).body.matches).toEqual([]);
    // A second sweep stores and tells nothing new.
    expect((await sweepProfiles(t.ctx)).matches).toBe(0);

    // The owner and the recipient administration were told (mail queued for those who ask: none here), and see it.
    const recipientView = await de.client.get(`/api/v1/profiles/${made.body.id}`);
    expect(recipientView.status, JSON.stringify(recipientView.body)).toBe(200);
    expect(recipientView.body.matches).toBe(1);
    expect(recipientView.body.canEdit).toBe(false);
    expect((await ke.client.get(`/api/v1/profiles/${made.body.id}`)).status).toBe(404);
    expect((await ke.client.get(`/api/v1/profiles/${made.body.id}/matches`)).status).toBe(404);
    expect((await de.client.put(`/api/v1/profiles/${made.body.id}`, cocaineProfile())).status).toBe(403);
  });

  it('a changed validated seizure is matched again, and a profile that now fits is told', async () => {
    const p = await rilo.client.post('/api/v1/profiles', cocaineProfile({ title: 'Panama transit', indicators: { routeCountries: ['PA'], transportModes: ['sea'] } }));
    expect(p.status).toBe(201);
    const s = await validated({ route: [{ role: 'departure', country: 'EC' }, { role: 'destination', country: 'FR' }] });
    await sweepProfiles(t.ctx);
    expect((await rilo.client.get(`/api/v1/profiles/${p.body.id}/matches`)).body.matches).toEqual([]);
    // The RILO corrects the validated record: the route went through Panama.
    await t.ctx.database.db.execute(sql`UPDATE seizures SET route_countries = '{EC,PA,FR}', updated_at = now() WHERE id = ${s.id}`);
    await sweepProfiles(t.ctx);
    const m = await rilo.client.get(`/api/v1/profiles/${p.body.id}/matches`);
    expect(m.body.matches.map((x: { seizureId: string }) => x.seizureId)).toEqual([s.id]);
    expect(m.body.matches[0].reasons).toEqual(['route PA', 'transport sea']);
  });

  it('back-tests indicators over the past, with the count, the share and the seizures', async () => {
    const a = await validated({ seizedAt: '2025-04-01T10:00:00Z' });
    await validated({ seizedAt: '2025-06-01T10:00:00Z', concealmentMethods: ['VEHICLE_BUILT_COMPARTMENT'] });
    const res = await rilo.client.post('/api/v1/profiles/backtest', { indicators: { concealmentMethods: ['RIP_ON_RIP_OFF'], routeCountries: ['EC'] }, from: '2025-01-01', to: '2025-12-31' });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body.total).toBe(1);
    expect(res.body.share).toBeCloseTo(0.5);
    expect(res.body.seizures.map((x: { seizureId: string }) => x.seizureId)).toEqual([a.id]);
    expect(res.body.seizures[0].reasons).toEqual(['route EC', 'concealment RIP_ON_RIP_OFF']);
    // Every kind of indicator narrows the same way in the back-test as in the standing query.
    const bySea = await rilo.client.post('/api/v1/profiles/backtest', { indicators: { transportModes: ['sea'], hsPrefixes: ['2939'] }, from: '2025-01-01', to: '2025-12-31' });
    expect(bySea.body.total).toBe(2);
    expect(bySea.body.seizures[0].reasons).toEqual(['HS 2939', 'transport sea']);
    const byAir = await rilo.client.post('/api/v1/profiles/backtest', { indicators: { transportModes: ['air'] }, from: '2025-01-01', to: '2025-12-31' });
    expect(byAir.body.total).toBe(0);
  });

  it('refuses a profile with no indicator, unknown codes or one matching most of CEN; nothing is stored', async () => {
    const before = (await rilo.client.get('/api/v1/profiles')).body.profiles.length;
    const none = await rilo.client.post('/api/v1/profiles', cocaineProfile({ indicators: { periodFrom: '2026-01-01' } }));
    expect(none.status).toBe(422);
    expect(none.body.errors[0].field).toBe('indicators');
    const unknown = await rilo.client.post('/api/v1/profiles', cocaineProfile({ indicators: { hsPrefixes: ['9999'], countries: ['QQ'], places: ['ZZZZZ'], minQuantity: 5 } }));
    expect(unknown.status).toBe(422);
    expect(unknown.body.errors.map((e: { field: string }) => e.field).sort()).toEqual(['indicators.countries', 'indicators.hsPrefixes', 'indicators.places', 'indicators.quantityUnit']);
    const h3Region = await rilo.client.post('/api/v1/profiles', cocaineProfile({ handling: 'H3', recipients: { regions: ['EUR'] } }));
    expect(h3Region.status).toBe(422);
    // Enough seizures that "everything" means something: 100 more, all validated (direct status change, to be quick).
    for (let i = 0; i < 100; i++) {
      const made = await ncp.client.post('/api/v1/seizures', cocaineSeizure({ seizedAt: `2024-0${1 + (i % 9)}-1${i % 9}T10:00:00Z` }));
      await t.ctx.database.db.execute(sql`UPDATE seizures SET status = 'validated' WHERE id = ${made.body.id}`);
    }
    const broad = await rilo.client.post('/api/v1/profiles', cocaineProfile({ indicators: { transportModes: ['sea'] } }));
    expect(broad.status).toBe(422);
    expect(broad.body.detail).toMatch(/would match \d+% of all validated seizures/);
    expect((await rilo.client.get('/api/v1/profiles')).body.profiles.length).toBe(before);
  });
});
