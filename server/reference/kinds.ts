import { sql, type SQL } from 'drizzle-orm';
import type { ReferenceKind } from './reference-view.ts';

/**
 * How one kind is queried: its rows (aliased `t`, with `code` and `search` columns), the
 * label in a language, the extra fields, the columns a code query matches, and how to
 * break ties. `lang` is always one of the stored name keys, never user text.
 */
export interface KindQuery {
  from: SQL;
  label(lang: string): SQL;
  extra(lang: string): SQL;
  /** Code columns, matched exactly and by prefix against the upper-cased query. */
  codes: SQL[];
  /** Turns a query into the form its codes are written in (e.g. "3102 50" → "310250"). */
  codeForm(q: string): string;
  tiebreak?: SQL;
  /** Large tables skip substring matching for one- and two-letter queries (no trigrams to use). */
  large?: boolean;
}

const named = (lang: string) => sql.raw(`coalesce(t.names->>'${lang}', t.names->>'en')`);
const countryName = (lang: string, col: string) =>
  sql.raw(`(SELECT coalesce(c.names->>'${lang}', c.names->>'en') FROM ref_countries c WHERE c.code = ${col})`);
const upper = (q: string) => q.trim().toUpperCase();

/** What the 8 positions of a UN/LOCODE function classifier mean. */
export const LOCODE_FUNCTIONS = ['port', 'rail', 'road', 'airport', 'postal', 'inland-clearance-depot', 'fixed-transport', 'border-crossing'];

export const KIND_QUERIES: Record<ReferenceKind, KindQuery> = {
  countries: {
    from: sql.raw('ref_countries t'),
    label: named,
    extra: () => sql.raw(`json_build_object('alpha3', t.alpha3, 'numeric', t.numeric, 'officialName', t.official_name, 'wcoRegion', t.wco_region,
      'wcoMember', t.wco_member, 'rilo', t.rilo_code, 'currencies', t.currencies, 'lat', t.lat, 'lng', t.lng, 'nameEn', t.names->>'en')`),
    codes: [sql.raw('t.code'), sql.raw('t.alpha3')],
    codeForm: upper,
  },
  regions: {
    from: sql.raw('ref_wco_regions t'),
    label: named,
    extra: () => sql.raw(`json_build_object(
      'countries', (SELECT coalesce(json_agg(c.code ORDER BY c.code), '[]') FROM ref_countries c WHERE c.wco_region = t.code AND c.wco_member),
      'rilos', (SELECT coalesce(json_agg(r.code ORDER BY r.sort), '[]') FROM ref_rilos r WHERE r.region_code = t.code))`),
    codes: [sql.raw('t.code')],
    codeForm: upper,
    tiebreak: sql.raw('t.sort'),
  },
  rilos: {
    from: sql.raw('ref_rilos t'),
    label: named,
    extra: (lang) => sql`json_build_object('region', t.region_code, 'seat', t.seat, 'seatCountry', t.seat_country,
      'seatCountryName', ${countryName(lang, 't.seat_country')}, 'established', t.established, 'members', t.members)`,
    codes: [sql.raw('t.code')],
    codeForm: upper,
    tiebreak: sql.raw('t.sort'),
  },
  'hs-codes': {
    from: sql.raw('ref_hs_codes t'),
    label: () => sql.raw('t.description'),
    extra: () => sql.raw(`json_build_object('level', t.level, 'parent', t.parent, 'section', t.section)`),
    codes: [sql.raw('t.code')],
    codeForm: (q) => (/^[\d\s.]+$/.test(q) ? q.replace(/[\s.]/g, '') : upper(q)),
    tiebreak: sql.raw('t.level'),
    large: true,
  },
  locodes: {
    from: sql.raw('ref_locodes t'),
    label: () => sql.raw('t.name'),
    extra: (lang) => sql`json_build_object('country', t.country, 'countryName', ${countryName(lang, 't.country')}, 'nameAscii', nullif(t.name_ascii, ''),
      'alternativeName', nullif(t.alt_name, ''), 'subdivision', nullif(t.subdivision, ''), 'function', t.functions, 'lat', t.lat, 'lng', t.lng)`,
    codes: [sql.raw('t.code')],
    codeForm: (q) => upper(q).replace(/\s+/g, ''),
    // Ports and airports first: they are where seizures happen.
    tiebreak: sql.raw(`(substr(t.functions, 1, 1) = '1' OR substr(t.functions, 4, 1) = '4') DESC`),
    large: true,
  },
  airports: {
    from: sql.raw('ref_airports t'),
    label: () => sql.raw('t.name'),
    extra: (lang) => sql`json_build_object('iata', t.iata, 'icao', t.icao, 'country', t.country, 'countryName', ${countryName(lang, 't.country')},
      'region', t.region, 'lat', t.lat, 'lng', t.lng)`,
    codes: [sql.raw('t.code'), sql.raw('t.icao')],
    codeForm: upper,
    large: true,
  },
  currencies: {
    from: sql.raw('ref_currencies t'),
    label: () => sql.raw('t.name'),
    extra: () => sql.raw(`json_build_object('numeric', t.numeric, 'minorUnit', t.minor_unit, 'withdrawn', t.withdrawn)`),
    codes: [sql.raw('t.code')],
    codeForm: upper,
    tiebreak: sql.raw('(t.withdrawn IS NOT NULL)'),
  },
  commodities: {
    // Categories and subcategories in one list, in taxonomy order.
    from: sql.raw(`(SELECT code, names, units, NULL::text AS hs_code, false AS global_shield, NULL::text AS category_code, 'category' AS level,
        sort * 100 AS sort, search FROM ref_commodity_categories
      UNION ALL
      SELECT s.code, s.names, s.units, s.hs_code, s.global_shield, s.category_code, 'subcategory', c.sort * 100 + s.sort + 1, s.search
        FROM ref_commodity_subcategories s JOIN ref_commodity_categories c ON c.code = s.category_code) t`),
    label: named,
    extra: () => sql.raw(`json_build_object('level', t.level, 'category', coalesce(t.category_code, t.code), 'hsCode', t.hs_code,
      'units', t.units, 'globalShield', t.global_shield)`),
    codes: [sql.raw('t.code')],
    codeForm: upper,
    tiebreak: sql.raw('t.sort'),
  },
  'detection-methods': {
    from: sql.raw('ref_detection_methods t'),
    label: named,
    extra: () => sql.raw(`json_build_object()`),
    codes: [sql.raw('t.code')],
    codeForm: upper,
    tiebreak: sql.raw('t.sort'),
  },
  'concealment-methods': {
    from: sql.raw('ref_concealment_methods t'),
    label: named,
    extra: () => sql.raw(`json_build_object('group', t.group_code)`),
    codes: [sql.raw('t.code')],
    codeForm: upper,
    tiebreak: sql.raw('t.sort'),
  },
};
