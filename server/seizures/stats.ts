import { sql, type SQL } from 'drizzle-orm';
import type { z } from 'zod';
import type { App, AppContext } from '../platform/context.ts';
import type { Database } from '../platform/db/database.ts';
import { textArray } from '../platform/db/pg-array.ts';
import { requirePrincipal } from '../platform/http/access.ts';
import { referenceSets } from '../reference/module.ts';
import { UNITS, type SearchFilters } from './schema.ts';
import { scopeOf, whereClause, type Scope } from './search.ts';
import { mapReply, reportQuery, reportReply, statsQuery, statsReply } from './stats-schema.ts';
import { searchFilters } from './schema.ts';

/**
 * The dashboard, the map and the annual report. Every figure is aggregated in SQL over the records
 * the caller may see (the search's visibility rule) and matching the search's filters. Quantities
 * are summed per unit, grams counted as kilograms.
 */

type StatsQuery = z.infer<typeof statsQuery>;
type ReportQuery = z.infer<typeof reportQuery>;
export type StatsReply = z.infer<typeof statsReply>;
export type MapReply = z.infer<typeof mapReply>;
export type ReportReply = z.infer<typeof reportReply>;
type Quantity = { unit: string; quantity: number };

const TOP = 10;
/** A line's unit and quantity with grams as kilograms. */
const UNIT = sql.raw(`CASE WHEN c.unit = 'g' THEN 'kg' ELSE c.unit END`);
const QTY = sql.raw(`CASE WHEN c.unit = 'g' THEN c.quantity / 1000 ELSE c.quantity END`);
/** Year and month of a seizure in UTC as one number, 202603. */
const YM = (col: string) => sql.raw(`(extract(year FROM ${col} AT TIME ZONE 'UTC') * 100 + extract(month FROM ${col} AT TIME ZONE 'UTC'))::int`);
const yearStart = (y: number) => `${String(y).padStart(4, '0')}-01-01T00:00:00Z`;
const ymText = (ym: number) => `${Math.floor(ym / 100)}-${String(ym % 100).padStart(2, '0')}`;
const round = (n: number) => Math.round(n * 1000) / 1000;
const num = (v: unknown) => Number(v ?? 0);

function quantities(rows: { unit: string; q: unknown }[]): Quantity[] {
  const by = new Map<string, number>();
  for (const r of rows) by.set(r.unit, (by.get(r.unit) ?? 0) + num(r.q));
  return [...by]
    .map(([unit, q]) => ({ unit, quantity: round(q) }))
    .sort((a, b) => UNITS.indexOf(a.unit as never) - UNITS.indexOf(b.unit as never));
}

const top = <T extends { seizures: number }>(xs: T[], n = TOP) => [...xs].sort((a, b) => b.seizures - a.seizures || JSON.stringify(a).localeCompare(JSON.stringify(b))).slice(0, n);

/** Months to show: every month of last year, and this year's up to the current one. */
function monthsOf(year: number, now = new Date()): number[] {
  const out: number[] = [];
  for (const y of [year - 1, year]) {
    const last = y === now.getUTCFullYear() ? now.getUTCMonth() + 1 : y > now.getUTCFullYear() ? 0 : 12;
    for (let m = 1; m <= last; m++) out.push(y * 100 + m);
  }
  return out;
}

