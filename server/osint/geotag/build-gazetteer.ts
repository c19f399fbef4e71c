/**
 * Writes `gazetteer.json` (beside this file) from the openly licensed source files: mledoze/countries (names in
 * the UI languages, demonyms, capitals, alternative spellings), GeoNames cities of 15,000+ inhabitants, the
 * UN/LOCODE code list (sea ports) and the IATA/ICAO airport list. Licences and changes: GAZETTEER.md.
 *
 *   npx tsx server/osint/geotag/build-gazetteer.ts <folder holding the source files>
 *
 * The app reads only the generated file.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'csv-parse/sync';
import { CITY_STOPLIST, EXTRA_NAMES } from './gazetteer-extras.ts';
import type { GazetteerFile, PlaceKind } from './gazetteer-file.ts';

const source = process.argv[2];
if (!source) throw new Error('usage: build-gazetteer.ts <source folder>');
const MIN_CITY = 300_000;
const MIN_PORT_CITY = 100_000;
const UI_TRANSLATIONS: Record<string, string> = { fra: 'fr', spa: 'es', por: 'pt', rus: 'ru', per: 'fa', urd: 'ur', ara: 'ar', zho: 'zh' };

interface MledozeCountry {
  cca2: string;
  name: { common: string; official: string };
  altSpellings: string[];
  capital?: string[];
  translations: Record<string, { common: string; official: string }>;
  demonyms?: Record<string, { f: string; m: string }>;
}
const csv = (file: string) => parse(readFileSync(join(source, file), 'utf8'), { columns: true, skip_empty_lines: true }) as Record<string, string>[];

const entries = new Map<string, { name: string; country: string; kind: PlaceKind }>();
const add = (name: string, country: string, kind: PlaceKind) => {
  const n = name.trim();
  const key = `${n.toLowerCase()}|${country}`;
  if (n.length < 2 || entries.has(key)) return;
  entries.set(key, { name: n, country, kind });
};

// English plurals of demonyms (Moroccans) and French gender/number forms (marocain, marocaine, marocains, marocaines).
const plural = (w: string) => (/(s|sh|ch|ese|x|ss)$/i.test(w) ? w : `${w}s`);
const countries = JSON.parse(readFileSync(join(source, 'countries-mledoze/countries.json'), 'utf8')) as MledozeCountry[];
const population = new Map<string, number>();
for (const c of countries) {
  add(c.name.common, c.cca2, 'country');
  add(c.name.official, c.cca2, 'country');
  for (const alt of c.altSpellings) if (alt.length > 3 && !alt.includes(',')) add(alt, c.cca2, 'country');
  for (const [lang, t] of Object.entries(c.translations)) if (UI_TRANSLATIONS[lang]) add(t.common, c.cca2, 'country');
  for (const capital of c.capital ?? []) add(capital, c.cca2, 'capital');
  const en = c.demonyms?.eng;
  if (en) for (const d of new Set([en.m, en.f])) [d, plural(d)].forEach((x) => add(x, c.cca2, 'demonym'));
  const fr = c.demonyms?.fra;
  if (fr) for (const d of new Set([fr.m, fr.f])) [d, plural(d)].forEach((x) => add(x, c.cca2, 'demonym'));
}

// Cities: the largest of each name, so "London" is the British one; a stoplist drops names that are common words.
const cityOf = new Map<string, { country: string; pop: number }>();
for (const r of csv('cities/cities15000.csv')) {
  const pop = Number(r.Population);
  const cc = r['Country Code']!;
  population.set(cc, (population.get(cc) ?? 0) + pop);
  for (const name of new Set([r.Name!, r['ASCII Name']!])) {
    const prev = cityOf.get(name.toLowerCase());
    if (!prev || prev.pop < pop) cityOf.set(name.toLowerCase(), { country: cc, pop });
  }
}
const countryWords = new Set([...entries.values()].map((e) => e.name.toLowerCase()));
const cityNames = new Map<string, string>();
for (const r of csv('cities/cities15000.csv')) for (const name of [r.Name!, r['ASCII Name']!]) cityNames.set(name.toLowerCase(), name);
for (const [key, city] of cityOf) {
  if (city.pop < MIN_CITY || key.length < 4 || CITY_STOPLIST.has(key) || countryWords.has(key)) continue;
  add(cityNames.get(key)!, city.country, 'city');
}

// Sea ports of UN/LOCODE, kept only where the name is also a town of 100,000+ in that country (a
// port called "Mobile" or "Bar" alone would match ordinary words).
for (const r of csv('un-locode/code-list.csv')) {
  if (r.function?.[0] !== '1') continue;
  const name = r.nameWoDiacritics || r.name!;
  const city = cityOf.get(name.toLowerCase());
  if (!city || city.country !== r.country || city.pop < MIN_PORT_CITY || name.length < 4 || CITY_STOPLIST.has(name.toLowerCase()) || countryWords.has(name.toLowerCase())) continue;
  add(r.name!, r.country!, 'port');
}

// Airports by their full name ("Jomo Kenyatta International Airport"), which is never an ordinary word.
for (const r of csv('airports/iata-icao.csv')) {
  const name = r.airport!;
  if (!/airport|aéroport|aeropuerto|aeroporto/i.test(name) || name.length < 10) continue;
  add(name, r.country_code!, 'airport');
  const short = name.replace(/ International/, '');
  if (short !== name) add(short, r.country_code!, 'airport');
}

for (const [country, kind, names] of EXTRA_NAMES) for (const n of names) add(n, country, kind);

const out: GazetteerFile = {
  note: 'Generated by build-gazetteer.ts from mledoze/countries (ODbL 1.0), GeoNames cities (CC BY 4.0), UN/LOCODE via geoapify (MIT) and ip2location IATA/ICAO (CC BY-SA 4.0); see GAZETTEER.md.',
  population: Object.fromEntries([...population].sort()),
  places: [...entries.values()].sort((a, b) => a.name.localeCompare(b.name) || a.country.localeCompare(b.country)).map((e) => [e.name, e.country, e.kind]),
};
const here = dirname(fileURLToPath(import.meta.url));
writeFileSync(join(here, 'gazetteer.json'), JSON.stringify(out));
console.log(`${out.places.length} names written`);
