import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { startTestApp, TestClient, type TestApp } from '../platform/testing/test-app.ts';
import { DEMO_PASSWORD } from '../demo/seed.ts';
import { DEMO_SEIZURES, seedDemoSeizures } from './demo.ts';
import { totpCode } from '../identity/testing.ts';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp({ OPENCEN_DEMO: 'true' });
});
afterAll(() => t?.close());

const signIn = async (username: string) => {
  const c = new TestClient(t.url);
  const login = await c.post('/api/v1/auth/login', { username, password: DEMO_PASSWORD });
  expect(login.status).toBe(200);
  // rilo.weu coordinates the demo operation, so it enrols a second factor first.
  if (login.body.secondFactor === 'enrol') {
    const enrol = await c.post('/api/v1/auth/totp/enrol');
    expect((await c.post('/api/v1/auth/totp/confirm', { code: totpCode(enrol.body.secret) })).status).toBe(200);
  }
  return c;
};

describe('demo seizures', () => {
  it('are reported by the demo customs administrations, once', async () => {
    const count = async () => (await t.ctx.database.rows<{ n: number }>(sql`SELECT count(*)::int AS n FROM seizures`))[0].n;
    const before = await count();
    expect(before).toBeGreaterThanOrEqual(DEMO_SEIZURES);
    const orgs = await t.ctx.database.rows<{ bad: number }>(sql`SELECT count(*)::int AS bad FROM seizures s JOIN organisations o ON o.id = s.org_id
      WHERE o.kind <> 'customs' OR o.country <> s.country`);
    expect(orgs[0].bad).toBe(0);
    // A restart seeds again: nothing is added.
    await seedDemoSeizures(t.ctx, () => undefined);
    expect(await count()).toBe(before);
  });

  it('give French customs drafts and submitted records in RILO Western Europe’s queue', async () => {
    const france = await signIn('ncp.france');
    const drafts = await france.get('/api/v1/seizures?status=draft');
    expect(drafts.body.total).toBeGreaterThan(0);
    const rilo = await signIn('rilo.weu');
    const queue = (await rilo.get('/api/v1/seizures/queue')).body.items;
    const mine = (await france.get('/api/v1/seizures?status=submitted')).body.items.map((i: { id: string }) => i.id);
    expect(mine.length).toBeGreaterThan(0);
    for (const id of mine) expect(queue.map((i: { id: string }) => i.id)).toContain(id);
    expect(Math.max(...queue.map((i: { ageHours: number }) => i.ageHours))).toBeGreaterThan(1);
    // Another administration sees neither.
    const kenya = await signIn('ncp.kenya');
    expect((await kenya.get('/api/v1/seizures?status=draft,submitted')).body.total).toBe(0);
    const history = (await france.get(`/api/v1/seizures/${mine[0]}/history`)).body.items.map((h: { action: string }) => h.action);
    expect(history).toEqual(['created', 'submitted']);
  });

  it('fill the dashboard for this year and last', async () => {
    const viewer = await signIn('viewer.belgium');
    const stats = (await viewer.get('/api/v1/seizures/stats')).body;
    expect(stats.totals.lastYearSeizures).toBeGreaterThan(100);
    expect(stats.byCategory.map((c: { category: string }) => c.category)).toEqual(expect.arrayContaining(['DRUGS', 'TOBACCO', 'IPR']));
  });
});
