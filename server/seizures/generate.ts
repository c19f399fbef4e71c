import type { Database, Db } from '../platform/db/database.ts';
import { rngOf, type Rng } from '../platform/seeded-random.ts';
import { referenceSets, type ReferenceSets } from '../reference/index.ts';
import { checkSeizure, type PreparedSeizure } from './check.ts';
import {
  CHANNELS,
  CITES,
  CONVEYANCE_TEXT,
  DETECTION_TEXT,
  EURO,
  PATTERNS,
  PLACES,
  QUANTITIES,
  SEASON,
  VALUE_PER_UNIT,
  type Channel,
  type Pattern,
  type Quantity,
  type Weighted,
} from './generate-data.ts';
import type { SeizureInput } from './schema.ts';
import { insertSeizures, type NewSeizure } from './store.ts';

/**
 * Realistic synthetic seizures for the demo and the benchmarks: trafficking patterns per commodity
 * (cocaine from the Andes through Panama or west Africa to Europe, heroin along the Balkan route,
 * captagon from Syria to the Gulf, ivory and pangolin scales from Africa to Asia…), seasonality,
 * growth over ten years, quantities and units that fit the commodity, detection and concealment that
 * fit the means of transport, places that exist in the reference data. The same seed and clock give
 * the same records. Every record goes through checkSeizure, so it is valid by construction.
 */

export type Status = NonNullable<NewSeizure['status']>;

export interface GeneratedSeizure {
  input: SeizureInput;
  /** The reporting administration's country (the seizing country). */
  country: string;
  status: Status;
}

export interface GeneratorOptions {
  seed?: number;
  /** Countries with a reporting administration; seizures are made only in these. Default: every country of the patterns. */
  countries?: Iterable<string>;
  /** The clock: seizures span the ten years before it. */
  now?: number;
  years?: number;
  /** Shares of each status; default 97 % validated, 2 % submitted, 1 % draft. */
  statuses?: Weighted<Status>;
  /** Makes external references `${prefix}${n}` (so that a second run with the same prefix adds nothing). */
  externalRefPrefix?: string;
}


/** A picker over [value, weight] pairs (cumulative weights, binary search). */
function picker<T>(entries: Weighted<T>): (r: Rng) => T {
  const values = entries.map(([v]) => v);
  const cum: number[] = [];
  let total = 0;
  for (const [, w] of entries) cum.push((total += w));
  return (r) => {
    const x = r() * total;
    let lo = 0;
    let hi = cum.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (cum[mid] > x) hi = mid;
      else lo = mid + 1;
    }
    return values[lo];
  };
}

const pick = <T>(r: Rng, xs: readonly T[]): T => xs[Math.floor(r() * xs.length)];
const between = (r: Rng, lo: number, hi: number) => lo + r() * (hi - lo);
/** A standard normal draw (Box–Muller). */
const normal = (r: Rng) => Math.sqrt(-2 * Math.log(1 - r())) * Math.cos(2 * Math.PI * r());
const DAY = 86_400_000;
const YEAR = 365.25 * DAY;

const nameOf = (sub: string) => {
  const s = sub.split('.')[1].replace(/_/g, ' ').toLowerCase();
  return s.charAt(0).toUpperCase() + s.slice(1);
};

interface CompiledPattern {
  p: Pattern;
  line: (r: Rng) => string;
  companion: ((r: Rng) => string) | null;
  origin: (r: Rng) => string;
  destination: (r: Rng) => string;
  channel: (r: Rng) => Channel;
}

interface CompiledChannel {
  detection: (r: Rng) => string;
  concealment: (r: Rng) => string;
}

/** Places of a country that exist in the reference data. */
type PlaceSet = { sea: string[]; air: string[]; land: string[] };

/**
 * Builds a generator over the reference sets. Pure computation: call `next()` for each record.
 * `ref` decides which codes exist (a place missing from the reference data is left out).
 */
