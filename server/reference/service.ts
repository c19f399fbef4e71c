import { sql, type SQL } from 'drizzle-orm';
import type { Database } from '../platform/db/database.ts';
import { NAME_LANGS, type NameLang } from './data-files.ts';
import { KIND_QUERIES } from './kinds.ts';
import type { ReferenceItem, ReferenceKind } from './reference-view.ts';
import { searchKey } from './search-key.ts';

/** The UI languages; Dari ('fa-AF') reads the Persian names. */
export const UI_LANGS = ['en', 'fr', 'es', 'pt', 'ru', 'fa-AF', 'ur'] as const;
export type UiLang = (typeof UI_LANGS)[number];
export const MAX_LIMIT = 50;
export const MAX_QUERY_LENGTH = 100;

export interface SearchOptions {
  q?: string;
  limit?: number;
  lang?: string;
}

export function nameLang(lang: string | undefined): NameLang {
  const base = (lang ?? 'en').toLowerCase().split('-')[0];
  return (NAME_LANGS as readonly string[]).includes(base) ? (base as NameLang) : 'en';
}

type ResultRow = { code: string; label: string; extra: Record<string, unknown> | string };

const likeEscape = (s: string) => s.replace(/[\\%_]/g, (c) => `\\${c}`);

/**
 * The reference data as other modules see it: typeahead search, lookup by code and the
 * validators that seizures, screening and the rest call. Reads only; the data is loaded
 * by loadReferenceData().
 */
/**
 * Reference data changes only when it is loaded, so answers are remembered: typeahead asks the
 * same prefixes over and over. A load bumps the generation (see load.ts), which drops them all;
 * the time limit covers a load made by another node.
 */
const CACHE_TTL_MS = 5 * 60_000;
const CACHE_MAX = 10_000;
let generation = 0;
export function referenceDataChanged(): void {
  generation++;
}
/** Bumped by every load; lets other caches (e.g. reference sets) know when to reload. */
export const referenceGeneration = (): number => generation;

