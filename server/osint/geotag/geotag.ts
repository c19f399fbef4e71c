import type { PlaceKind } from './gazetteer-file.ts';
import { sharedGazetteer, type Gazetteer, type Place } from './gazetteer.ts';
import { isPlace, type MatchContext } from './homographs.ts';
import { fold } from './text-fold.ts';

export interface GeotagInput {
  title: string;
  text: string;
  /** ISO 639-1 language of the item, if known: French demonyms are lower case ("la douane marocaine"). */
  language?: string;
}

export interface TaggedPlace {
  name: string;
  country: string;
  /** Offsets in the field the name was found in (UTF-16 units, end exclusive). */
  start: number;
  end: number;
  field: 'title' | 'text';
}

export interface GeotagResult {
  /** ISO 3166-1 alpha-2, the most mentioned first. */
  countries: string[];
  focus: string | null;
  places: TaggedPlace[];
}

interface Mention extends TaggedPlace {
  kind: PlaceKind;
  candidates: Place[];
}

/** A name said in the title counts this many times; a demonym ("Moroccan") less than a name. */
const TITLE_WEIGHT = 3;
const KIND_WEIGHT: Partial<Record<PlaceKind, number>> = { demonym: 0.6, airport: 1, region: 1 };
/** When a name belongs to several countries and nothing else in the item settles it, the country itself wins over a city, then the larger country. */
const KIND_RANK: Record<PlaceKind, number> = { country: 0, abbreviation: 0, demonym: 1, capital: 1, city: 2, port: 2, airport: 3, region: 4, 'not-a-country': 9 };
/** Origin and transit ("from Colombia", "en provenance d'Équateur") are part of the story, rarely its focus. */
const ORIGIN_BEFORE = /(?:\bfrom|\bvia|\borigin(?:ating)? in|\bprovenance d[eu']?|\bprovenance de la|\bdepuis(?: le| la)?|\bvenant d[eu']?|\bvenu(?:e|s)? d[eu']?|\bexpédiée?s? d[eu']?|\bbound for|\bdestined for|\bdestination d[eu']?|\bà destination de la|\bdestination des|\bdestin[ée]e?s? (?:à|aux?|en|pour)|\bà destination d[eu']?|\bheaded for|\bheading (?:to|for)|\bse dirigeait vers|\binto|\bvers(?: la| le| les)?|\ben partance pour|\ben route (?:to|for))\s*(?:the\s+)?$/i;
const ORIGIN_FACTOR = 0.5;

const LATIN_UPPER_START = /^\p{Lu}/u;

/** The countries a news item is about, its focus country and the names found, with their offsets. */
export function geotag(input: GeotagInput, gazetteer: Gazetteer = sharedGazetteer()): GeotagResult {
  const people = new Set<string>();
  const mentions: Mention[] = [];
  // The text first: a "Michael Jordan" there tells what a "Jordan" of a Title Case title is; the title's names still count first.
  const inText = findMentions(input.text ?? '', 'text', input.language, gazetteer, people);
  mentions.push(...findMentions(input.title ?? '', 'title', input.language, gazetteer, people), ...inText);
  const evidence = new Set(mentions.filter((m) => new Set(m.candidates.map((c) => c.country)).size === 1).map((m) => m.candidates[0]!.country));
  const score = new Map<string, number>();
  const places: TaggedPlace[] = [];
  mentions.forEach((m, order) => {
    const place = resolve(m.candidates, evidence, gazetteer.population);
    const s = input[m.field];
    const origin = ORIGIN_BEFORE.test(s.slice(Math.max(0, m.start - 30), m.start)) ? ORIGIN_FACTOR : 1;
    const w = (KIND_WEIGHT[place.kind] ?? 1) * (m.field === 'title' ? TITLE_WEIGHT : 1) * origin;
    // A tiny share of the order breaks ties in favour of the first country named.
    score.set(place.country, (score.get(place.country) ?? 0) + w - order * 1e-6);
    places.push({ name: m.name, country: place.country, start: m.start, end: m.end, field: m.field });
  });
  const countries = [...score.entries()].sort((a, b) => b[1] - a[1]).map(([c]) => c);
  return { countries, focus: countries[0] ?? null, places };
}

function resolve(candidates: Place[], evidence: Set<string>, population: Record<string, number>): Place {
  if (candidates.length === 1) return candidates[0]!;
  return [...candidates].sort(
    (a, b) => Number(evidence.has(b.country)) - Number(evidence.has(a.country)) || KIND_RANK[a.kind] - KIND_RANK[b.kind] || (population[b.country] ?? 0) - (population[a.country] ?? 0),
  )[0]!;
}

function findMentions(s: string, field: 'title' | 'text', language: string | undefined, gazetteer: Gazetteer, people: Set<string>): Mention[] {
  const folded = fold(s);
  const shouting = isShouting(s);
  const titleCase = field === 'title' && isTitleCase(s);
  const out: Mention[] = [];
  let skipUntil = 0;
  for (const m of gazetteer.trie.scan(folded)) {
    const all = m.values.map((i) => gazetteer.places[i]!);
    if (all.some((p) => p.kind === 'not-a-country')) continue;
    const surface = s.slice(m.start, m.end);
    const candidates = all.filter((p) => caseFits(p, surface, shouting, language));
    if (!candidates.length) continue;
    const ctx: MatchContext = {
      key: folded.slice(m.start, m.end),
      surface,
      prev: wordBefore(s, m.start),
      prev2: wordBefore(s, m.start - wordBefore(s, m.start).length - 1),
      next: wordAfter(s, m.end),
      sentenceStart: /(^|[.!?:;"«»\n]\s*)$/.test(s.slice(Math.max(0, m.start - 3), m.start)),
      titleCase: titleCase || shouting,
      language,
      people,
    };
    if (m.start < skipUntil) continue;
    if (!isPlace(ctx)) {
      // The surname after a rejected given name is not a place either ("Jordan Henderson", not Henderson, Nevada).
      if (ctx.next && /^\p{Lu}/u.test(ctx.next)) skipUntil = m.end + 1 + ctx.next.length;
      continue;
    }
    out.push({ name: surface, country: candidates[0]!.country, start: m.start, end: m.end, field, kind: candidates[0]!.kind, candidates });
  }
  return out;
}

/** Case says which reading is meant: "US" not "us", "China" not "china"; French demonyms may be lower case. */
function caseFits(p: Place, surface: string, shouting: boolean, language: string | undefined): boolean {
  if (p.kind === 'abbreviation') return surface === p.name;
  if (!LATIN_UPPER_START.test(p.name) || !/^[A-Za-z\u00c0-\u024f]/.test(p.name)) return true;
  if (shouting || LATIN_UPPER_START.test(surface)) return true;
  return p.kind === 'demonym' && language !== 'en';
}

const wordBefore = (s: string, at: number) => /([\p{L}'’.-]+) $/u.exec(s.slice(Math.max(0, at - 30), Math.max(0, at)))?.[1]?.replace(/[.'’]+$/, '') ?? '';
const wordAfter = (s: string, at: number) => /^ ([\p{L}'’-]+)/u.exec(s.slice(at, at + 30))?.[1] ?? '';

function isShouting(s: string): boolean {
  const letters = s.replace(/[^\p{L}]/gu, '');
  return letters.length > 10 && letters.replace(/[^\p{Lu}]/gu, '').length / letters.length > 0.7;
}

function isTitleCase(s: string): boolean {
  const words = s.split(/\s+/).filter((w) => /^\p{L}{4,}/u.test(w));
  return words.length >= 3 && words.filter((w) => LATIN_UPPER_START.test(w)).length / words.length >= 0.9;
}