export function seizureGenerator(ref: ReferenceSets, opts: GeneratorOptions = {}) {
  const r = rngOf(opts.seed ?? 1);
  const now = opts.now ?? Date.now();
  const years = opts.years ?? 10;
  const start = now - years * YEAR;
  const allowed = opts.countries ? new Set([...opts.countries].filter((c) => ref.countries.has(c))) : null;
  if (allowed && allowed.size === 0) throw new Error('seizure generator: none of the given countries is known');
  const allowedList = allowed ? [...allowed].sort() : [];
  const status = picker<Status>(opts.statuses ?? [['validated', 97], ['submitted', 2], ['draft', 1]]);

  const places = new Map<string, PlaceSet>();
  const placesOf = (country: string): PlaceSet => {
    let p = places.get(country);
    if (!p) {
      const raw = PLACES[country] ?? {};
      p = {
        sea: (raw.sea ?? []).filter((c) => ref.locodes.has(c)),
        air: (raw.air ?? []).filter((c) => ref.airports.has(c)),
        land: (raw.land ?? []).filter((c) => ref.locodes.has(c)),
      };
      places.set(country, p);
    }
    return p;
  };

  const known = (entries: Weighted<string>) => entries.filter(([c]) => ref.countries.has(c));
  const patterns: CompiledPattern[] = PATTERNS.map((p) => ({
    p,
    line: picker(p.lines),
    companion: p.companions ? picker(p.companions) : null,
    origin: picker(known(p.origins)),
    destination: picker(known(p.destinations)),
    channel: picker(p.channels),
  }));
  const channels = Object.fromEntries(
    Object.entries(CHANNELS).map(([k, c]) => [
      k,
      { detection: picker(c.detection.filter(([m]) => ref.detectionMethods.has(m))), concealment: picker(c.concealment.filter(([m]) => ref.concealmentMethods.has(m))) },
    ]),
  ) as Record<Channel, CompiledChannel>;

  const season = Math.max(...SEASON);
  const patternOf = picker(patterns.map((c) => [c, c.p.weight] as const));

  /** A time in the window, denser in later years (the pattern's growth) and in the busy months. */
  function timeFor(p: Pattern): number {
    for (;;) {
      const t = between(r, start, now - 3_600_000);
      // The pattern's growth (or decline) year on year, scaled to at most 1, times the month's weight.
      const g = p.growth ** ((t - start) / YEAR) / Math.max(1, p.growth ** years);
      const s = SEASON[new Date(t).getUTCMonth()] / season;
      if (r() < g * s) return Math.floor(t / 60_000) * 60_000;
    }
  }

  function quantity(sub: string, channel: Channel): { q: Quantity; value: number } {
    const category = sub.split('.')[0];
    const units = ref.subcategories.get(sub) ?? ref.categories.get(category) ?? [];
    const options = (QUANTITIES[sub] ?? []).filter((q) => units.includes(q.unit));
    // Grams when a passenger or a parcel carries little of a drug measured in kilograms.
    let q: Quantity = options.length ? options[0] : { unit: units[0] as Quantity['unit'], median: 10, sigma: 1.2 };
    if (options.length > 1 && r() < 0.3) q = options[1 + Math.floor(r() * (options.length - 1))];
    const small = channel === 'postal' || channel === 'express' || channel === 'air_passenger';
    if (q.unit === 'kg' && small && units.includes('g') && r() < 0.5) q = { unit: 'g', median: q.median * 1000 * CHANNELS[channel].scale, sigma: 0.9 };
    const scale = q.unit === 'g' ? 1 : CHANNELS[channel].scale ** (q.whole ? 0.6 : 0.8);
    let v = q.median * scale * Math.exp(q.sigma * normal(r));
    v = q.whole ? Math.max(1, Math.round(v)) : Math.max(0.001, Math.round(v * 1000) / 1000);
    if (q.unit === 'kg' || q.unit === 'l') v = Math.min(v, 5e7);
    if (v >= 100 && !q.whole) v = Math.round(v * 10) / 10;
    return { q, value: v };
  }

  function line(sub: string, channel: Channel, country: string): SeizureInput['commodities'][number] {
    const [category] = sub.split('.');
    const { q, value: quantityValue } = quantity(sub, channel);
    const hs = HS_OF.get(sub);
    const out: SeizureInput['commodities'][number] = {
      category,
      subcategory: sub,
      hsCode: hs && ref.hsCodes.has(hs) ? hs : null,
      description: nameOf(sub),
      quantity: quantityValue,
      unit: q.unit,
      value: null,
      currency: null,
      citesSpecies: CITES[sub] ? pick(r, CITES[sub]) : null,
    };
    const price = VALUE_PER_UNIT[sub];
    if (price && r() < 0.6) {
      const perUnit = q.unit === 'g' ? price / 1000 : q.unit === 'cartons' ? price * 200 : price;
      const currency = EURO.has(country) ? 'EUR' : 'USD';
      if (ref.currencies.has(currency)) {
        out.value = Math.round(quantityValue * perUnit * between(r, 0.6, 1.4));
        out.currency = currency;
      }
    }
    if (sub === 'CASH.UNDECLARED_CASH') {
      const currency = pick(r, ['EUR', 'USD', 'USD', 'GBP', 'AED', 'CHF']);
      if (ref.currencies.has(currency)) {
        out.value = quantityValue;
        out.currency = currency;
        out.description = `Undeclared cash (${currency})`;
      }
    }
    return out;
  }

  /** Where in the country: a port, an airport or a border crossing that fits the channel. */
  function place(country: string, channel: Channel): { locode: string | null; iata: string | null; text: string | null } {
    const kind = CHANNELS[channel].place;
    const ps = placesOf(country);
    if (kind === 'sea' && ps.sea.length) return { locode: pick(r, ps.sea), iata: null, text: null };
    if (kind === 'air' && ps.air.length) return { locode: null, iata: pick(r, ps.air), text: null };
    if (kind === 'land' && ps.land.length) return { locode: pick(r, ps.land), iata: null, text: null };
    if (kind === 'land') return { locode: null, iata: null, text: 'Road border crossing' };
    if (channel === 'postal') return { locode: null, iata: null, text: 'International mail processing centre' };
    return { locode: null, iata: null, text: null };
  }

  const isoDate = (ms: number) => new Date(ms).toISOString().slice(0, 10);
  const age = picker<NonNullable<SeizureInput['offenders'][number]['ageBand']>>([['18_25', 22], ['26_35', 35], ['36_45', 24], ['46_55', 11], ['56_plus', 4], ['under_18', 1], ['unknown', 3]]);
  const gender = picker<SeizureInput['offenders'][number]['gender']>([['male', 82], ['female', 15], ['unknown', 3]]);
  const lineCount = picker([[1, 26], [2, 38], [3, 21], [4, 15]] as const);

  let n = 0;
  function next(): GeneratedSeizure {
    n++;
    const cp = patternOf(r);
    const p = cp.p;
    let channel = cp.channel(r);
    const origin = cp.origin(r);
    let destination = cp.destination(r);
    for (let i = 0; destination === origin && i < 5; i++) destination = cp.destination(r);
    const transits: string[] = [];
    const nTransit = r() < 0.45 ? 0 : r() < 0.75 ? 1 : 2;
    for (let i = 0; i < nTransit; i++) {
      const t = pick(r, p.transits);
      if (ref.countries.has(t) && t !== origin && t !== destination && !transits.includes(t)) transits.push(t);
    }
    // Where it was seized: at destination mostly, sometimes in transit or on departure.
    const [atDest, atTransit] = p.seizedAt ?? [0.72, 0.18, 0.1];
    const x = r();
    let country = x < atDest ? destination : x < atDest + atTransit && transits.length ? pick(r, transits) : x < atDest + atTransit ? destination : origin;
    let route = [origin, ...transits, destination];
    if (allowed && !allowed.has(country)) {
      const inRoute = route.filter((c) => allowed.has(c));
      if (inRoute.length) country = pick(r, inRoute);
      else {
        // No administration on this route: the seizure is reported where the goods were bound.
        country = pick(r, allowedList);
        route = [origin, ...transits.filter((c) => c !== country), country].filter((c, i, a) => a.indexOf(c) === i);
        if (route[0] === country) route = [country];
      }
    }
    // Seized where it ended: the route stops at the seizure unless seized in transit towards elsewhere.
    const ci = route.indexOf(country);
    const direction: SeizureInput['direction'] = route.length < 2 ? 'domestic' : ci === 0 ? 'export' : ci === route.length - 1 ? 'import' : 'transit';
    if (direction === 'domestic' && CHANNELS[channel].place === 'sea' && !placesOf(country).sea.length) channel = 'inland';
    if (channel !== 'inland' && CHANNELS[channel].place === 'sea' && !placesOf(country).sea.length) channel = placesOf(country).air.length ? 'air_cargo' : 'road_truck';
    const ch = CHANNELS[channel];

    const at = timeFor(p);
    const seizedAt = new Date(at).toISOString();
    const legs: SeizureInput['route'] = [];
    if (route.length >= 2) {
      const days = between(r, ch.transitDays[0], ch.transitDays[1]);
      route.forEach((c, i) => {
        const role = i === 0 ? 'departure' : i === route.length - 1 ? 'destination' : 'transit';
        const pl = c === country ? place(c, channel) : ch.place === 'land' ? { locode: null, iata: null, text: null } : place(c, channel);
        const legAt = Math.min(at, at - days * DAY * (1 - i / (route.length - 1)));
        legs.push({ role, country: c, placeLocode: pl.locode, placeIata: pl.iata, placeText: null, date: i <= ci || r() < 0.5 ? isoDate(legAt) : null });
      });
    }

    // Commodity lines: the pattern's main commodity, then companions or more of the pattern.
    const lines: SeizureInput['commodities'] = [];
    const seen = new Set<string>();
    const count = lineCount(r);
    for (let i = 0; i < count; i++) {
      const sub = i === 0 ? cp.line(r) : cp.companion && r() < 0.6 ? cp.companion(r) : cp.line(r);
      if (seen.has(sub) && i > 0) continue;
      seen.add(sub);
      lines.push(line(sub, channel, country));
    }

    const detection = [channels[channel].detection(r)];
    if (r() < 0.35) {
      const d = channels[channel].detection(r);
      if (d !== detection[0]) detection.push(d);
    }
    const concealment = [channels[channel].concealment(r)];
    if (r() < 0.15) {
      const c = channels[channel].concealment(r);
      if (c !== concealment[0]) concealment.push(c);
    }

    const offenders: SeizureInput['offenders'] = [];
    if (r() < ch.offenders) {
      const groups = r() < 0.7 ? 1 : 2;
      for (let i = 0; i < groups; i++)
        offenders.push({ nationality: r() < 0.5 ? country : r() < 0.7 ? origin : null, gender: gender(r), ageBand: age(r), count: r() < 0.75 ? 1 : 2 + Math.floor(r() * 4) });
    }

    const pl = place(country, channel);
    const from = route.length >= 2 ? ` from ${route[0]}` : '';
    const narrative = `${CONVEYANCE_TEXT[channel]}${from} ${DETECTION_TEXT[detection[0]] ?? 'checked'}. ${lines.map((l) => (l.description ?? '').toLowerCase()).join(', ')} found.`;

    return {
      country,
      status: status(r),
      input: {
        seizedAt,
        country,
        placeLocode: pl.locode,
        placeIata: pl.iata,
        placeText: pl.text,
        lat: null,
        lng: null,
        locationType: ch.locationType,
        direction,
        detectionMethods: detection,
        concealmentMethods: concealment,
        concealmentDetail: null,
        transportMode: ch.mode,
        conveyanceType: pick(r, ch.conveyance),
        route: legs,
        commodities: lines,
        offenders,
        narrative,
        externalRef: opts.externalRefPrefix ? `${opts.externalRefPrefix}${n}` : null,
      },
    };
  }
  return { next };
}

