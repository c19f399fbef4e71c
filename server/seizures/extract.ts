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
   */
  async function aggregate(scope: ExtractScope, dimensions: readonly ExtractFieldKey[], k: number): Promise<AggregateCell[]> {
    const dims = dimensions.map((d) => {
      const expr = DIMENSION_SQL[d];
      if (!expr || !DIMENSION_KEYS.includes(d)) throw new Error(`${d} is not a dimension of an aggregate`);
      return expr;
    });
    if (!dims.length) throw new Error('an aggregate needs at least one dimension');
    const inner = dims.map((e, i) => sql`${e} AS ${sql.raw(`d${i}`)}`);
    const names = sql.raw(dims.map((_, i) => `d${i}`).join(', '));
    const category = scope.categories.length ? sql` AND c.category = ANY(${textArray(scope.categories)})` : sql``;
    const ok = sql.raw(`(count(*) >= ${Math.max(1, Math.floor(k))} AND count(DISTINCT org_id) >= 2)`);
    // First one row per seizure and cell (its kilograms summed), then the cells: both levels hash-aggregate.
    const rows = await readAggregate(database, sql`WITH per_seizure AS (
        SELECT ${sql.join(inner, sql`, `)}, s.id, s.org_id,
          sum(CASE c.unit WHEN 'kg' THEN c.quantity WHEN 'g' THEN c.quantity / 1000 END) AS kg
        FROM seizures s JOIN seizure_commodities c ON c.seizure_id = s.id
        WHERE ${selection(scope)}${category}
        GROUP BY ${names}, s.id, s.org_id)
      SELECT ${names}, ${ok} AS published,
        CASE WHEN ${ok} THEN count(*) END::int AS seizures,
        CASE WHEN ${ok} THEN count(DISTINCT org_id) END::int AS administrations,
        CASE WHEN ${ok} THEN round(sum(kg), 3) END::float8 AS kg
      FROM per_seizure GROUP BY ${names} ORDER BY ${names}`);
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
