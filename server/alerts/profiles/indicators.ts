import { sql, type SQL } from 'drizzle-orm';
import { textArray } from '../../platform/db/pg-array.ts';
import type { Indicators } from './schema.ts';

/**
 * A profile's indicators as SQL over a validated seizure `s` (the seizures module's `seizures_validated`
 * view): every indicator given must hold, any value within one. The same text serves the standing query
 * (profile columns `p.*`, every active profile against a batch of changed seizures in one statement) and
 * the back-test (one profile's values as constants, so that PostgreSQL picks the seizures' GIN indexes).
 */
export interface IndicatorSource {
  hs: SQL;
  countries: SQL;
  route: SQL;
  concealment: SQL;
  detection: SQL;
  modes: SQL;
  conveyances: SQL;
  places: SQL;
  minQuantity: SQL;
  unit: SQL;
  from: SQL;
  to: SQL;
}

export const PROFILE_COLUMNS: IndicatorSource = {
  hs: sql`p.hs_prefixes`,
  countries: sql`p.countries`,
  route: sql`p.route_countries`,
  concealment: sql`p.concealment_methods`,
  detection: sql`p.detection_methods`,
  modes: sql`p.transport_modes`,
  conveyances: sql`p.conveyance_types`,
  places: sql`p.places`,
  minQuantity: sql`p.min_quantity`,
  unit: sql`p.quantity_unit`,
  from: sql`p.period_from`,
  to: sql`p.period_to`,
};

export function literalSource(i: Indicators): IndicatorSource {
  return {
    hs: textArray(i.hsPrefixes),
    countries: textArray(i.countries),
    route: textArray(i.routeCountries),
    concealment: textArray(i.concealmentMethods),
    detection: textArray(i.detectionMethods),
    modes: textArray(i.transportModes),
    conveyances: textArray(i.conveyanceTypes),
    places: textArray(i.places),
    minQuantity: sql`${i.minQuantity}::numeric`,
    unit: sql`${i.quantityUnit}::text`,
    from: sql`${i.periodFrom}::date`,
    to: sql`${i.periodTo}::date`,
  };
}

const quantityTest = (p: IndicatorSource) => sql`EXISTS (SELECT 1 FROM seizure_lines l WHERE l.seizure_id = s.id AND l.unit = ${p.unit} AND l.quantity >= ${p.minQuantity}
  AND (cardinality(${p.hs}) = 0 OR EXISTS (SELECT 1 FROM unnest(${p.hs}) h WHERE l.hs_code LIKE h || '%')))`;

/** Each indicator's test of the seizure `s`, whatever the source of its values. */
function tests(p: IndicatorSource) {
  return {
    hsPrefixes: sql`s.hs_prefixes && ${p.hs}`,
    countries: sql`s.country = ANY(${p.countries})`,
    routeCountries: sql`s.route_countries && ${p.route}`,
    concealmentMethods: sql`s.concealment_methods && ${p.concealment}`,
    detectionMethods: sql`s.detection_methods && ${p.detection}`,
    transportModes: sql`s.transport_mode = ANY(${p.modes})`,
    conveyanceTypes: sql`s.conveyance_type = ANY(${p.conveyances})`,
    places: sql`(s.place_locode = ANY(${p.places}) OR s.place_iata = ANY(${p.places}))`,
    quantity: quantityTest(p),
    period: sql`((${p.from} IS NULL OR s.seized_at >= ${p.from}) AND (${p.to} IS NULL OR s.seized_at < ${p.to} + 1))`,
  };
}

/**
 * The standing query's condition: every profile column tested, an empty one passing. A prefilter comes first:
 * a profile matches only if one of its list indicators overlaps the seizure (or it has none), which rules out
 * most profiles with a few array comparisons before the whole test runs.
 */
