import { describe, expect, it } from 'vitest';
import { readReferenceData, regionByGeography } from './data-files.ts';

const data = readReferenceData();
const hsCodes = new Set(data.hs.rows.map((r) => r[0]));

describe('reference data files', () => {
  it('holds the 14 Global Shield precursors with HS codes that extend what the seed shows', () => {
    const precursors = data.categories.find((c) => c.code === 'EXPLOSIVES')!.subcategories.filter((s) => s.globalShield);
    expect(precursors.map((p) => p.en)).toEqual([
      'Acetic anhydride', 'Acetone', 'Aluminium powder', 'Ammonium nitrate', 'Calcium ammonium nitrate', 'Hydrogen peroxide', 'Nitric acid',
      'Nitromethane', 'Potassium chlorate', 'Potassium nitrate', 'Potassium perchlorate', 'Sodium chlorate', 'Sodium nitrate', 'Urea',
    ]);
    for (const p of precursors) {
      expect(p.hsCode, p.en).toMatch(/^\d{6}$/);
      expect(p.hsCode!.startsWith((p.seedHs ?? '').replace(/\D/g, '')), p.en).toBe(true);
      expect(hsCodes.has(p.hsCode!), p.en).toBe(true);
    }
    expect(Object.fromEntries(precursors.map((p) => [p.code, p.hsCode]))).toMatchObject({
      ACETONE: '291411', NITRIC_ACID: '280800', NITROMETHANE: '290420', SODIUM_NITRATE: '310250', UREA: '310210', AMMONIUM_NITRATE: '310230',
    });
  });

  it('gives every subcategory units its category allows, from the known list, and HS codes that exist', () => {
    for (const c of data.categories) {
      expect(c.units.every((u) => data.units.includes(u)), c.code).toBe(true);
      for (const s of c.subcategories) {
        expect(s.units.length, `${c.code}.${s.code}`).toBeGreaterThan(0);
        expect(s.units.every((u) => c.units.includes(u)), `${c.code}.${s.code}`).toBe(true);
        if (s.hsCode) expect(hsCodes.has(s.hsCode), `${c.code}.${s.code} ${s.hsCode}`).toBe(true);
      }
    }
    expect(data.categories.map((c) => c.code)).toEqual([
      'DRUGS', 'TOBACCO', 'ALCOHOL', 'IPR', 'ENVIRONMENT', 'CULTURAL_HERITAGE', 'WEAPONS', 'EXPLOSIVES', 'CASH', 'REVENUE', 'OTHER',
    ]);
  });

  it('maps six regions and the RILOs onto them, each member in one region', () => {
    expect(data.regions.map((r) => r.code)).toEqual(['ESA', 'WCA', 'MENA', 'EUR', 'AP', 'AMC']);
    const regionOf = new Map<string, string>();
    for (const r of data.regions) for (const c of r.members) {
      expect(regionOf.has(c), c).toBe(false);
      regionOf.set(c, r.code);
    }
    const countries = new Set(data.countries.map((c) => c.code));
    for (const c of regionOf.keys()) expect(countries.has(c), c).toBe(true);
    expect(data.rilos).toHaveLength(12);
    for (const rilo of data.rilos) {
      expect(data.regions.some((r) => r.code === rilo.region), rilo.code).toBe(true);
      for (const c of rilo.members) expect(regionOf.has(c), `${rilo.code} ${c}`).toBe(true);
    }
  });

  it('has country names in every UI language and a region by geography for non-members', () => {
    const fr = data.countries.find((c) => c.code === 'DE')!;
    expect(fr.names).toMatchObject({ en: 'Germany', fr: 'Allemagne', es: 'Alemania', ru: 'Германия' });
    expect(Object.keys(fr.names).sort()).toEqual(['en', 'es', 'fa', 'fr', 'pt', 'ru', 'ur']);
    expect(regionByGeography({ geoRegion: 'Americas', geoSubregion: 'Caribbean' })).toBe('AMC');
    expect(regionByGeography({ geoRegion: 'Africa', geoSubregion: 'Northern Africa' })).toBe('MENA');
    expect(regionByGeography({ geoRegion: 'Antarctic', geoSubregion: '' })).toBeNull();
  });

  it('repaired the UN/LOCODE rows whose names were split upstream', () => {
    const mld = data.locodes.rows.find((r) => r[0] === 'ATMLD')!;
    expect(mld[1]).toBe('Mollersdorf, Baden');
    expect(data.locodes.rows.every((r) => /^[0-9B-]{8}$/.test(r[5]))).toBe(true);
  });
});
