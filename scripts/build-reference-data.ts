/**
 * Builds the reference module's compact data files from the shared source data.
 *
 *   npx tsx scripts/build-reference-data.ts [source-folder]
 *
 * The source folder defaults to ../shared/data relative to the repository root. The
 * output goes to server/reference/data/ and is committed: the app never reads the
 * source folder at run time. Hand-written files in that folder are left alone.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'csv-parse/sync';

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const sourceDir = resolve(process.argv[2] ?? join(repoRoot, '..', 'shared', 'data'));
const outDir = join(repoRoot, 'server', 'reference', 'data');

/** UI language → the key mledoze/countries uses for its translation ('en' comes from name.common). */
const COUNTRY_LANGS = { fr: 'fra', es: 'spa', pt: 'por', ru: 'rus', fa: 'per', ur: 'urd' } as const;

type Row = Record<string, string>;

function readCsv(path: string): Row[] {
  return parse(readFileSync(join(sourceDir, path)), {
    columns: true,
    bom: true,
    skip_empty_lines: true,
    relax_column_count: true,
  }) as Row[];
}

/** Four decimals is about 11 m: plenty for a place, and it keeps the files small. */
function coord(value: string | number | undefined): number | null {
  if (value === undefined || value === '') return null;
  const n = Number(value);
  return Number.isFinite(n) ? Math.round(n * 1e4) / 1e4 : null;
}

function writeJson(name: string, data: unknown): void {
  writeFileSync(join(outDir, name), JSON.stringify(data, null, 1) + '\n');
}

function writeGzipJson(name: string, data: unknown): void {
  // mtime 0 in the header keeps the output byte-identical across runs.
  writeFileSync(join(outDir, name), gzipSync(JSON.stringify(data), { level: 9 }));
}

interface MledozeCountry {
  name: { common: string; official: string };
  cca2: string;
  cca3: string;
  ccn3: string;
  altSpellings: string[];
  region: string;
  subregion?: string;
  latlng: number[];
  currencies?: Record<string, unknown>;
  independent?: boolean;
  translations: Record<string, { common: string; official: string }>;
}

function buildCountries(): { count: number; fallbacks: string[] } {
  const src = JSON.parse(readFileSync(join(sourceDir, 'countries-mledoze', 'countries.json'), 'utf8')) as MledozeCountry[];
  const fallbacks: string[] = [];
  const out = src
    .map((c) => {
      const names: Record<string, string> = { en: c.name.common };
      for (const [lang, key] of Object.entries(COUNTRY_LANGS)) {
        const t = c.translations[key]?.common;
        if (!t) fallbacks.push(`${c.cca2}:${lang}`);
        names[lang] = t ?? c.name.common;
      }
      return {
        code: c.cca2,
        alpha3: c.cca3,
        numeric: c.ccn3 || null,
        names,
        official: c.name.official,
        alt: c.altSpellings.filter((a) => a.length > 2 && a !== c.name.common),
        geoRegion: c.region,
        geoSubregion: c.subregion ?? '',
        independent: c.independent ?? false,
        lat: coord(c.latlng[0]),
        lng: coord(c.latlng[1]),
        currencies: Object.keys(c.currencies ?? {}),
      };
    })
    .sort((a, b) => a.code.localeCompare(b.code));
  writeJson('countries.json', out);
  return { count: out.length, fallbacks };
}

function buildHsCodes(): number {
  const rows = readCsv('hs-codes/harmonized-system.csv').filter((r) => /^\d{2}(\d{2}){0,2}$/.test(r.hscode) && !r.hscode.startsWith('99')); // chapter 99 rows are UN Comtrade's, not HS
  const sections = readCsv('hs-codes/sections.csv').map((r) => ({ code: r.section, name: r.name }));
  const out = rows.map((r) => [r.hscode, Number(r.level), r.parent === 'TOTAL' ? null : r.parent, r.section, r.description]);
  writeGzipJson('hs-codes.json.gz', { columns: ['code', 'level', 'parent', 'section', 'description'], sections, rows: out });
  return out.length;
}

/**
 * The concatenated code list has ~1,000 rows whose quoted names were escaped twice
 * upstream ("""Mollersdorf"," Baden"""), which splits each name in two and shifts the
 * columns; those rows also lack the status and IATA columns. This puts them back.
 */