/** HS codes of the taxonomy's subcategories (as in commodities.json). */
const HS_OF = new Map<string, string>(
  Object.entries({
    'DRUGS.COCAINE': '293972', 'DRUGS.COCA_LEAF': '121190', 'DRUGS.HEROIN': '293911', 'DRUGS.OPIUM': '130211', 'DRUGS.MORPHINE': '293911',
    'DRUGS.CANNABIS_HERB': '121190', 'DRUGS.CANNABIS_RESIN': '130190', 'DRUGS.CANNABIS_OIL': '130219', 'DRUGS.CANNABIS_PLANTS': '060290',
    'DRUGS.METHAMPHETAMINE': '293945', 'DRUGS.AMPHETAMINE': '292146', 'DRUGS.CAPTAGON': '293959', 'DRUGS.MDMA': '293299', 'DRUGS.FENTANYL': '293333',
    'DRUGS.TRAMADOL': '300490', 'DRUGS.KETAMINE': '292239', 'DRUGS.LSD': '293969', 'DRUGS.KHAT': '121190', 'DRUGS.PSYCHOTROPIC_MEDICINES': '300490',
    'DRUGS.EPHEDRINE': '293941', 'DRUGS.P2P': '291431',
    'TOBACCO.CIGARETTES': '240220', 'TOBACCO.CIGARS': '240210', 'TOBACCO.WATERPIPE_TOBACCO': '240311', 'TOBACCO.CUT_TOBACCO': '240319',
    'TOBACCO.RAW_TOBACCO': '240110', 'TOBACCO.HEATED_TOBACCO': '240411', 'TOBACCO.E_CIGARETTES': '854340',
    'ALCOHOL.SPIRITS': '220890', 'ALCOHOL.WINE': '220421', 'ALCOHOL.BEER': '220300', 'ALCOHOL.ETHANOL': '220710',
    'IPR.MEDICINES': '300490', 'IPR.MEDICAL_DEVICES': '901890', 'IPR.CLOTHING': '610910', 'IPR.FOOTWEAR': '640399', 'IPR.WATCHES_JEWELLERY': '910211',
    'IPR.ELECTRONICS': '851713', 'IPR.AUTO_PARTS': '870899', 'IPR.TOYS': '950300', 'IPR.COSMETICS': '330499', 'IPR.FOODSTUFFS': '210690', 'IPR.PESTICIDES': '380891',
    'ENVIRONMENT.IVORY': '050710', 'ENVIRONMENT.RHINO_HORN': '050790', 'ENVIRONMENT.PANGOLIN': '050790', 'ENVIRONMENT.LIVE_REPTILES': '010620',
    'ENVIRONMENT.LIVE_BIRDS': '010639', 'ENVIRONMENT.SKINS_TROPHIES': '430180', 'ENVIRONMENT.TIMBER': '440349', 'ENVIRONMENT.GLASS_EELS': '030192',
    'ENVIRONMENT.MARINE_SPECIES': '030392', 'ENVIRONMENT.PLANTS': '060290', 'ENVIRONMENT.OZONE_DEPLETING': '290371', 'ENVIRONMENT.HAZARDOUS_WASTE': '854911',
    'CULTURAL_HERITAGE.ARCHAEOLOGICAL': '970610', 'CULTURAL_HERITAGE.PAINTINGS': '970191', 'CULTURAL_HERITAGE.SCULPTURES': '970310',
    'CULTURAL_HERITAGE.COINS': '970531', 'CULTURAL_HERITAGE.MANUSCRIPTS': '490199', 'CULTURAL_HERITAGE.RELIGIOUS_ETHNOGRAPHIC': '970690',
    'WEAPONS.HANDGUNS': '930200', 'WEAPONS.RIFLES': '930330', 'WEAPONS.SHOTGUNS': '930320', 'WEAPONS.MILITARY_WEAPONS': '930190', 'WEAPONS.PARTS': '930599',
    'WEAPONS.AMMUNITION': '930630', 'WEAPONS.AIR_GUNS': '930400', 'WEAPONS.BLADED_WEAPONS': '930700',
    'EXPLOSIVES.COMMERCIAL_EXPLOSIVES': '360200', 'EXPLOSIVES.DETONATORS': '360340', 'EXPLOSIVES.FIREWORKS': '360410', 'EXPLOSIVES.ACETIC_ANHYDRIDE': '291524',
    'EXPLOSIVES.ACETONE': '291411', 'EXPLOSIVES.ALUMINIUM_POWDER': '760310', 'EXPLOSIVES.AMMONIUM_NITRATE': '310230', 'EXPLOSIVES.CALCIUM_AMMONIUM_NITRATE': '310240',
    'EXPLOSIVES.HYDROGEN_PEROXIDE': '284700', 'EXPLOSIVES.NITRIC_ACID': '280800', 'EXPLOSIVES.NITROMETHANE': '290420', 'EXPLOSIVES.POTASSIUM_CHLORATE': '282919',
    'EXPLOSIVES.POTASSIUM_NITRATE': '283421', 'EXPLOSIVES.POTASSIUM_PERCHLORATE': '282990', 'EXPLOSIVES.SODIUM_CHLORATE': '282911', 'EXPLOSIVES.SODIUM_NITRATE': '310250',
    'EXPLOSIVES.UREA': '310210',
    'CASH.UNDECLARED_CASH': '490700', 'CASH.COUNTERFEIT_CURRENCY': '490700', 'CASH.GOLD': '710812', 'CASH.PRECIOUS_STONES': '710210',
    'REVENUE.FUEL': '271019', 'REVENUE.FOODSTUFFS': '170199', 'REVENUE.TEXTILES': '610910', 'REVENUE.VEHICLES': '870323', 'REVENUE.ELECTRONICS': '851713',
  }),
);

