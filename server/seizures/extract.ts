import { sql, type SQL } from 'drizzle-orm';
import type { Database } from '../platform/db/database.ts';
import { textArray } from '../platform/db/pg-array.ts';
import { DIMENSION_KEYS, EXTRACT_FIELD_KEYS, type ExtractFieldKey } from './extract-view.ts';
import { readAggregate } from './aggregate-read.ts';

/**
 * Extracts of the CEN seizure database for requests for WCO data (the desk module): validated seizures only,
 * in a period, regions and commodity categories, as of a moment (a seizure validated later is not in it).
 * Aggregates are computed and suppressed in SQL, so a small cell's figures never leave the database; records
 * come in keyset batches, so an extract of a million rows holds one batch in memory.
 */
export interface ExtractScope {
  from: string; // YYYY-MM-DD, inclusive
  to: string; // YYYY-MM-DD, inclusive
  /** Commodity categories; empty: every category. */
  categories: readonly string[];
  /** WCO regions of the country of seizure; empty: the world. */
  regions: readonly string[];
  /** Only seizures validated by then (ISO time); default: now. */
  asOf?: string;
}

export interface AggregateCell {
  /** The cell's coordinates, by dimension key. */
  key: Record<string, string | number | null>;
  /** False: fewer than k seizures or fewer than 2 administrations; its figures are withheld (null). */
  published: boolean;
  seizures: number | null;
  administrations: number | null;
  quantityKg: number | null;
}

export type ExtractRecord = Record<string, string | number | null>;

const YEAR = sql`extract(year FROM s.seized_at AT TIME ZONE 'UTC')::int`;
const spaced = (col: string) => sql.raw(`array_to_string(${col}, ' ')`);

/** Each dimension of an aggregate, over the join of seizures s and commodity lines c. */
const DIMENSION_SQL: Partial<Record<ExtractFieldKey, SQL>> = {
  year: YEAR,
  country: sql`s.country`,
  region: sql`s.region`,
  category: sql`c.category`,
  locationType: sql`s.location_type`,
  direction: sql`s.direction`,
  transportMode: sql`s.transport_mode`,
  departureCountry: sql`s.departure_country`,
  destinationCountry: sql`s.destination_country`,
};

/** Each column of a record-level extract, over seizures s. */
const RECORD_SQL: Record<ExtractFieldKey, SQL> = {
  reference: sql`s.reference`,
  seizedAt: sql`to_char(s.seized_at AT TIME ZONE 'UTC', 'YYYY-MM-DD')`,
  year: YEAR,
  country: sql`s.country`,
  region: sql`s.region`,
  category: spaced('s.categories'),
  subcategory: sql`(SELECT string_agg(DISTINCT c.subcategory, ' ') FROM seizure_commodities c WHERE c.seizure_id = s.id)`,
  hsCode: sql`(SELECT string_agg(DISTINCT c.hs_code, ' ') FROM seizure_commodities c WHERE c.seizure_id = s.id)`,
  quantity: sql`(SELECT string_agg(trim_scale(c.quantity)::text || ' ' || c.unit, '; ' ORDER BY c.line_no) FROM seizure_commodities c WHERE c.seizure_id = s.id)`,
  locationType: sql`s.location_type`,
  placeLocode: sql`s.place_locode`,
  direction: sql`s.direction`,
  transportMode: sql`s.transport_mode`,
  conveyanceType: sql`s.conveyance_type`,
  detectionMethods: spaced('s.detection_methods'),
  concealmentMethods: spaced('s.concealment_methods'),
  departureCountry: sql`s.departure_country`,
  destinationCountry: sql`s.destination_country`,
  routeCountries: spaced('s.route_countries'),
};

function selection(scope: ExtractScope): SQL {
  const where: SQL[] = [
    sql`s.status = 'validated'`,
    sql`s.seized_at >= ${scope.from}::date`,
    sql`s.seized_at < ${scope.to}::date + 1`,
    sql`s.validated_at <= ${scope.asOf ?? new Date().toISOString()}::timestamptz`,
  ];
  if (scope.regions.length) where.push(sql`s.region = ANY(${textArray(scope.regions)})`);
  return sql.join(where, sql` AND `);
}

