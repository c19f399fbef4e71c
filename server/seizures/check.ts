import type { FieldError } from '../platform/http/problem.ts';
import type { ReferenceSets } from '../reference/index.ts';
import { findNominalText, type NominalWarning } from './nominal-text.ts';
import type { SeizureInput } from './schema.ts';

/** A seizure ready to store: the input with codes in their stored form, and the derived columns. */
export interface PreparedSeizure extends SeizureInput {
  region: string | null;
  rilo: string | null;
  categories: string[];
  hsPrefixes: string[];
  routeCountries: string[];
  departureCountry: string | null;
  destinationCountry: string | null;
  searchText: string;
}

/** A clock skew allowance: a seizure "now" from a device a little ahead is not in the future. */
const FUTURE_SLACK_MS = 10 * 60_000;
/** CEN holds records from its start in 2000; anything before 1990 is a typing error. */
const EARLIEST = Date.UTC(1990, 0, 1);

/**
 * Checks every coded field against the reference data and the rules that tie fields together
 * (a unit that fits the commodity, a date not in the future, a route with one departure and one
 * destination). Synchronous over the in-memory sets, so an import checks rows at full speed.
 * `path` prefixes field names: "body" for the API, "" for import rows.
 */
export function checkSeizure(input: SeizureInput, ref: ReferenceSets, path = 'body', now = Date.now()): { errors: FieldError[]; prepared: PreparedSeizure } {
  const errors: FieldError[] = [];
  const at = (f: string) => (path ? `${path}.${f}` : f);
  const fail = (f: string, message: string) => errors.push({ field: at(f), message });

  const seized = Date.parse(input.seizedAt);
  if (seized > now + FUTURE_SLACK_MS) fail('seizedAt', 'must not be in the future');
  else if (seized < EARLIEST) fail('seizedAt', 'must be in 1990 or later');

  if (!ref.countries.has(input.country)) fail('country', `${input.country} is not a known ISO 3166 country`);
  if (input.placeLocode) {
    if (!ref.locodes.has(input.placeLocode)) fail('placeLocode', `${input.placeLocode} is not a known UN/LOCODE`);
    else if (!input.placeLocode.startsWith(input.country)) fail('placeLocode', `${input.placeLocode} is not in ${input.country}`);
  }
  if (input.placeIata && !ref.airports.has(input.placeIata)) fail('placeIata', `${input.placeIata} is not a known IATA airport code`);
  if ((input.lat == null) !== (input.lng == null)) fail(input.lat == null ? 'lat' : 'lng', 'latitude and longitude go together');

  input.detectionMethods.forEach((m, i) => ref.detectionMethods.has(m) || fail(`detectionMethods.${i}`, `${m} is not a known detection method`));
  input.concealmentMethods.forEach((m, i) => ref.concealmentMethods.has(m) || fail(`concealmentMethods.${i}`, `${m} is not a known concealment method`));

  const lines = input.commodities.map((line, i) => {
    const f = (x: string) => `commodities.${i}.${x}`;
    const category = line.category;
    let subcategory = line.subcategory ?? null;
    if (subcategory && !subcategory.includes('.')) subcategory = `${category}.${subcategory}`;
    const catUnits = ref.categories.get(category);
    if (!catUnits) fail(f('category'), `${category} is not a known commodity category`);
    const subUnits = subcategory ? ref.subcategories.get(subcategory) : undefined;
    if (subcategory && (!subUnits || !subcategory.startsWith(`${category}.`))) fail(f('subcategory'), `${subcategory} is not a subcategory of ${category}`);
    const units = subUnits ?? catUnits;
    if (units && !units.includes(line.unit)) fail(f('unit'), `${line.unit} does not fit ${subcategory ?? category}; use one of: ${units.join(', ')}`);
    if (line.hsCode && !ref.hsCodes.has(line.hsCode)) fail(f('hsCode'), `${line.hsCode} is not an HS 2022 chapter, heading or subheading`);
    if (line.currency && !ref.currencies.has(line.currency)) fail(f('currency'), `${line.currency} is not a known ISO 4217 currency`);
    if (line.value != null && !line.currency) fail(f('currency'), 'is required with a value');
    // A kilogram-type quantity beyond 100,000 t, or a piece count beyond a billion, is a typing error.
    if ((line.unit === 'kg' || line.unit === 'l') && line.quantity > 1e8) fail(f('quantity'), 'is not plausible (over 100,000 tonnes)');
    if (line.unit === 'g' && line.quantity > 1e11) fail(f('quantity'), 'is not plausible');
    return { ...line, subcategory };
  });

  input.route.forEach((leg, i) => {
    const f = (x: string) => `route.${i}.${x}`;
    if (!ref.countries.has(leg.country)) fail(f('country'), `${leg.country} is not a known ISO 3166 country`);
    if (leg.placeLocode && !ref.locodes.has(leg.placeLocode)) fail(f('placeLocode'), `${leg.placeLocode} is not a known UN/LOCODE`);
    if (leg.placeIata && !ref.airports.has(leg.placeIata)) fail(f('placeIata'), `${leg.placeIata} is not a known IATA airport code`);
    if (leg.date && Date.parse(leg.date) > now + 86_400_000) fail(f('date'), 'must not be in the future');
  });
  const roles = input.route.map((l) => l.role);
  if (roles.filter((r) => r === 'departure').length > 1) fail('route', 'has more than one departure');
  if (roles.filter((r) => r === 'destination').length > 1) fail('route', 'has more than one destination');
  if (roles.indexOf('departure') > 0) fail('route', 'the departure must be the first leg');
  if (roles.includes('destination') && roles.indexOf('destination') !== roles.length - 1) fail('route', 'the destination must be the last leg');
  input.offenders.forEach((o, i) => o.nationality && !ref.countries.has(o.nationality) && fail(`offenders.${i}.nationality`, `${o.nationality} is not a known ISO 3166 country`));

  const hsPrefixes = new Set<string>();
  for (const l of lines) if (l.hsCode) for (const n of [2, 4, 6]) if (l.hsCode.length >= n) hsPrefixes.add(l.hsCode.slice(0, n));
  const departure = input.route.find((l) => l.role === 'departure')?.country ?? null;
  const destination = input.route.find((l) => l.role === 'destination')?.country ?? null;
  const prepared: PreparedSeizure = {
    ...input,
    commodities: lines,
    region: ref.regionOf.get(input.country) ?? null,
    rilo: ref.riloOf.get(input.country) ?? null,
    categories: [...new Set(lines.map((l) => l.category))],
    hsPrefixes: [...hsPrefixes],
    routeCountries: [...new Set(input.route.map((l) => l.country))],
    departureCountry: departure,
    destinationCountry: destination,
    searchText: [
      input.narrative,
      input.concealmentDetail,
      input.placeText,
      input.placeLocode,
      input.placeIata,
      ...lines.flatMap((l) => [l.description, l.citesSpecies, l.subcategory?.split('.')[1]]),
      ...input.route.flatMap((l) => [l.placeText, l.placeLocode, l.placeIata]),
    ]
      .filter(Boolean)
      .join(' ')
      .slice(0, 20_000),
  };
  return { errors, prepared };
}

/** Free-text fields that may not carry personal data, with what looks like it. */
export function nominalWarnings(input: SeizureInput): NominalWarning[] {
  return [
    ...findNominalText('narrative', input.narrative),
    ...findNominalText('concealmentDetail', input.concealmentDetail),
    ...findNominalText('placeText', input.placeText),
    ...input.commodities.flatMap((l, i) => [...findNominalText(`commodities.${i}.description`, l.description), ...findNominalText(`commodities.${i}.citesSpecies`, l.citesSpecies)]),
    ...input.route.flatMap((l, i) => findNominalText(`route.${i}.placeText`, l.placeText)),
  ];
}
