import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { createTestDatabase, type TestDatabase } from '../platform/testing/test-database.ts';
import { createAuditLog, createOrganisation } from '../identity/index.ts';
import { referenceSets, type ReferenceSets } from '../reference/index.ts';
import { checkSeizure } from './check.ts';
import { CHANNELS } from './generate-data.ts';
import { derive, generateSeizures, seizureGenerator, type GeneratedSeizure } from './generate.ts';

let t: TestDatabase;
let ref: ReferenceSets;
const NOW = Date.UTC(2026, 4, 15, 12, 0, 0);

beforeAll(async () => {
  t = await createTestDatabase();
  ref = await referenceSets(t.database);
});
afterAll(() => t?.cleanup());

const sample = (n: number, seed = 7, countries?: string[]) => {
  const g = seizureGenerator(ref, { seed, now: NOW, countries });
  return Array.from({ length: n }, () => g.next());
};
const subOf = (s: GeneratedSeizure) => s.input.commodities[0].subcategory!;
const departure = (s: GeneratedSeizure) => s.input.route.find((l) => l.role === 'departure')?.country;

describe('synthetic seizure generator', () => {
  it('is deterministic for a seed and a clock, and differs with the seed', () => {
    expect(JSON.stringify(sample(300, 11))).toBe(JSON.stringify(sample(300, 11)));
    expect(JSON.stringify(sample(50, 12))).not.toBe(JSON.stringify(sample(50, 11)));
  });

  it('makes records that pass every check: units that fit the commodity, known codes, dates not in the future', () => {
    const rows = sample(5_000);
    for (const s of rows) {
      const { errors } = checkSeizure(s.input, ref, '', NOW);
      expect(errors, JSON.stringify(s.input)).toEqual([]);
      expect(Date.parse(s.input.seizedAt)).toBeLessThanOrEqual(NOW);
      for (const l of s.input.commodities) expect(ref.subcategories.get(l.subcategory!)).toContain(l.unit);
    }
  });

  it('derives the stored columns as checkSeizure does (the bulk load checks only a sample)', () => {
    for (const s of sample(2_000, 9)) expect(derive(s.input, ref)).toEqual(checkSeizure(s.input, ref, '', NOW).prepared);
  });

  it('has about two commodity lines and two to three route legs a seizure, mostly validated', () => {
    const rows = sample(5_000);
    const avg = (f: (s: GeneratedSeizure) => number) => rows.reduce((a, s) => a + f(s), 0) / rows.length;
    expect(avg((s) => s.input.commodities.length)).toBeGreaterThan(1.7);
    expect(avg((s) => s.input.commodities.length)).toBeLessThan(2.4);
    expect(avg((s) => s.input.route.length)).toBeGreaterThan(2);
    expect(avg((s) => s.input.route.length)).toBeLessThan(3.2);
    expect(rows.filter((s) => s.status === 'validated').length / rows.length).toBeGreaterThan(0.93);
  });

  it('follows the trafficking routes of each commodity', () => {
    const rows = sample(8_000);
    const of = (sub: string) => rows.filter((s) => subOf(s) === sub && departure(s));
    const cocaine = of('DRUGS.COCAINE');
    expect(cocaine.length).toBeGreaterThan(300);
    for (const s of cocaine) expect(['CO', 'EC', 'PE', 'BO', 'BR', 'VE', 'PY', 'AR']).toContain(departure(s));
    const share = (xs: GeneratedSeizure[], pred: (s: GeneratedSeizure) => boolean) => xs.filter(pred).length / xs.length;
    // Most cocaine is seized in Europe or North America.
    expect(share(cocaine, (s) => ['ES', 'NL', 'BE', 'FR', 'IT', 'DE', 'GB', 'PT', 'US'].includes(s.country))).toBeGreaterThan(0.5);
    for (const s of of('DRUGS.CAPTAGON')) expect(['SY', 'LB']).toContain(departure(s));
    for (const s of of('DRUGS.TRAMADOL')) expect(['IN', 'PK', 'CN']).toContain(departure(s));
    for (const s of of('ENVIRONMENT.IVORY')) expect(['NG', 'CM', 'KE', 'TZ', 'MZ', 'CD', 'UG', 'ZA', 'MG', 'CG', 'GA', 'AO', 'MX']).toContain(departure(s));
    const weapons = rows.filter((s) => s.input.commodities[0].category === 'WEAPONS' && departure(s));
    expect(share(weapons, (s) => departure(s) === 'US')).toBeGreaterThan(0.6);
    // The route ends where the goods were bound, and an import is seized at its destination.
    for (const s of rows.filter((x) => x.input.direction === 'import')) expect(s.input.route.at(-1)!.country).toBe(s.country);
  });

  it('matches detection, concealment and place to the means of transport', () => {
    for (const s of sample(3_000)) {
      const i = s.input;
      const channel = Object.values(CHANNELS).find((c) => c.locationType === i.locationType && c.mode === i.transportMode && c.conveyance.includes(i.conveyanceType!));
      expect(channel, `${i.locationType} ${i.transportMode} ${i.conveyanceType}`).toBeDefined();
      if (i.locationType === 'seaport') {
        expect(i.transportMode).toBe('sea');
        if (i.placeLocode) expect(i.placeLocode.slice(0, 2)).toBe(i.country);
      }
      if (i.locationType === 'airport') expect(i.placeLocode).toBeNull();
      if (i.conveyanceType === 'sea_container') expect(i.concealmentMethods.some((m) => ['SWALLOWED', 'BODY_STRAPPED', 'FOOTWEAR'].includes(m))).toBe(false);
      if (i.conveyanceType === 'passenger' || i.conveyanceType === 'baggage') expect(i.concealmentMethods).not.toContain('RIP_ON_RIP_OFF');
    }
    const rows = sample(3_000);
    expect(rows.filter((s) => s.input.placeIata).length).toBeGreaterThan(300);
    expect(rows.filter((s) => s.input.placeLocode).length).toBeGreaterThan(300);
  });

  it('spreads seizures over ten years with growth and a seasonal pattern', () => {
    const rows = sample(20_000);
    const byYear = new Map<number, number>();
    const byMonth = new Array(12).fill(0);
    for (const s of rows) {
      const d = new Date(s.input.seizedAt);
      byYear.set(d.getUTCFullYear(), (byYear.get(d.getUTCFullYear()) ?? 0) + 1);
      byMonth[d.getUTCMonth()]++;
    }
    const first = Math.min(...byYear.keys());
    expect(first).toBeGreaterThanOrEqual(2016);
    expect(byYear.get(2025)!).toBeGreaterThan(byYear.get(2017)! * 1.2);
    // October and November are busier than July and August.
    expect(byMonth[9] + byMonth[10]).toBeGreaterThan(byMonth[6] + byMonth[7]);
  });

  it('makes seizures only in the countries that have an administration', () => {
    for (const s of sample(2_000, 3, ['FR', 'KE', 'BR'])) {
      expect(['FR', 'KE', 'BR']).toContain(s.country);
      expect(s.input.country).toBe(s.country);
      expect(checkSeizure(s.input, ref, '', NOW).errors).toEqual([]);
    }
  });

  it('inserts generated seizures with their lines and legs, once per external reference', async () => {
    const audit = createAuditLog(t.database);
    const deps = { database: t.database, audit, countryExists: async () => true };
    const orgs = new Map<string, string>();
    for (const c of ['FR', 'NL', 'US', 'KE']) orgs.set(c, (await createOrganisation(deps, null, { name: `Customs ${c}`, shortName: `GEN-${c}`, kind: 'customs', country: c, region: null })).id);
    const res = await generateSeizures(t.database, { count: 750, orgIdsByCountry: orgs, seed: 5, now: NOW, batch: 200, externalRefPrefix: 'GEN-', keepInputs: true });
    expect(res.inserted).toBe(750);
    const [counts] = await t.database.rows<{ s: number; c: number; l: number }>(sql`SELECT
      (SELECT count(*)::int FROM seizures WHERE external_ref LIKE 'GEN-%') AS s,
      (SELECT count(*)::int FROM seizure_commodities) AS c, (SELECT count(*)::int FROM seizure_route_legs) AS l`);
    expect(counts.s).toBe(750);
    expect(counts.c).toBe(res.rows!.reduce((a, r) => a + r.prepared.commodities.length, 0));
    expect(counts.l).toBe(res.rows!.reduce((a, r) => a + r.prepared.route.length, 0));
    const stored = await t.database.rows<{ id: string; country: string; org_id: string; status: string }>(sql`SELECT id, country, org_id, status FROM seizures WHERE external_ref LIKE 'GEN-%'`);
    const byId = new Map(stored.map((s) => [s.id, s]));
    for (const r of res.rows!) expect(byId.get(r.id)).toMatchObject({ country: r.prepared.country, org_id: r.orgId, status: r.status });
    for (const s of stored) expect(orgs.get(s.country)).toBe(s.org_id);

    const again = await generateSeizures(t.database, { count: 750, orgIdsByCountry: orgs, seed: 5, now: NOW, batch: 200, externalRefPrefix: 'GEN-' });
    expect(again).toMatchObject({ inserted: 0, skipped: 750 });
  });
});