export interface GenerateOptions extends GeneratorOptions {
  count: number;
  /** The reporting administration of each country (seizures are made only in these countries). */
  orgIdsByCountry: Map<string, string> | Record<string, string>;
  /** The user recorded as creator (null: none). */
  userId?: string | null;
  batch?: number;
  /** Batches inserted at once (PostgreSQL: on separate connections; 1 inside a transaction). */
  concurrency?: number;
  /** Check every record with checkSeizure (1, the default), or one in N and derive the others (bulk loads). */
  checkEvery?: number;
  /** Insert into this transaction instead of one per batch (pass `ref` too: PGlite cannot read outside an open transaction). */
  tx?: Db;
  ref?: ReferenceSets;
  onProgress?: (done: number) => void;
}

export interface GenerateResult {
  inserted: number;
  skipped: number;
  ids: string[];
  /** Only when `keepInputs`: what was inserted, in order. */
  rows?: { id: string; orgId: string; status: Status; prepared: PreparedSeizure }[];
}

/**
 * The derived columns of a generated record, as checkSeizure computes them, without the checks (the
 * benchmark's load checks a sample; the test holds both to the same result).
 */
export function derive(input: SeizureInput, ref: ReferenceSets): PreparedSeizure {
  const hs = new Set<string>();
  const categories: string[] = [];
  const text: string[] = [];
  if (input.narrative) text.push(input.narrative);
  if (input.concealmentDetail) text.push(input.concealmentDetail);
  if (input.placeText) text.push(input.placeText);
  if (input.placeLocode) text.push(input.placeLocode);
  if (input.placeIata) text.push(input.placeIata);
  for (const l of input.commodities) {
    if (!categories.includes(l.category)) categories.push(l.category);
    if (l.hsCode) for (const n of [2, 4, 6]) if (l.hsCode.length >= n) hs.add(l.hsCode.slice(0, n));
    if (l.description) text.push(l.description);
    if (l.citesSpecies) text.push(l.citesSpecies);
    const sub = l.subcategory?.split('.')[1];
    if (sub) text.push(sub);
  }
  const countries: string[] = [];
  let departure: string | null = null;
  let destination: string | null = null;
  for (const l of input.route) {
    if (!countries.includes(l.country)) countries.push(l.country);
    if (l.role === 'departure' && departure === null) departure = l.country;
    if (l.role === 'destination' && destination === null) destination = l.country;
    if (l.placeText) text.push(l.placeText);
    if (l.placeLocode) text.push(l.placeLocode);
    if (l.placeIata) text.push(l.placeIata);
  }
  return {
    ...input,
    region: ref.regionOf.get(input.country) ?? null,
    rilo: ref.riloOf.get(input.country) ?? null,
    categories,
    hsPrefixes: [...hs],
    routeCountries: countries,
    departureCountry: departure,
    destinationCountry: destination,
    searchText: text.join(' ').slice(0, 20_000),
  };
}