function repairLocode(r: Row): Row {
  if (!r.name.startsWith('"') || !r.nameWoDiacritics.endsWith('"')) return r;
  const unquote = (a: string, b: string) => `${a},${b}`.replace(/^"|"$/g, '');
  return {
    ...r,
    name: unquote(r.name, r.nameWoDiacritics),
    nameWoDiacritics: unquote(r.subdivision, r.status),
    subdivision: r.function,
    status: '',
    function: r.iata,
    iata: '',
  };
}

function buildLocodes(): { count: number; repaired: number; merged: number } {
  const byCode = new Map<string, { row: Row; alt: string[] }>();
  let repaired = 0;
  let merged = 0;
  for (const raw of readCsv('un-locode/code-list.csv')) {
    const r = repairLocode(raw);
    if (r !== raw) repaired++;
    const code = `${r.country}${r.location}`;
    if (!/^[A-Z]{2}[A-Z2-9]{3}$/.test(code)) continue;
    const seen = byCode.get(code);
    // A second row for the same code carries another official name of the place (e.g. Brussel / Bruxelles).
    if (seen) {
      seen.alt.push(r.name);
      merged++;
    } else byCode.set(code, { row: r, alt: [] });
  }
  const rows = [...byCode.entries()]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([code, { row, alt }]) => [
      code,
      row.name,
      row.nameWoDiacritics && row.nameWoDiacritics !== row.name ? row.nameWoDiacritics : '',
      alt.join(' / '),
      row.subdivision,
      /^[0-9B-]{8}$/.test(row.function) ? row.function : '--------',
      coord(row.lat),
      coord(row.lon),
    ]);
  writeGzipJson('locodes.json.gz', { columns: ['code', 'name', 'nameAscii', 'altName', 'subdivision', 'function', 'lat', 'lng'], rows });
  return { count: rows.length, repaired, merged };
}

function buildAirports(): { count: number; icaoOnly: number } {
  const seen = new Set<string>();
  let icaoOnly = 0;
  const rows: unknown[][] = [];
  for (const r of readCsv('airports/iata-icao.csv')) {
    if (!r.country_code || !r.airport) continue;
    // IATA codes are the usual key; the few airports with none (or a repeated one) are keyed by ICAO.
    let code = r.iata;
    if (!code || seen.has(code)) {
      code = r.icao;
      icaoOnly++;
    }
    if (!code || seen.has(code)) continue;
    seen.add(code);
    rows.push([code, r.iata || null, r.icao || null, r.airport, r.country_code, r.region_name, coord(r.latitude), coord(r.longitude)]);
  }
  writeGzipJson('airports.json.gz', { columns: ['code', 'iata', 'icao', 'name', 'country', 'region', 'lat', 'lng'], rows });
  return { count: rows.length, icaoOnly };
}

function buildCurrencies(): number {
  const byCode = new Map<string, { code: string; name: string; numeric: string | null; minorUnit: number | null; withdrawn: string | null }>();
  for (const r of readCsv('currency-codes/codes-all.csv')) {
    if (!/^[A-Z]{3}$/.test(r.AlphabeticCode)) continue;
    const entry = {
      code: r.AlphabeticCode,
      name: r.Currency,
      numeric: r.NumericCode || null,
      minorUnit: /^\d+$/.test(r.MinorUnit) ? Number(r.MinorUnit) : null,
      withdrawn: r.WithdrawalDate || null,
    };
    const prev = byCode.get(entry.code);
    // A code in current use wins over its withdrawn entries.
    if (!prev || (prev.withdrawn && !entry.withdrawn)) byCode.set(entry.code, entry);
  }
  const out = [...byCode.values()].sort((a, b) => a.code.localeCompare(b.code));
  writeJson('currencies.json', out);
  return out.length;
}

const countries = buildCountries();
const hs = buildHsCodes();
const locodes = buildLocodes();
const airports = buildAirports();
const currencies = buildCurrencies();
console.log(
  [
    `countries: ${countries.count} (English used for ${countries.fallbacks.length} missing translations${countries.fallbacks.length ? `: ${countries.fallbacks.join(', ')}` : ''})`,
    `hs codes: ${hs}`,
    `locodes: ${locodes.count} (${locodes.repaired} rows repaired, ${locodes.merged} alternative-name rows merged)`,
    `airports: ${airports.count} (${airports.icaoOnly} keyed by ICAO)`,
    `currencies: ${currencies}`,
  ].join('\n'),
);
