import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, TestClient, type TestApp } from '../platform/testing/test-app.ts';
import { DEMO_PASSWORD } from '../demo/seed.ts';
import { sweepProfiles } from './profiles/sweep.ts';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp({ OPENCEN_DEMO: 'true' });
});
afterAll(() => t?.close());

const signIn = async (username: string) => {
  const c = new TestClient(t.url);
  expect((await c.post('/api/v1/auth/login', { username, password: DEMO_PASSWORD })).status).toBe(200);
  return c;
};
const titles = (res: { body: { alerts: { title: string }[] } }) => res.body.alerts.map((a) => a.title);

describe('demo alerts', () => {
  it('hold a dozen alerts at every step, in the right boxes', async () => {
    const [{ n }] = await t.ctx.database.rows<{ n: number }>(sql`SELECT count(*)::int AS n FROM alerts`);
    expect(n).toBe(12);
    const kenya = await signIn('ncp.kenya');
    const inbox = await kenya.get('/api/v1/alerts?box=inbox');
    // Global (I2C) and ESA-region alerts reach Kenya; Western Europe's regional ones do not.
    expect(titles(inbox)).toEqual(expect.arrayContaining([expect.stringContaining('Precursor chemicals'), expect.stringContaining('Ivory and rhino horn')]));
    expect(titles(inbox).some((x) => x.includes('furniture'))).toBe(false);
    const france = await signIn('ncp.france');
    expect(titles(await france.get('/api/v1/alerts?box=mine'))).toEqual([expect.stringContaining('Cash couriers')]);
    expect(titles(await france.get('/api/v1/alerts?box=inbox'))).toEqual(expect.arrayContaining([expect.stringContaining('furniture'), expect.stringContaining('Undervalued textiles')]));
    const brazil = await signIn('ncp.brazil');
    expect(titles(await brazil.get('/api/v1/alerts?box=inbox&acknowledged=yes'))).toEqual([expect.stringContaining('Precursor chemicals')]);
  });

  it('hold a quarterly bulletin of RILO Western Europe published to its region, with figures', async () => {
    const france = await signIn('ncp.france');
    const list = await france.get('/api/v1/bulletins');
    expect(list.body.bulletins).toHaveLength(1);
    const b = await france.get(`/api/v1/bulletins/${list.body.bulletins[0].id}`);
    expect(b.body.status).toBe('published');
    expect(b.body.figures.seizures).toBeGreaterThan(0);
    expect((await (await signIn('ncp.kenya')).get('/api/v1/bulletins')).body.bulletins).toEqual([]);
  });

  it('hold three profiles that match demo seizures once swept', async () => {
    await sweepProfiles(t.ctx);
    const rows = await t.ctx.database.rows<{ title: string; n: number }>(sql`SELECT p.title, count(m.seizure_id)::int AS n FROM intel_profiles p
      LEFT JOIN profile_matches m ON m.profile_id = p.id GROUP BY p.title ORDER BY p.title`);
    expect(rows.map((r) => r.title)).toHaveLength(3);
    expect(rows.find((r) => r.title.startsWith('Cocaine'))!.n).toBeGreaterThan(0);
    // The back-test finds demo seizures by transport mode too (the demo profile names one).
    const france = await signIn('ncp.france');
    const sea = await france.post('/api/v1/profiles/backtest', { indicators: { transportModes: ['sea'] }, from: '2000-01-01' });
    expect(sea.status, JSON.stringify(sea.body)).toBe(200);
    expect(sea.body.total).toBeGreaterThan(0);
  });
});