/** Generates and prepares (checkSeizure) one record; throws if the generator made an invalid one. */
export function prepareGenerated(g: GeneratedSeizure, ref: ReferenceSets, now: number): PreparedSeizure {
  const { errors, prepared } = checkSeizure(g.input, ref, '', now);
  if (errors.length) throw new Error(`generated seizure is invalid: ${errors.map((e) => `${e.field}: ${e.message}`).join('; ')}`);
  return prepared;
}

/**
 * Generates `count` seizures and inserts them in batches through insertSeizures (three statements a
 * batch). Batches run `concurrency` at a time (each in its own transaction) unless `tx` is given.
 */
export async function generateSeizures(database: Database, opts: GenerateOptions & { keepInputs?: boolean }): Promise<GenerateResult> {
  const ref = opts.ref ?? (await referenceSets(database));
  const orgs = opts.orgIdsByCountry instanceof Map ? opts.orgIdsByCountry : new Map(Object.entries(opts.orgIdsByCountry));
  const now = opts.now ?? Date.now();
  const gen = seizureGenerator(ref, { ...opts, now, countries: orgs.keys() });
  const batch = opts.batch ?? 2_000;
  const checkEvery = Math.max(1, opts.checkEvery ?? 1);
  const concurrency = opts.tx ? 1 : Math.max(1, opts.concurrency ?? 1);
  const out: GenerateResult = { inserted: 0, skipped: 0, ids: [], rows: opts.keepInputs ? [] : undefined };
  const inFlight = new Set<Promise<void>>();
  let done = 0;

  const run = async (rows: NewSeizure[]) => {
    const insert = (t: Db) => insertSeizures(t, rows);
    const res = opts.tx ? await insert(opts.tx) : await database.db.transaction((t) => insert(t));
    out.inserted += res.ids.length;
    out.skipped += res.skipped;
    if (opts.keepInputs || opts.count <= 100_000) out.ids.push(...res.ids);
    done += rows.length;
    opts.onProgress?.(done);
  };

  for (let i = 0; i < opts.count; ) {
    const rows: NewSeizure[] = [];
    const size = Math.min(batch, opts.count - i);
    for (let k = 0; k < size; k++, i++) {
      const g = gen.next();
      const orgId = orgs.get(g.country)!;
      const prepared = (i % checkEvery === 0) ? prepareGenerated(g, ref, now) : derive(g.input, ref);
      rows.push({ prepared, orgId, userId: opts.userId ?? null, status: g.status, provenance: 'entered' });
    }
    if (opts.keepInputs) {
      const p = run(rows).then(() => undefined);
      // ids come back in input order for a fresh insert; keep pairs after the batch.
      await p;
      const ids = out.ids.slice(-rows.length);
      rows.forEach((row, k) => out.rows!.push({ id: ids[k], orgId: row.orgId, status: row.status!, prepared: row.prepared }));
      continue;
    }
    const p = run(rows).finally(() => inFlight.delete(p));
    inFlight.add(p);
    if (inFlight.size >= concurrency) await Promise.race(inFlight);
  }
  await Promise.all(inFlight);
  return out;
}