export function createSeizureExtracts(database: Pick<Database, 'rows' | 'db' | 'kind'>) {
  /**
   * Cells of the dimensions given, each counting seizures and reporting administrations. A cell is published
   * only when it counts at least k seizures from at least 2 administrations; otherwise its figures are nulled
   * in the query itself. A seizure counts once per cell (two lines of one category are one seizure).
   *
   * Seizures are counted from their own distinct categories (no join, no row per seizure to sort), by cell
   * and administration, and the kilograms summed from the lines apart; both hash-aggregate into a few
   * thousand rows, summed per cell (run as `readAggregate` runs the dashboard's).
   */
  async function aggregate(scope: ExtractScope, dimensions: readonly ExtractFieldKey[], k: number): Promise<AggregateCell[]> {
    for (const d of dimensions) if (!DIMENSION_SQL[d] || !DIMENSION_KEYS.includes(d)) throw new Error(`${d} is not a dimension of an aggregate`);
    if (!dimensions.length) throw new Error('an aggregate needs at least one dimension');
    const byCategory = dimensions.includes('category');
    const cats = scope.categories.length ? textArray(scope.categories) : null;
    const names = sql.raw(dimensions.map((_, i) => `d${i}`).join(', '));
    const dimsOver = (category: SQL) => dimensions.map((d, i) => sql`${d === 'category' ? category : DIMENSION_SQL[d]!} AS ${sql.raw(`d${i}`)}`);
    const others = dimensions.map((d, i) => (d === 'category' ? null : sql`${DIMENSION_SQL[d]!} AS ${sql.raw(`d${i}`)}`)).filter((x): x is SQL => x !== null);
    const otherNames = sql.raw(['org_id', ...dimensions.flatMap((d, i) => (d === 'category' ? [] : [`d${i}`]))].join(', '));
    // Seizures by administration and set of categories first (a few thousand groups from a million rows, no join),
    // then one row per category of the set: a seizure counts once in the cell of each of its categories.
    const seizures = sql`SELECT ${sql.join(others, sql`, `)}${others.length ? sql`, ` : sql``}s.org_id, s.categories, count(*) AS n
      FROM seizures s WHERE ${selection(scope)} AND ${cats ? sql`s.categories && ${cats}` : sql`cardinality(s.categories) > 0`}
      GROUP BY ${otherNames}, s.categories`;
    const perOrg = byCategory
      ? sql`SELECT ${sql.join(dimensions.map((d, i) => (d === 'category' ? sql`cat.category COLLATE "C" AS ${sql.raw(`d${i}`)}` : sql.raw(`p.d${i}`))), sql`, `)}, p.org_id, sum(p.n) AS n, NULL::numeric AS kg
          FROM (${seizures}) p CROSS JOIN LATERAL unnest(p.categories) AS cat(category)${cats ? sql` WHERE cat.category = ANY(${cats})` : sql``} GROUP BY ${names}, p.org_id`
      : sql`SELECT ${names}, org_id, sum(n) AS n, NULL::numeric AS kg FROM (${seizures}) p GROUP BY ${names}, org_id`;
    const ok = sql.raw(`(sum(n) >= ${Math.max(1, Math.floor(k))} AND count(org_id) >= 2)`);
    const q = sql`WITH parts AS (
        ${perOrg}
        UNION ALL
        SELECT ${sql.join(dimsOver(sql`c.category`), sql`, `)}, NULL::uuid, 0, sum(CASE c.unit WHEN 'kg' THEN c.quantity ELSE c.quantity / 1000 END)
        FROM seizures s JOIN seizure_commodities c ON c.seizure_id = s.id
        WHERE ${selection(scope)} AND c.unit IN ('kg', 'g')${cats ? sql` AND c.category = ANY(${cats})` : sql``} GROUP BY ${names})
      SELECT ${names}, ${ok} AS published,
        CASE WHEN ${ok} THEN sum(n) END::int AS seizures,
        CASE WHEN ${ok} THEN count(org_id) END::int AS administrations,
        CASE WHEN ${ok} THEN round(sum(kg), 3) END::float8 AS kg
      FROM parts GROUP BY ${names} HAVING sum(n) > 0 ORDER BY ${names}`;
    const rows = await readAggregate(database, q);
    return rows.map((r) => ({
      key: Object.fromEntries(dimensions.map((d, i) => [d, (r[`d${i}`] ?? null) as string | number | null])),
      published: r.published === true,
      seizures: r.seizures == null ? null : Number(r.seizures),
      administrations: r.administrations == null ? null : Number(r.administrations),
      quantityKg: r.kg == null ? null : Number(r.kg),
    }));
  }

  /** The records of the scope with only the fields given, oldest first, `batch` at a time (keyset paging). */
  async function* records(scope: ExtractScope, fields: readonly ExtractFieldKey[], batch = 1000): AsyncGenerator<ExtractRecord[]> {
    const cols = fields.map((f, i) => {
      if (!EXTRACT_FIELD_KEYS.includes(f)) throw new Error(`${f} is not an extract field`);
      return sql`${RECORD_SQL[f]} AS ${sql.raw(`f${i}`)}`;
    });
    const scoped: ExtractScope = { ...scope, asOf: scope.asOf ?? new Date().toISOString() };
    const category = scope.categories.length ? sql` AND s.categories && ${textArray(scope.categories)}` : sql``;
    let after: { at: string; id: string } | null = null;
    for (;;) {
      const page: Record<string, unknown>[] = await database.rows<Record<string, unknown>>(sql`SELECT ${sql.join(cols, sql`, `)}, s.seized_at::text AS "_at", s.id AS "_id"
        FROM seizures s WHERE ${selection(scoped)}${category}${after ? sql` AND (s.seized_at, s.id) > (${after.at}::timestamptz, ${after.id}::uuid)` : sql``}
        ORDER BY s.seized_at, s.id LIMIT ${batch}`);
      if (!page.length) return;
      yield page.map((r) => Object.fromEntries(fields.map((f, i) => [f, (r[`f${i}`] ?? null) as string | number | null])));
      if (page.length < batch) return;
      const last = page[page.length - 1];
      after = { at: String(last._at), id: String(last._id) };
    }
  }

  return { aggregate, records };
}

export type SeizureExtracts = ReturnType<typeof createSeizureExtracts>;