export function createStats(database: Database) {
  /** Runs the statements of one answer together (a larger work_mem keeps the hash aggregates in memory). */
  async function read<T extends unknown[]>(queries: { [K in keyof T]: SQL }): Promise<{ [K in keyof T]: Record<string, unknown>[] }> {
    if (database.kind === 'pglite') {
      const out: Record<string, unknown>[][] = [];
      for (const q of queries) out.push(await database.rows(q));
      return out as never;
    }
    return (await Promise.all(queries.map((q) => database.rows(q)))) as never;
  }

  /** The lines of matching seizures, restricted to the asked categories when the filter names some. */
  const lineFilter = (f: SearchFilters) => (f.category?.length ? sql` AND c.category = ANY(${textArray(f.category)})` : sql``);
  const categoryFilter = (f: SearchFilters, col: string) => (f.category?.length ? sql` AND ${sql.raw(col)} = ANY(${textArray(f.category)})` : sql``);

  /** The dashboard: the year asked (default this year) against the one before. */
  async function stats(scope: Scope, q: StatsQuery): Promise<StatsReply> {
    const year = q.year ?? new Date().getUTCFullYear();
    const where = whereClause(scope, q);
    const from = yearStart(year - 1);
    const to = yearStart(year + 1);
    const window = sql`s.seized_at >= ${from}::timestamptz AND s.seized_at < ${to}::timestamptz`;

    const [codes, lines] = await read<[unknown, unknown]>([
      // One pass over the seizures: every count the dashboard shows, by kind, code and month.
      sql`SELECT k.kind, k.code, s.ym, count(*)::int AS n
        FROM (SELECT s.categories, s.concealment_methods, s.detection_methods, s.country, s.region, s.departure_country, s.destination_country,
                     ${YM('s.seized_at')} AS ym
                FROM seizures s WHERE ${where} AND ${window}) s
        CROSS JOIN LATERAL (
          SELECT 'total' AS kind, '' AS code
          UNION ALL SELECT 'category', x FROM unnest(s.categories) x WHERE true${categoryFilter(q, 'x')}
          UNION ALL SELECT 'concealment', x FROM unnest(s.concealment_methods) x
          UNION ALL SELECT 'detection', x FROM unnest(s.detection_methods) x
          UNION ALL SELECT 'country', s.country
          UNION ALL SELECT 'region', s.region WHERE s.region IS NOT NULL
          UNION ALL SELECT 'route', s.departure_country || '>' || s.destination_country
            WHERE s.departure_country IS NOT NULL AND s.destination_country IS NOT NULL
        ) k
        GROUP BY 1, 2, 3`,
      sql`SELECT ${YM('c.seized_at')} AS ym, c.category, ${UNIT} AS unit, sum(${QTY})::float8 AS q
        FROM seizure_commodities c JOIN seizures s ON s.id = c.seizure_id
        WHERE c.seized_at >= ${from}::timestamptz AND c.seized_at < ${to}::timestamptz AND ${where} AND ${window}${lineFilter(q)}
        GROUP BY 1, 2, 3`,
    ]);

    const thisYear = (ym: number) => ym >= year * 100;
    const counts = new Map<string, Map<string, { cur: number; last: number }>>();
    const perMonth = new Map<string, number>();
    for (const r of codes as { kind: string; code: string; ym: number; n: number }[]) {
      let kind = counts.get(r.kind);
      if (!kind) counts.set(r.kind, (kind = new Map()));
      const c = kind.get(r.code) ?? { cur: 0, last: 0 };
      if (thisYear(r.ym)) c.cur += r.n;
      else c.last += r.n;
      kind.set(r.code, c);
      if (r.kind === 'category') perMonth.set(`${r.ym}|${r.code}`, r.n);
    }
    const kindOf = (k: string) => [...(counts.get(k) ?? new Map<string, { cur: number; last: number }>())];
    const current = (k: string) => kindOf(k).filter(([, v]) => v.cur > 0).map(([code, v]) => ({ code, seizures: v.cur }));

    const lineRows = lines as { ym: number; category: string; unit: string; q: number }[];
    const categories = new Set([...kindOf('category').map(([c]) => c), ...lineRows.map((l) => l.category)]);
    const byCategory = [...categories]
      .map((category) => {
        const c = counts.get('category')?.get(category) ?? { cur: 0, last: 0 };
        const mine = lineRows.filter((l) => l.category === category);
        return {
          category,
          seizures: c.cur,
          lastYearSeizures: c.last,
          quantities: quantities(mine.filter((l) => thisYear(l.ym))),
          lastYearQuantities: quantities(mine.filter((l) => !thisYear(l.ym))),
        };
      })
      .sort((a, b) => b.seizures - a.seizures || b.lastYearSeizures - a.lastYearSeizures || a.category.localeCompare(b.category));

    const kilos = new Map<string, number>();
    for (const l of lineRows) if (l.unit === 'kg') kilos.set(`${l.ym}|${l.category}`, (kilos.get(`${l.ym}|${l.category}`) ?? 0) + num(l.q));
    const monthly = monthsOf(year).flatMap((ym) =>
      byCategory.map(({ category }) => ({ month: ymText(ym), category, seizures: perMonth.get(`${ym}|${category}`) ?? 0, kilograms: round(kilos.get(`${ym}|${category}`) ?? 0) })),
    );
    const total = counts.get('total')?.get('') ?? { cur: 0, last: 0 };
    return {
      year,
      byCategory,
      monthly,
      topRoutes: top(current('route').map(({ code, seizures }) => ({ departure: code.split('>')[0], destination: code.split('>')[1], seizures }))),
      topConcealment: top(current('concealment')),
      topDetection: top(current('detection')),
      byCountry: top(current('country'), 1000),
      byRegion: top(current('region'), 1000),
      totals: { seizures: total.cur, lastYearSeizures: total.last },
    };
  }

  /** Seizures per country with its centroid, and flows from departure to destination. */
  async function map(scope: Scope, f: SearchFilters): Promise<MapReply> {
    const where = whereClause(scope, f);
    const [byCountry, flows] = await read<[unknown, unknown]>([
      sql`SELECT s.country, count(*)::int AS n FROM seizures s WHERE ${where} GROUP BY 1`,
      sql`SELECT s.departure_country AS d, s.destination_country AS t, count(*)::int AS n FROM seizures s
        WHERE ${where} AND s.departure_country IS NOT NULL AND s.destination_country IS NOT NULL AND s.departure_country <> s.destination_country
        GROUP BY 1, 2 ORDER BY 3 DESC, 1, 2 LIMIT 300`,
    ]);
    const centroids = (await referenceSets(database)).centroids;
    return {
      countries: (byCountry as { country: string; n: number }[])
        .map((r) => {
          const c = centroids.get(r.country);
          return { country: r.country, seizures: r.n, lng: c ? c[0] : null, lat: c ? c[1] : null };
        })
        .sort((a, b) => b.seizures - a.seizures || a.country.localeCompare(b.country)),
      flows: (flows as { d: string; t: string; n: number }[]).map((r) => ({
        departure: r.d,
        destination: r.t,
        seizures: r.n,
        from: centroids.get(r.d) ?? null,
        to: centroids.get(r.t) ?? null,
      })),
    };
  }

  /** The annual report for one category, in the manner of the WCO Illicit Trade Report. */
  async function report(scope: Scope, q: ReportQuery): Promise<ReportReply> {
    const { year, category } = q;
    const from = yearStart(year - 1);
    const mid = yearStart(year);
    const to = yearStart(year + 1);
    const where = sql`${whereClause(scope, { category: [category] })} AND s.seized_at >= ${from}::timestamptz AND s.seized_at < ${to}::timestamptz`;
    const cur = sql`s.seized_at >= ${mid}::timestamptz`;
    const lineWhere = sql`c.category = ${category} AND c.seized_at >= ${from}::timestamptz AND c.seized_at < ${to}::timestamptz AND ${where}`;

    const [codes, lines, largest, subs] = await read<[unknown, unknown, unknown, unknown]>([
      sql`SELECT k.kind, k.code, s.cur, count(*)::int AS n
        FROM (SELECT s.concealment_methods, s.detection_methods, s.country, s.region, s.departure_country, s.destination_country, s.transport_mode,
                     ${cur} AS cur, ${YM('s.seized_at')} AS ym
                FROM seizures s WHERE ${where}) s
        CROSS JOIN LATERAL (
          SELECT 'total' AS kind, '' AS code
          UNION ALL SELECT 'month', s.ym::text WHERE s.cur
          UNION ALL SELECT 'concealment', x FROM unnest(s.concealment_methods) x WHERE s.cur
          UNION ALL SELECT 'detection', x FROM unnest(s.detection_methods) x WHERE s.cur
          UNION ALL SELECT 'country', s.country WHERE s.cur
          UNION ALL SELECT 'region', s.region WHERE s.cur AND s.region IS NOT NULL
          UNION ALL SELECT 'transport', s.transport_mode WHERE s.cur AND s.transport_mode IS NOT NULL
          UNION ALL SELECT 'route', s.departure_country || '>' || s.destination_country
            WHERE s.cur AND s.departure_country IS NOT NULL AND s.destination_country IS NOT NULL
        ) k
        GROUP BY 1, 2, 3`,
      // Quantities by subcategory, country, region and month.
      sql`SELECT ${cur} AS cur, c.subcategory AS sub, s.country, s.region, ${YM('c.seized_at')} AS ym, ${UNIT} AS unit, sum(${QTY})::float8 AS q
        FROM seizure_commodities c JOIN seizures s ON s.id = c.seizure_id
        WHERE ${lineWhere}
        GROUP BY 1, 2, 3, 4, 5, 6`,
      sql`SELECT s.id, s.reference, s.seized_at AS at, s.country, ${UNIT} AS unit, (${QTY})::float8 AS q, c.subcategory AS sub
        FROM seizure_commodities c JOIN seizures s ON s.id = c.seizure_id
        WHERE ${lineWhere} AND ${cur}
        ORDER BY (${UNIT}) = 'kg' DESC, ${QTY} DESC, s.reference LIMIT ${TOP * 4}`,
      sql`SELECT c.subcategory AS sub, count(DISTINCT c.seizure_id)::int AS n
        FROM seizure_commodities c JOIN seizures s ON s.id = c.seizure_id WHERE ${lineWhere} AND ${cur}
        GROUP BY 1`,
    ]);

    const counts = new Map<string, Map<string, { cur: number; last: number }>>();
    for (const r of codes as { kind: string; code: string; cur: boolean; n: number }[]) {
      let kind = counts.get(r.kind);
      if (!kind) counts.set(r.kind, (kind = new Map()));
      const c = kind.get(r.code) ?? { cur: 0, last: 0 };
      if (r.cur) c.cur += r.n;
      else c.last += r.n;
      kind.set(r.code, c);
    }
    const current = (k: string) => [...(counts.get(k) ?? new Map<string, { cur: number; last: number }>())].filter(([, v]) => v.cur > 0).map(([code, v]) => ({ code, seizures: v.cur }));
    const L = lines as { cur: boolean; sub: string | null; country: string; region: string | null; ym: number; unit: string; q: number }[];
    const thisYear = L.filter((l) => l.cur);
    const groupQ = (key: (l: (typeof L)[number]) => string | null) => {
      const by = new Map<string | null, typeof L>();
      for (const l of thisYear) by.set(key(l), [...(by.get(key(l)) ?? []), l]);
      return by;
    };

    // Seizures per subcategory: a seizure with two lines of one subcategory is one seizure.
    const bySub = groupQ((l) => l.sub);
    const subDistinct = new Map((subs as { sub: string | null; n: number }[]).map((r) => [r.sub ?? '', r.n]));
    const total = counts.get('total')?.get('') ?? { cur: 0, last: 0 };
    const byCountryQ = groupQ((l) => l.country);
    const byRegionQ = groupQ((l) => l.region);
    const monthKg = new Map<number, number>();
    for (const l of thisYear) if (l.unit === 'kg') monthKg.set(l.ym, (monthKg.get(l.ym) ?? 0) + num(l.q));
    const monthCounts = counts.get('month') ?? new Map();
    const largestRows = largest as { id: string; reference: string; at: string | Date; country: string; unit: string; q: number; sub: string | null }[];
    const mainUnit = quantities(thisYear).sort((a, b) => thisYear.filter((l) => l.unit === b.unit).length - thisYear.filter((l) => l.unit === a.unit).length)[0]?.unit;

    return {
      year,
      category,
      seizures: total.cur,
      lastYearSeizures: total.last,
      countriesReporting: current('country').length,
      quantities: quantities(thisYear),
      lastYearQuantities: quantities(L.filter((l) => !l.cur)),
      bySubcategory: [...bySub]
        .map(([sub, ls]) => ({ subcategory: sub, seizures: subDistinct.get(sub ?? '') ?? 0, quantities: quantities(ls) }))
        .sort((a, b) => b.seizures - a.seizures || String(a.subcategory).localeCompare(String(b.subcategory))),
      byRegion: top(current('region'), 100).map((r) => ({ ...r, quantities: quantities(byRegionQ.get(r.code) ?? []) })),
      topCountries: top(current('country')).map((r) => ({ ...r, quantities: quantities(byCountryQ.get(r.code) ?? []) })),
      monthly: Array.from({ length: 12 }, (_, i) => year * 100 + i + 1).map((ym) => ({
        month: ymText(ym),
        seizures: monthCounts.get(String(ym))?.cur ?? 0,
        kilograms: round(monthKg.get(ym) ?? 0),
      })),
      topRoutes: top(current('route')).map(({ code, seizures }) => ({ departure: code.split('>')[0], destination: code.split('>')[1], seizures })),
      topConcealment: top(current('concealment')),
      topDetection: top(current('detection')),
      byTransport: top(current('transport'), 100),
      largest: largestRows
        .filter((r) => r.unit === (mainUnit ?? r.unit))
        .slice(0, TOP)
        .map((r) => ({ id: r.id, reference: r.reference, seizedAt: new Date(r.at).toISOString(), country: r.country, quantity: round(num(r.q)), unit: r.unit, subcategory: r.sub })),
    };
  }

  return { stats, map, report };
}