export function createReferenceService(database: Database) {
  const rows = <T = ResultRow>(q: SQL) => database.rows<T>(q);
  const cache = new Map<string, { at: number; gen: number; value: Promise<unknown> }>();

  function remembered<T>(key: string, compute: () => Promise<T>): Promise<T> {
    const hit = cache.get(key);
    if (hit && hit.gen === generation && Date.now() - hit.at < CACHE_TTL_MS) return hit.value as Promise<T>;
    if (cache.size >= CACHE_MAX) cache.clear();
    const value = compute();
    cache.set(key, { at: Date.now(), gen: generation, value });
    value.catch(() => cache.delete(key));
    return value;
  }

  function search(kind: ReferenceKind, opts: SearchOptions = {}): Promise<ReferenceItem[]> {
    return remembered(`s|${kind}|${opts.q ?? ''}|${opts.lang ?? ''}|${opts.limit ?? ''}`, () => searchNow(kind, opts));
  }

  function get(kind: ReferenceKind, code: string, lang?: string): Promise<ReferenceItem | null> {
    return remembered(`g|${kind}|${code}|${lang ?? ''}`, () => getNow(kind, code, lang));
  }

  async function searchNow(kind: ReferenceKind, opts: SearchOptions = {}): Promise<ReferenceItem[]> {
    const k = KIND_QUERIES[kind];
    const lang = nameLang(opts.lang);
    const limit = Math.min(Math.max(opts.limit ?? 20, 1), MAX_LIMIT);
    const q = (opts.q ?? '').trim().slice(0, MAX_QUERY_LENGTH);
    const label = k.label(lang);
    if (!q) {
      return shape(await rows(sql`SELECT t.code, ${label} AS label, ${k.extra(lang)} AS extra FROM ${k.from}
        ORDER BY ${k.tiebreak ?? sql.raw('1')}, t.code LIMIT ${limit}`));
    }
    const code = k.codeForm(q);
    const codePrefix = `${likeEscape(code)}%`;
    const n = searchKey(q);
    const prefix = `${likeEscape(n)}%`;
    const contains = `%${likeEscape(n)}%`;
    const codeEq = sql.join(k.codes.map((c) => sql`${c} = ${code}`), sql` OR `);
    const codeLike = sql.join(k.codes.map((c) => sql`${c} LIKE ${codePrefix}`), sql` OR `);
    // Short queries on big tables match too many rows to rank: one or two letters
    // match name prefixes only (a btree answers), three or four letters word prefixes too.
    // Word similarity (typo tolerance) costs a trigram comparison per row: only queries of five
    // letters or more, where a typo is likely and the candidates are few, pay for it.
    const nameMatch =
      n.length > 4
        ? sql`t.search LIKE ${contains} OR ${n} <% t.search`
        : !k.large
          ? sql`t.search LIKE ${contains}`
          : n.length < 3
            ? sql`t.search LIKE ${prefix}`
            : sql`t.search LIKE ${prefix} OR t.search LIKE ${'% ' + prefix}`;
    return shape(
      await rows(sql`SELECT t.code, ${label} AS label, ${k.extra(lang)} AS extra,
          CASE WHEN ${codeEq} THEN 0 WHEN ${codeLike} THEN 1 WHEN t.search LIKE ${prefix} THEN 2
               WHEN t.search LIKE ${'% ' + prefix} THEN 3 WHEN t.search LIKE ${contains} THEN 4 ELSE 5 END AS rank,
          word_similarity(${n}, t.search) AS sim
        FROM ${k.from}
        WHERE ${codeLike} OR ${nameMatch}
        ORDER BY rank, sim DESC, ${k.tiebreak ?? sql.raw('1')}, t.code
        LIMIT ${limit}`),
    );
  }

  async function getNow(kind: ReferenceKind, code: string, lang?: string): Promise<ReferenceItem | null> {
    const k = KIND_QUERIES[kind];
    const l = nameLang(lang);
    const c = k.codeForm(code);
    const found = await rows(sql`SELECT t.code, ${k.label(l)} AS label, ${k.extra(l)} AS extra FROM ${k.from}
      WHERE ${sql.join(k.codes.map((col) => sql`${col} = ${c}`), sql` OR `)} ORDER BY t.code = ${c} DESC LIMIT 1`);
    return shape(found)[0] ?? null;
  }

  async function exists(table: string, column: string, value: string): Promise<boolean> {
    const r = await rows<{ ok: boolean }>(sql`SELECT EXISTS (SELECT 1 FROM ${sql.raw(table)} WHERE ${sql.raw(column)} = ${value}) AS ok`);
    return r[0]?.ok === true;
  }

  async function unitsFor(category: string, subcategory?: string | null): Promise<string[] | null> {
    const cat = category.trim().toUpperCase();
    const r = subcategory
      ? await rows<{ units: string[] }>(sql`SELECT units FROM ref_commodity_subcategories WHERE code = ${`${cat}.${subcategory.trim().toUpperCase()}`}`)
      : await rows<{ units: string[] }>(sql`SELECT units FROM ref_commodity_categories WHERE code = ${cat}`);
    return r[0]?.units ?? null;
  }

  async function countryColumn(code: string, column: 'wco_region' | 'rilo_code'): Promise<string | null> {
    const r = await rows<{ v: string | null }>(sql`SELECT ${sql.raw(column)} AS v FROM ref_countries WHERE code = ${code.trim().toUpperCase()}`);
    return r[0]?.v ?? null;
  }

  return {
    search,
    get,
    isCountry: (code: string) => exists('ref_countries', 'code', code.trim().toUpperCase()),
    isRegion: (code: string) => exists('ref_wco_regions', 'code', code.trim().toUpperCase()),
    isRilo: (code: string) => exists('ref_rilos', 'code', code.trim().toUpperCase()),
    isLocode: (code: string) => exists('ref_locodes', 'code', code.replace(/\s+/g, '').toUpperCase()),
    /** A chapter, heading or subheading of HS 2022; dots and spaces are ignored ("3102.50"). */
    isHsCode: (code: string) => exists('ref_hs_codes', 'code', code.replace(/[\s.]/g, '')),
    /** An IATA code (or ICAO for airports without one). */
    isAirport: (code: string) => exists('ref_airports', 'code', code.trim().toUpperCase()),
    isCurrency: (code: string) => exists('ref_currencies', 'code', code.trim().toUpperCase()),
    isDetectionMethod: (code: string) => exists('ref_detection_methods', 'code', code.trim().toUpperCase()),
    isConcealmentMethod: (code: string) => exists('ref_concealment_methods', 'code', code.trim().toUpperCase()),
    /** True for a known category, or a known subcategory of it when one is given. */
    isCommodity: async (category: string, subcategory?: string | null) => (await unitsFor(category, subcategory)) !== null,
    /** The units a quantity of this commodity may be recorded in, or null for an unknown commodity. */
    unitsFor,
    /** The WCO region of a country (by membership, or by geography for non-members), or null. */
    regionOfCountry: (code: string) => countryColumn(code, 'wco_region'),
    /** The RILO that covers a country, or null (unknown country, or one outside the RILO network). */
    riloOfCountry: (code: string) => countryColumn(code, 'rilo_code'),
    /** WCO Member countries of a region. */
    countriesOfRegion: async (region: string) =>
      (await rows<{ code: string }>(sql`SELECT code FROM ref_countries WHERE wco_region = ${region.trim().toUpperCase()} AND wco_member ORDER BY code`)).map((r) => r.code),
    /** Countries a RILO covers. */
    countriesOfRilo: async (rilo: string) =>
      (await rows<{ members: string[] }>(sql`SELECT members FROM ref_rilos WHERE code = ${rilo.trim().toUpperCase()}`))[0]?.members ?? [],
    /** The Programme Global Shield precursor chemicals, with their HS codes. */
    globalShieldPrecursors: async () =>
      rows<{ code: string; name: string; hsCode: string }>(sql`SELECT code, names->>'en' AS name, hs_code AS "hsCode"
        FROM ref_commodity_subcategories WHERE global_shield ORDER BY sort`),
  };
}

export type ReferenceService = ReturnType<typeof createReferenceService>;

function shape(found: ResultRow[]): ReferenceItem[] {
  return found.map((r) => {
    const extra = typeof r.extra === 'string' ? (JSON.parse(r.extra) as Record<string, unknown>) : r.extra;
    return { code: r.code, label: r.label, ...extra };
  });
}
