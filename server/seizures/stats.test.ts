import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../platform/testing/test-app.ts';
import type { PreparedSeizure } from './check.ts';
import { generateSeizures, type Status } from './generate.ts';
import { signIn } from './test-helpers.ts';

/**
 * The aggregates through HTTP over a generated dataset, against figures computed here from the
 * inserted records with the visibility rule: validated records for all, drafts and submitted ones
 * for their administration, submitted ones also for the RILO of their country.
 */
let t: TestApp;
type Row = { id: string; orgId: string; status: Status; prepared: PreparedSeizure };
let rows: Row[];
let fr: Awaited<ReturnType<typeof signIn>>;
let be: Awaited<ReturnType<typeof signIn>>;
let rilo: Awaited<ReturnType<typeof signIn>>;
const YEAR = new Date().getUTCFullYear();

beforeAll(async () => {
  t = await startTestApp();
  await t.gazetteer;
  fr = await signIn(t, ['ncp'], { country: 'FR' });
  be = await signIn(t, ['viewer'], { country: 'BE' });
  rilo = await signIn(t, ['rilo_analyst'], { kind: 'rilo', shortName: 'RILO-WE', country: 'DE' });
  const nl = await signIn(t, ['ncp'], { country: 'NL' });
  const us = await signIn(t, ['ncp'], { country: 'US' });
  const ke = await signIn(t, ['ncp'], { country: 'KE' });
  const orgs = new Map([['FR', fr.org.id], ['NL', nl.org.id], ['US', us.org.id], ['KE', ke.org.id]]);
  // Two years' worth: ten years would leave few in the compared years.
  const res = await generateSeizures(t.ctx.database, {
    count: 700,
    orgIdsByCountry: orgs,
    seed: 42,
    years: 2.5,
    statuses: [['validated', 70], ['submitted', 15], ['draft', 15]],
    keepInputs: true,
    batch: 250,
  });
  rows = res.rows!;
});
afterAll(() => t?.close());

const visibleTo = (who: 'fr' | 'be' | 'rilo') => (r: Row) =>
  r.status === 'validated' || (who === 'fr' && r.orgId === fr.org.id) || (who === 'rilo' && r.status === 'submitted' && r.prepared.rilo === 'RILO-WE');
const yearOf = (r: Row) => new Date(r.prepared.seizedAt).getUTCFullYear();
const kg = (unit: string, q: number) => (unit === 'g' ? { unit: 'kg', q: q / 1000 } : { unit, q });
const countBy = (xs: Row[], key: (r: Row) => (string | null)[]) => {
  const m = new Map<string, number>();
  for (const r of xs) for (const k of new Set(key(r))) if (k != null) m.set(k, (m.get(k) ?? 0) + 1);
  return m;
};
const sumQ = (xs: Row[], category?: string) => {
  const m = new Map<string, number>();
  for (const r of xs) for (const l of r.prepared.commodities) if (!category || l.category === category) {
    const { unit, q } = kg(l.unit, l.quantity);
    m.set(unit, (m.get(unit) ?? 0) + q);
  }
  return m;
};
const expectQuantities = (got: { unit: string; quantity: number }[], want: Map<string, number>) => {
  expect(got.map((g) => g.unit).sort()).toEqual([...want.keys()].sort());
  for (const g of got) expect(Math.abs(g.quantity - want.get(g.unit)!)).toBeLessThan(0.002 + 1e-9 * want.get(g.unit)!);
};
/** A top-N list: each figure right, and nothing left out that outnumbers what is in. */
const expectTop = (got: { seizures: number }[], keyOf: (g: never) => string, want: Map<string, number>, n = 10) => {
  expect(got.length).toBe(Math.min(n, want.size));
  for (const g of got) expect(g.seizures).toBe(want.get(keyOf(g as never)));
  const least = Math.min(...got.map((g) => g.seizures));
  const shown = new Set(got.map((g) => keyOf(g as never)));
  for (const [k, v] of want) if (!shown.has(k)) expect(v).toBeLessThanOrEqual(least);
};