export type Stats = ReturnType<typeof createStats>;

const tags = ['seizures'];

/** GET /api/v1/seizures/stats, /map and /report (any signed-in member; figures over what the caller may see). */
export function registerStatsRoutes(app: App, ctx: AppContext) {
  const s = createStats(ctx.database);
  const scope = (r: Parameters<typeof requirePrincipal>[0]) => scopeOf(ctx.database, requirePrincipal(r));
  app.get(
    '/api/v1/seizures/stats',
    {
      config: { access: 'authenticated' },
      schema: {
        tags,
        summary: 'Dashboard aggregates: per category this year against last, monthly series, top routes, concealment and detection methods, by country and region',
        querystring: statsQuery,
        response: { 200: statsReply },
      },
    },
    async (request) => s.stats(await scope(request), request.query),
  );
  app.get(
    '/api/v1/seizures/map',
    {
      config: { access: 'authenticated' },
      schema: { tags, summary: 'Seizures per country (with its centroid) and route flows from departure to destination', querystring: searchFilters, response: { 200: mapReply } },
    },
    async (request) => s.map(await scope(request), request.query),
  );
  app.get(
    '/api/v1/seizures/report',
    {
      config: { access: 'authenticated' },
      schema: { tags, summary: 'The annual report for one year and one commodity category (in the style of the WCO Illicit Trade Report)', querystring: reportQuery, response: { 200: reportReply } },
    },
    async (request) => s.report(await scope(request), request.query),
  );
}