export function profileMatches(): SQL {
  const p = PROFILE_COLUMNS;
  const t = tests(p);
  const prefilter = sql`(p.no_list_indicator OR ${sql.join([t.hsPrefixes, t.countries, t.routeCountries, t.concealmentMethods, t.detectionMethods, t.transportModes, t.conveyanceTypes, t.places], sql` OR `)})`;
  const arrays: [SQL, SQL][] = [
    [p.hs, t.hsPrefixes], [p.countries, t.countries], [p.route, t.routeCountries], [p.concealment, t.concealmentMethods],
    [p.detection, t.detectionMethods], [p.modes, t.transportModes], [p.conveyances, t.conveyanceTypes], [p.places, t.places],
  ];
  return sql.join(
    [prefilter, ...arrays.map(([col, test]) => sql`(cardinality(${col}) = 0 OR ${test})`), sql`(${p.minQuantity} IS NULL OR ${t.quantity})`, t.period],
    sql` AND `,
  );
}

/** The back-test's condition: only the indicators given, as constants. */
export function indicatorConditions(i: Indicators): SQL[] {
  const t = tests(literalSource(i));
  const out: SQL[] = [];
  if (i.hsPrefixes.length) out.push(t.hsPrefixes);
  if (i.countries.length) out.push(t.countries);
  if (i.routeCountries.length) out.push(t.routeCountries);
  if (i.concealmentMethods.length) out.push(t.concealmentMethods);
  if (i.detectionMethods.length) out.push(t.detectionMethods);
  if (i.transportModes.length) out.push(t.transportModes);
  if (i.conveyanceTypes.length) out.push(t.conveyanceTypes);
  if (i.places.length) out.push(t.places);
  if (i.minQuantity !== null) out.push(t.quantity);
  if (i.periodFrom) out.push(sql`s.seized_at >= ${i.periodFrom}::date`);
  if (i.periodTo) out.push(sql`s.seized_at < (${i.periodTo}::date + 1)`);
  return out;
}

/** Why a seizure matched, one phrase per indicator given ("HS 2939", "route EC, PA", "concealment RIP_ON_RIP_OFF"). */
export function matchReasons(p: IndicatorSource): SQL {
  const common = (a: SQL, b: SQL) => sql`array_to_string(ARRAY(SELECT unnest(${a}) INTERSECT SELECT unnest(${b}) ORDER BY 1), ', ')`;
  return sql`array_remove(ARRAY[
    CASE WHEN cardinality(${p.hs}) > 0 THEN 'HS ' || ${common(p.hs, sql`s.hs_prefixes`)} END,
    CASE WHEN cardinality(${p.countries}) > 0 THEN 'seized in ' || s.country END,
    CASE WHEN cardinality(${p.route}) > 0 THEN 'route ' || ${common(p.route, sql`s.route_countries`)} END,
    CASE WHEN cardinality(${p.concealment}) > 0 THEN 'concealment ' || ${common(p.concealment, sql`s.concealment_methods`)} END,
    CASE WHEN cardinality(${p.detection}) > 0 THEN 'detection ' || ${common(p.detection, sql`s.detection_methods`)} END,
    CASE WHEN cardinality(${p.modes}) > 0 THEN 'transport ' || s.transport_mode END,
    CASE WHEN cardinality(${p.conveyances}) > 0 THEN 'conveyance ' || s.conveyance_type END,
    CASE WHEN cardinality(${p.places}) > 0 THEN 'place ' || coalesce(s.place_locode, s.place_iata) END,
    CASE WHEN ${p.minQuantity} IS NOT NULL THEN 'quantity ≥ ' || ${p.minQuantity}::text || ' ' || ${p.unit} END,
    CASE WHEN ${p.from} IS NOT NULL OR ${p.to} IS NOT NULL THEN 'in period' END
  ]::text[], NULL)`;
}

/** Whether anything but the period is given: a profile must say what it looks for. */
export function hasContentIndicator(i: Indicators): boolean {
  return (
    i.hsPrefixes.length + i.countries.length + i.routeCountries.length + i.concealmentMethods.length + i.detectionMethods.length +
      i.transportModes.length + i.conveyanceTypes.length + i.places.length > 0 || i.minQuantity !== null
  );
}