describe('GET /api/v1/seizures/stats', () => {
  it('compares this year with last per category, counting only what the caller may see', async () => {
    for (const [who, client] of [['be', be], ['fr', fr], ['rilo', rilo]] as const) {
      const res = await client.client.get(`/api/v1/seizures/stats?year=${YEAR}`);
      expect(res.status).toBe(200);
      const mine = rows.filter(visibleTo(who));
      const cur = mine.filter((r) => yearOf(r) === YEAR);
      const last = mine.filter((r) => yearOf(r) === YEAR - 1);
      expect(res.body.year).toBe(YEAR);
      expect(res.body.totals).toEqual({ seizures: cur.length, lastYearSeizures: last.length });
      const cats = countBy(cur, (r) => r.prepared.categories);
      const lastCats = countBy(last, (r) => r.prepared.categories);
      expect(res.body.byCategory.map((c: { category: string }) => c.category).sort()).toEqual([...new Set([...cats.keys(), ...lastCats.keys()])].sort());
      for (const c of res.body.byCategory) {
        expect(c.seizures).toBe(cats.get(c.category) ?? 0);
        expect(c.lastYearSeizures).toBe(lastCats.get(c.category) ?? 0);
        expectQuantities(c.quantities, sumQ(cur, c.category));
        expectQuantities(c.lastYearQuantities, sumQ(last, c.category));
        expect(c.quantities.some((q: { unit: string }) => q.unit === 'g')).toBe(false);
      }
      expect(new Map(res.body.byCountry.map((c: { code: string; seizures: number }) => [c.code, c.seizures]))).toEqual(countBy(cur, (r) => [r.prepared.country]));
      expect(new Map(res.body.byRegion.map((c: { code: string; seizures: number }) => [c.code, c.seizures]))).toEqual(countBy(cur, (r) => [r.prepared.region]));
      expectTop(res.body.topConcealment, (g: { code: string }) => g.code, countBy(cur, (r) => r.prepared.concealmentMethods));
      expectTop(res.body.topDetection, (g: { code: string }) => g.code, countBy(cur, (r) => r.prepared.detectionMethods));
      const routes = countBy(
        cur.filter((r) => r.prepared.departureCountry && r.prepared.destinationCountry),
        (r) => [`${r.prepared.departureCountry}>${r.prepared.destinationCountry}`],
      );
      expectTop(res.body.topRoutes, (g: { departure: string; destination: string }) => `${g.departure}>${g.destination}`, routes);
    }
  });

  it('does not count another administration’s drafts and submitted records', async () => {
    const frNotValidated = rows.filter((r) => r.orgId === fr.org.id && r.status !== 'validated' && yearOf(r) === YEAR).length;
    expect(frNotValidated).toBeGreaterThan(0);
    const seenByFr = (await fr.client.get(`/api/v1/seizures/stats?year=${YEAR}`)).body.totals.seizures;
    const seenByBe = (await be.client.get(`/api/v1/seizures/stats?year=${YEAR}`)).body.totals.seizures;
    expect(seenByFr - seenByBe).toBe(frNotValidated);
  });

  it('gives monthly series per category for both years, kilograms with grams converted', async () => {
    const res = await be.client.get(`/api/v1/seizures/stats?year=${YEAR}`);
    const mine = rows.filter(visibleTo('be'));
    const month = (r: Row) => r.prepared.seizedAt.slice(0, 7);
    const months = new Set(res.body.monthly.map((m: { month: string }) => m.month));
    expect(months.has(`${YEAR - 1}-01`)).toBe(true);
    expect(months.has(`${YEAR - 1}-12`)).toBe(true);
    expect(months.has(`${YEAR}-${String(new Date().getUTCMonth() + 1).padStart(2, '0')}`)).toBe(true);
    for (const m of res.body.monthly) {
      const inMonth = mine.filter((r) => month(r) === m.month);
      expect(m.seizures).toBe(inMonth.filter((r) => r.prepared.categories.includes(m.category)).length);
      expect(Math.abs(m.kilograms - (sumQ(inMonth, m.category).get('kg') ?? 0))).toBeLessThan(0.002);
    }
  });

  it('applies the search filters', async () => {
    const res = await be.client.get(`/api/v1/seizures/stats?year=${YEAR}&category=DRUGS&transport=sea,air`);
    expect(res.status).toBe(200);
    const cur = rows.filter(visibleTo('be')).filter((r) => yearOf(r) === YEAR && r.prepared.categories.includes('DRUGS') && ['sea', 'air'].includes(r.prepared.transportMode!));
    expect(res.body.totals.seizures).toBe(cur.length);
    expect(res.body.byCategory.map((c: { category: string }) => c.category)).toEqual(['DRUGS']);
    expectQuantities(res.body.byCategory[0].quantities, sumQ(cur, 'DRUGS'));
    // Filters the lines carry themselves (country, category, dates), as French customs sees it: its own drafts counted, others' not.
    const from = `${YEAR - 1}-03-01`;
    const own = await fr.client.get(`/api/v1/seizures/stats?year=${YEAR}&category=DRUGS,TOBACCO&country=FR,NL,US&from=${from}`);
    const ownRows = rows
      .filter(visibleTo('fr'))
      .filter((r) => r.prepared.categories.some((c) => c === 'DRUGS' || c === 'TOBACCO') && ['FR', 'NL', 'US'].includes(r.prepared.country) && r.prepared.seizedAt >= from);
    for (const [cur, y] of [[true, YEAR], [false, YEAR - 1]] as const) {
      const inYear = ownRows.filter((r) => yearOf(r) === y);
      for (const category of ['DRUGS', 'TOBACCO']) {
        const got = own.body.byCategory.find((c: { category: string }) => c.category === category);
        expectQuantities(got ? (cur ? got.quantities : got.lastYearQuantities) : [], sumQ(inYear, category));
      }
    }
    expect(own.body.byCategory.map((c: { category: string }) => c.category).sort()).toEqual(['DRUGS', 'TOBACCO']);
    const bad = await be.client.get('/api/v1/seizures/stats?year=1800&country=France');
    expect(bad.status).toBe(400);
    expect(bad.body.errors.map((e: { field: string }) => e.field).sort()).toEqual(expect.arrayContaining(['querystring.year']));
  });

  it('needs a signed-in user', async () => {
    const anonymous = await fetch(`${t.url}/api/v1/seizures/stats`);
    expect(anonymous.status).toBe(401);
  });
});

