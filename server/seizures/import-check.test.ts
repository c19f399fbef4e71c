import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { referenceSets, type ReferenceSets } from '../reference/index.ts';
import { createTestDatabase, type TestDatabase } from '../platform/testing/test-database.ts';
import { categoryOfSubcategory, suggestMapping } from './import-fields.ts';
import { rowChecker } from './import-service.ts';

let t: TestDatabase;
let ref: ReferenceSets;
beforeAll(async () => {
  t = await createTestDatabase();
  ref = await referenceSets(t.database);
});
afterAll(() => t?.cleanup());

const HEADER = ['external_ref', 'seized_at', 'country', 'location_type', 'direction', 'commodity_1_category', 'commodity_1_subcategory', 'commodity_1_quantity', 'commodity_1_unit', 'narrative'];
const GOOD = ['R-1', '2025-06-01', 'FR', 'seaport', 'import', 'DRUGS', 'COCAINE', '12.5', 'kg', 'Container selected by risk profiling'];
const checker = (header = HEADER) => rowChecker(suggestMapping(header), header, ref, Date.UTC(2026, 0, 1));
const withCells = (over: Record<string, string>, header = HEADER, base = GOOD) => header.map((h, i) => (h in over ? over[h] : (base[i] ?? '')));

describe('import row checks', () => {
  it('accepts the good row', () => {
    expect(checker()(GOOD, 2).errors).toEqual([]);
  });

  it('reports every error of a row at once: a bad date and a bad country together', () => {
    const { errors, prepared } = checker()(withCells({ seized_at: '31/02/2025', country: 'XX', commodity_1_unit: 'sticks' }), 2);
    expect(prepared).toBeNull();
    expect(errors.map((e) => [e.field, e.message])).toEqual([
      ['seized_at', expect.stringMatching(/is not a date/)],
      ['country', 'XX is not a known ISO 3166 country'],
      ['commodity_1_unit', expect.stringMatching(/^sticks does not fit DRUGS.COCAINE/)],
    ]);
    // A value the schema refuses and one only the reference data refuses, on other lines of the row.
    const two = checker()(withCells({ location_type: 'harbour', commodity_1_subcategory: 'HEROIN.X', external_ref: '' }), 3).errors;
    expect(two.map((e) => e.field)).toEqual(['location_type', 'commodity_1_subcategory', 'external_ref']);
    // A country the schema refuses does not make the place "not in" the stand-in put in its stead.
    const header = [...HEADER, 'place_locode'];
    const three = checker(header)(withCells({ country: 'FRA', seized_at: 'soon', place_locode: 'FRLEH' }, header), 4).errors;
    expect(three.map((e) => e.field)).toEqual(['seized_at', 'country']);
  });

  it('derives the category of a line from its subcategory when the category is left out', () => {
    expect(categoryOfSubcategory('DRUGS.COCAINE', ref)).toBe('DRUGS');
    expect(categoryOfSubcategory('cocaine', ref)).toBe('DRUGS');
    expect(categoryOfSubcategory('NO_SUCH_THING', ref)).toBeNull();
    const header = HEADER.filter((h) => h !== 'commodity_1_category');
    const base = GOOD.filter((_, i) => HEADER[i] !== 'commodity_1_category');
    const dotted = checker(header)(withCells({ commodity_1_subcategory: 'DRUGS.COCAINE' }, header, base), 2);
    expect(dotted.errors).toEqual([]);
    expect(dotted.prepared?.commodities[0]).toMatchObject({ category: 'DRUGS', subcategory: 'DRUGS.COCAINE' });
    const bare = checker(header)(base, 2);
    expect(bare.errors).toEqual([]);
    expect(bare.prepared?.categories).toEqual(['DRUGS']);
  });
});
