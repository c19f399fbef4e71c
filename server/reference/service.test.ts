import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../platform/testing/test-database.ts';
import { createReferenceService, referenceDataChanged, type ReferenceService } from './service.ts';

let t: TestDatabase;
let ref: ReferenceService;
beforeAll(async () => {
  t = await createTestDatabase();
  ref = createReferenceService(t.database);
});
afterAll(async () => t?.cleanup());

describe('reference search', () => {
  it('finds France from "fra" (alpha-3) and from its name in French and Russian', async () => {
    expect((await ref.search('countries', { q: 'fra' }))[0]).toMatchObject({ code: 'FR', label: 'France', alpha3: 'FRA', wcoRegion: 'EUR', rilo: 'RILO-WE' });
    expect((await ref.search('countries', { q: 'Allemagne', lang: 'fr' }))[0]).toMatchObject({ code: 'DE', label: 'Allemagne' });
    expect((await ref.search('countries', { q: 'Германия', lang: 'ru' }))[0]).toMatchObject({ code: 'DE', label: 'Германия' });
    expect((await ref.search('countries', { q: 'ger', lang: 'ru' }))[0]).toMatchObject({ code: 'DE', label: 'Германия' });
  });

  it('serves Dari from the Persian names and Urdu names', async () => {
    const af = await ref.get('countries', 'AF', 'fa-AF');
    expect(af?.label).toBe('افغانستان');
    expect((await ref.get('countries', 'PK', 'ur'))?.label).toMatch(/پاکستان/);
  });

  it('is accent-insensitive both ways', async () => {
    expect((await ref.search('countries', { q: 'Cote d Ivoire' }))[0]?.code).toBe('CI');
    expect((await ref.search('countries', { q: 'méxico', lang: 'es' }))[0]?.code).toBe('MX');
    expect((await ref.search('locodes', { q: 'Malmo' })).map((i) => i.code)).toContain('SEMMA');
  });

  it('finds NLRTM from "Rotterdam" and by its code', async () => {
    expect((await ref.search('locodes', { q: 'Rotterdam' }))[0]).toMatchObject({ code: 'NLRTM', country: 'NL', countryName: 'Netherlands' });
    expect((await ref.search('locodes', { q: 'nlrtm' }))[0]?.code).toBe('NLRTM');
    expect((await ref.search('locodes', { q: 'Roterdam' })).map((i) => i.code)).toContain('NLRTM');
  });

  it('lists HS codes by prefix, shortest first', async () => {
    const items = await ref.search('hs-codes', { q: '0101', limit: 5 });
    expect(items[0]).toMatchObject({ code: '0101', level: 4 });
    expect(items.slice(1).every((i) => i.code.startsWith('0101'))).toBe(true);
    expect((await ref.search('hs-codes', { q: '3102 50' }))[0]?.code).toBe('310250');
    expect((await ref.search('hs-codes', { q: 'acetone' })).map((i) => i.code)).toContain('291411');
  });

  it('finds an airport by IATA code and by name', async () => {
    expect((await ref.search('airports', { q: 'CDG' }))[0]).toMatchObject({ code: 'CDG', icao: 'LFPG', country: 'FR' });
    expect((await ref.search('airports', { q: 'charles de gaulle' }))[0]?.code).toBe('CDG');
    expect((await ref.get('airports', 'LFPG'))?.code).toBe('CDG');
  });

  it('searches regions, RILOs, currencies, commodities and methods', async () => {
    expect((await ref.search('regions', { q: 'afrique', lang: 'fr' })).map((i) => i.code).sort()).toEqual(['ESA', 'MENA', 'WCA']);
    expect((await ref.search('rilos', { q: 'douala' }))[0]?.code).toBe('RILO-CAF');
    expect((await ref.search('currencies', { q: 'eur' }))[0]?.code).toBe('EUR');
    expect((await ref.search('commodities', { q: 'cocaine' }))[0]).toMatchObject({ code: 'DRUGS.COCAINE', category: 'DRUGS', hsCode: '293972' });
    expect((await ref.search('commodities', { q: 'drog', lang: 'fr' }))[0]).toMatchObject({ code: 'DRUGS', label: 'Drogues', level: 'category' });
    expect((await ref.search('detection-methods', { q: 'x-ray' }))[0]?.code).toBe('XRAY_SCANNER');
    expect((await ref.search('concealment-methods', { q: 'false bottom' }))[0]).toMatchObject({ code: 'LUGGAGE_FALSE_BOTTOM', group: 'BAGGAGE' });
  });

  it('caps the limit and treats LIKE wildcards as text', async () => {
    expect(await ref.search('locodes', { q: 'san', limit: 500 })).toHaveLength(50);
    expect(await ref.search('locodes', { q: '%%%' })).toEqual([]);
    expect(await ref.search('countries', {})).toHaveLength(20);
  });
});

describe('reference validators', () => {
  it('checks codes', async () => {
    expect(await ref.isCountry('fr')).toBe(true);
    expect(await ref.isCountry('ZZ')).toBe(false);
    expect(await ref.isLocode('NLRTM')).toBe(true);
    expect(await ref.isLocode('NL999')).toBe(false);
    expect(await ref.isHsCode('2939.72')).toBe(true);
    expect(await ref.isHsCode('999999')).toBe(false);
    expect(await ref.isAirport('CDG')).toBe(true);
    expect(await ref.isCurrency('USD')).toBe(true);
    expect(await ref.isDetectionMethod('CANINE')).toBe(true);
    expect(await ref.isConcealmentMethod('SWALLOWED')).toBe(true);
    expect(await ref.isCommodity('DRUGS', 'HEROIN')).toBe(true);
    expect(await ref.isCommodity('DRUGS', 'CIGARETTES')).toBe(false);
  });

  it('gives the units per commodity', async () => {
    expect(await ref.unitsFor('TOBACCO', 'CIGARETTES')).toEqual(['sticks', 'cartons']);
    expect(await ref.unitsFor('ENVIRONMENT', 'LIVE_REPTILES')).toEqual(['heads']);
    expect(await ref.unitsFor('ALCOHOL')).toContain('l');
    expect(await ref.unitsFor('DRUGS', 'COCAINE')).not.toContain('heads');
    expect(await ref.unitsFor('NOPE')).toBeNull();
  });

  it('places countries in regions and RILOs', async () => {
    expect(await ref.regionOfCountry('KE')).toBe('ESA');
    expect(await ref.regionOfCountry('PR')).toBe('AMC'); // not a member: by geography
    expect(await ref.riloOfCountry('CM')).toBe('RILO-CAF');
    expect(await ref.riloOfCountry('US')).toBeNull();
    expect(await ref.countriesOfRegion('AP')).toContain('JP');
    expect(await ref.countriesOfRilo('RILO-SA')).toContain('CL');
  });

  it('lists the 14 Global Shield precursors', async () => {
    const p = await ref.globalShieldPrecursors();
    expect(p).toHaveLength(14);
    expect(p.find((x) => x.name === 'Ammonium nitrate')?.hsCode).toBe('310230');
  });
});

describe('answers remembered between loads', () => {
  it('serves a repeated search from memory until the data is loaded again', async () => {
    const first = await ref.search('currencies', { q: 'Euro' });
    expect(first.map((i) => i.code)).toContain('EUR');
    await t.database.exec(`DELETE FROM ref_currencies WHERE code = 'EUR'`);
    expect((await ref.search('currencies', { q: 'Euro' })).map((i) => i.code)).toContain('EUR');
    referenceDataChanged();
    expect((await ref.search('currencies', { q: 'Euro' })).map((i) => i.code)).not.toContain('EUR');
  });
});