describe('GET /api/v1/seizures/map', () => {
  it('counts seizures per country with centroids, and flows from departure to destination', async () => {
    const res = await be.client.get('/api/v1/seizures/map');
    expect(res.status).toBe(200);
    const mine = rows.filter(visibleTo('be'));
    expect(new Map(res.body.countries.map((c: { country: string; seizures: number }) => [c.country, c.seizures]))).toEqual(countBy(mine, (r) => [r.prepared.country]));
    const france = res.body.countries.find((c: { country: string }) => c.country === 'FR');
    expect(france.lat).toBeGreaterThan(41);
    expect(france.lat).toBeLessThan(52);
    expect(france.lng).toBeGreaterThan(-5);
    expect(france.lng).toBeLessThan(10);
    const flows = countBy(
      mine.filter((r) => r.prepared.departureCountry && r.prepared.destinationCountry && r.prepared.departureCountry !== r.prepared.destinationCountry),
      (r) => [`${r.prepared.departureCountry}>${r.prepared.destinationCountry}`],
    );
    expect(res.body.flows.length).toBe(Math.min(300, flows.size));
    for (const f of res.body.flows) {
      expect(f.seizures).toBe(flows.get(`${f.departure}>${f.destination}`));
      expect(f.from).toHaveLength(2);
      expect(f.to).toHaveLength(2);
    }
    const filtered = await be.client.get('/api/v1/seizures/map?destination=FR');
    expect(filtered.body.flows.every((f: { destination: string }) => f.destination === 'FR')).toBe(true);
  });
});

describe('GET /api/v1/seizures/report', () => {
  it('reports one year and one category', async () => {
    const year = YEAR - 1;
    const category = 'DRUGS';
    const res = await rilo.client.get(`/api/v1/seizures/report?year=${year}&category=drugs`);
    expect(res.status).toBe(200);
    const mine = rows.filter(visibleTo('rilo')).filter((r) => r.prepared.categories.includes(category));
    const cur = mine.filter((r) => yearOf(r) === year);
    const last = mine.filter((r) => yearOf(r) === year - 1);
    expect(res.body).toMatchObject({ year, category, seizures: cur.length, lastYearSeizures: last.length, countriesReporting: new Set(cur.map((r) => r.prepared.country)).size });
    expectQuantities(res.body.quantities, sumQ(cur, category));
    expectQuantities(res.body.lastYearQuantities, sumQ(last, category));
    const subs = countBy(cur, (r) => r.prepared.commodities.filter((l) => l.category === category).map((l) => l.subcategory ?? null));
    expect(new Map(res.body.bySubcategory.map((s: { subcategory: string; seizures: number }) => [s.subcategory, s.seizures]))).toEqual(subs);
    expect(res.body.monthly).toHaveLength(12);
    expect(res.body.monthly.reduce((a: number, m: { seizures: number }) => a + m.seizures, 0)).toBe(cur.length);
    expect(new Map(res.body.byRegion.map((c: { code: string; seizures: number }) => [c.code, c.seizures]))).toEqual(countBy(cur, (r) => [r.prepared.region]));
    expectTop(res.body.topCountries, (g: { code: string }) => g.code, countBy(cur, (r) => [r.prepared.country]));
    expect(new Map(res.body.byTransport.map((c: { code: string; seizures: number }) => [c.code, c.seizures]))).toEqual(countBy(cur, (r) => [r.prepared.transportMode ?? null]));
    // The largest seizures, in the category's most used unit, largest first.
    expect(res.body.largest.length).toBeGreaterThan(0);
    const qs = res.body.largest.map((l: { quantity: number }) => l.quantity);
    expect(qs).toEqual([...qs].sort((a, b) => b - a));
    const ids = new Set(cur.map((r) => r.id));
    for (const l of res.body.largest) expect(ids.has(l.id)).toBe(true);
  });
});
