import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { createTestDatabase, type TestDatabase } from '../platform/testing/test-database.ts';
import { readReferenceData } from './data-files.ts';
import { loadReferenceData } from './load.ts';

let t: TestDatabase;
beforeAll(async () => {
  t = await createTestDatabase();
});
afterAll(async () => t?.cleanup());

async function counts() {
  const [r] = await t.database.rows<Record<string, number>>(sql`SELECT
    (SELECT count(*)::int FROM ref_countries) AS countries, (SELECT count(*)::int FROM ref_wco_regions) AS regions,
    (SELECT count(*)::int FROM ref_rilos) AS rilos, (SELECT count(*)::int FROM ref_hs_codes) AS hs,
    (SELECT count(*)::int FROM ref_locodes) AS locodes, (SELECT count(*)::int FROM ref_airports) AS airports,
    (SELECT count(*)::int FROM ref_currencies) AS currencies, (SELECT count(*)::int FROM ref_commodity_categories) AS categories,
    (SELECT count(*)::int FROM ref_commodity_subcategories) AS subcategories, (SELECT count(*)::int FROM ref_detection_methods) AS detection,
    (SELECT count(*)::int FROM ref_concealment_methods) AS concealment`);
  return r;
}

describe('loadReferenceData', () => {
  const d = readReferenceData();
  const expected = {
    countries: d.countries.length,
    regions: d.regions.length,
    rilos: d.rilos.length,
    hs: d.hs.rows.length,
    locodes: d.locodes.rows.length,
    airports: d.airports.rows.length,
    currencies: d.currencies.length,
    categories: d.categories.length,
    subcategories: d.categories.reduce((n, c) => n + c.subcategories.length, 0),
    detection: d.detectionMethods.length,
    concealment: d.concealmentMethods.length,
  };

  it('loaded as many rows as the data files hold', async () => {
    expect(await counts()).toEqual(expected);
  });

  it('does nothing when the data files have not changed', async () => {
    const before = await t.database.rows<{ loaded_at: string }>(sql`SELECT loaded_at::text FROM ref_data_version ORDER BY id`);
    expect(before).toHaveLength(2);
    await loadReferenceData(t.database);
    const after = await t.database.rows<{ loaded_at: string }>(sql`SELECT loaded_at::text FROM ref_data_version ORDER BY id`);
    expect(after).toEqual(before);
  });

  it('replaces everything when the stored version differs, and the indexes are back', async () => {
    await t.database.exec(`UPDATE ref_data_version SET hash = 'old'; DELETE FROM ref_concealment_methods WHERE code = 'OTHER'`);
    const logged: string[] = [];
    await loadReferenceData(t.database, (m) => logged.push(m));
    expect(logged.join()).toMatch(/reference data loaded/);
    expect(logged.join()).toMatch(/gazetteer loaded/);
    expect(await counts()).toEqual(expected);
    const indexes = await t.database.rows<{ indexname: string }>(sql`SELECT indexname FROM pg_indexes WHERE tablename = 'ref_locodes' ORDER BY 1`);
    expect(indexes.map((i) => i.indexname)).toEqual(['ref_locodes_country', 'ref_locodes_pkey', 'ref_locodes_search_prefix', 'ref_locodes_trgm']);
  });

  it('loads the gazetteer into empty tables (first start) and then leaves it alone', async () => {
    await t.database.exec(`DELETE FROM ref_locodes; DELETE FROM ref_airports; DELETE FROM ref_data_version WHERE id = 2`);
    const logged: string[] = [];
    await loadReferenceData(t.database, (m) => logged.push(m), ['gazetteer']);
    expect(logged.join()).toMatch(/gazetteer loaded/);
    expect(await counts()).toEqual(expected);
    const indexes = await t.database.rows<{ indexname: string }>(sql`SELECT indexname FROM pg_indexes WHERE tablename = 'ref_locodes' ORDER BY 1`);
    expect(indexes).toHaveLength(4);
    const again: string[] = [];
    await loadReferenceData(t.database, (m) => again.push(m));
    expect(again).toEqual([]);
  });
});
