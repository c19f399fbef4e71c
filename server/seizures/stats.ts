import { sql, type SQL } from 'drizzle-orm';
import type { z } from 'zod';
import type { App, AppContext } from '../platform/context.ts';
import type { Database } from '../platform/db/database.ts';
import { textArray } from '../platform/db/pg-array.ts';
import { requirePrincipal } from '../platform/http/access.ts';
import { referenceSets } from '../reference/index.ts';
import { UNITS, type SearchFilters } from './schema.ts';
import { scopeOf, visible, whereClause, type Scope } from './search.ts';
import { mapReply, reportQuery, reportReply, statsQuery, statsReply } from './stats-schema.ts';
import { searchFilters } from './schema.ts';
import { readAggregate } from './aggregate-read.ts';

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
/** The month of a time in UTC (date_trunc: numeric extract() per row costs more than the rest of the scan). */
const MONTH = (col: string) => sql.raw(`date_trunc('month', ${col} AT TIME ZONE 'UTC')`);
/** A month as one number, 202603, computed once per group. */
const YM = (col: string) => sql.raw(`to_char(${col}, 'YYYYMM')::int`);
/** Which grouping set a row of GROUPING SETS belongs to: the bit of each column is 0 when grouped by it. */
const grouped = (mask: number, bit: number) => (mask & (1 << bit)) === 0;
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

/** Seizure counts by kind (country, route…) and code, this year's and last year's apart. */
function yearCounts() {
  const kinds = new Map<string, Map<string, { cur: number; last: number }>>();
  const get = (kind: string, code: string) => kinds.get(kind)?.get(code) ?? { cur: 0, last: 0 };
  return {
    add(kind: string, code: string | null, cur: boolean, n: number) {
      if (code == null) return;
      let k = kinds.get(kind);
      if (!k) kinds.set(kind, (k = new Map()));
      const c = k.get(code) ?? { cur: 0, last: 0 };
      if (cur) c.cur += n;
      else c.last += n;
      k.set(code, c);
    },
    get,
    codes: (kind: string) => [...(kinds.get(kind)?.keys() ?? [])],
    /** This year's counts of a kind, the codes without any left out. */
    current: (kind: string) => [...(kinds.get(kind) ?? [])].filter(([, v]) => v.cur > 0).map(([code, v]) => ({ code, seizures: v.cur })),
  };
}

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
  /** Runs the statements of one answer (each as `readAggregate` does), on PostgreSQL side by side. */
  const one = (q: SQL) => readAggregate(database, q);
  async function read<T extends unknown[]>(queries: { [K in keyof T]: SQL }): Promise<{ [K in keyof T]: Record<string, unknown>[] }> {
    if (database.kind === 'pglite') {
      const out: Record<string, unknown>[][] = [];
      for (const q of queries) out.push(await one(q));
      return out as never;
    }
    return (await Promise.all(queries.map(one))) as never;
  }

  /** The lines of matching seizures, restricted to the asked categories when the filter names some. */
  const lineFilter = (f: SearchFilters) => (f.category?.length ? sql` AND c.category = ANY(${textArray(f.category)})` : sql``);

  /** Filters that the lines carry themselves (time, country, category): with only these, no join is needed. */
  const LINE_FILTERS = new Set(['from', 'to', 'country', 'category', 'year']);

  /**
   * Quantities per month, category and unit of the seizures matching the filters that the caller may
   * see. With filters the lines carry, the lines of the period are read from their own index, leaving
   * out (hash anti-join) those of the records the caller may not see, which are not validated and so
   * few; otherwise each line is joined to its seizure.
   */
  function linesQuery(scope: Scope, q: StatsQuery, from: string, to: string, where: SQL, window: SQL): SQL {
    const lineOnly = Object.entries(q).every(([k, v]) => v === undefined || LINE_FILTERS.has(k));
    const period = sql`c.seized_at >= ${from}::timestamptz AND c.seized_at < ${to}::timestamptz`;
    if (!lineOnly)
      return sql`SELECT ${YM('l.m')} AS ym, l.category, l.unit, sum(l.q) AS q
        FROM (SELECT ${MONTH('c.seized_at')} AS m, c.category, c.unit, c.quantity::float8 AS q
                FROM seizure_commodities c JOIN seizures s ON s.id = c.seizure_id
               WHERE ${period} AND ${where} AND ${window}${lineFilter(q)}) l
        GROUP BY l.m, l.category, l.unit`;
    // The same conditions as the search's, written on the lines' copies of the seizure's time and country.
    const own: SQL[] = [period];
    if (q.from) own.push(sql`c.seized_at >= ${q.from}::date`);
    if (q.to) own.push(sql`c.seized_at < (${q.to}::date + 1)`);
    if (q.country?.length) own.push(sql`c.country = ANY(${textArray(q.country)})`);
    if (q.category?.length) own.push(sql`c.category = ANY(${textArray(q.category)})`);
    const cond = sql.join(own, sql` AND `);
    return sql`SELECT ${YM('l.m')} AS ym, l.category, l.unit, sum(l.q) AS q
      FROM (SELECT ${MONTH('c.seized_at')} AS m, c.category, c.unit, c.quantity::float8 AS q FROM seizure_commodities c
             WHERE ${cond} AND NOT EXISTS (SELECT 1 FROM seizures s
               WHERE s.id = c.seizure_id AND s.status <> 'validated' AND (${visible(scope)}) IS NOT TRUE AND ${window})) l
      GROUP BY l.m, l.category, l.unit`;
  }

  /** The dashboard: the year asked (default this year) against the one before. */
  async function stats(scope: Scope, q: StatsQuery): Promise<StatsReply> {
    const year = q.year ?? new Date().getUTCFullYear();
    const where = whereClause(scope, q);
    const from = yearStart(year - 1);
    const mid = yearStart(year);
    const to = yearStart(year + 1);
    const window = sql`s.seized_at >= ${from}::timestamptz AND s.seized_at < ${to}::timestamptz`;

    const [codes, lines] = await read<[unknown, unknown]>([
      // One pass over the seizures (an index-only scan of the window): every count the dashboard shows.
      // Arrays are grouped whole (a few thousand distinct combinations) and split into codes here.
      sql`SELECT ${YM('g.m')} AS ym, g.cur, g.categories, g.concealment_methods AS con, g.detection_methods AS det, g.country, g.region,
             g.departure_country AS dep, g.destination_country AS dest, count(*)::int AS n,
             GROUPING(g.m, g.cur, g.categories, g.concealment_methods, g.detection_methods, g.country, g.region, g.departure_country, g.destination_country) AS gs
        FROM (SELECT ${MONTH('s.seized_at')} AS m, s.seized_at >= ${mid}::timestamptz AS cur, s.categories, s.concealment_methods, s.detection_methods,
                     s.country, s.region, s.departure_country, s.destination_country
                FROM seizures s WHERE ${where} AND ${window}) g
        GROUP BY GROUPING SETS ((g.m, g.categories), (g.cur, g.concealment_methods), (g.cur, g.detection_methods), (g.cur, g.country), (g.cur, g.region),
                                (g.cur, g.departure_country, g.destination_country), (g.cur))`,
      linesQuery(scope, q, from, to, where, window),
    ]);

    const thisYear = (ym: number) => ym >= year * 100;
    const counts = yearCounts();
    const perMonth = new Map<string, number>();
    const asked = q.category?.length ? new Set(q.category) : null;
    type G = { ym: number | null; cur: boolean | null; categories: string[] | null; con: string[] | null; det: string[] | null; country: string | null; region: string | null; dep: string | null; dest: string | null; n: number; gs: number };
    // GROUPING() bits, from the last argument: destination 0, departure 1, region 2, country 3, detection 4, concealment 5, categories 6, cur 7, month 8.
    for (const r of codes as G[]) {
      const gs = Number(r.gs);
      if (grouped(gs, 6)) {
        for (const c of new Set(r.categories ?? [])) {
          if (asked && !asked.has(c)) continue;
          counts.add('category', c, thisYear(r.ym!), r.n);
          perMonth.set(`${r.ym}|${c}`, (perMonth.get(`${r.ym}|${c}`) ?? 0) + r.n);
        }
      } else if (grouped(gs, 5)) for (const c of new Set(r.con ?? [])) counts.add('concealment', c, !!r.cur, r.n);
      else if (grouped(gs, 4)) for (const c of new Set(r.det ?? [])) counts.add('detection', c, !!r.cur, r.n);
      else if (grouped(gs, 3)) counts.add('country', r.country, !!r.cur, r.n);
      else if (grouped(gs, 2)) counts.add('region', r.region, !!r.cur, r.n);
      else if (grouped(gs, 1)) counts.add('route', r.dep && r.dest ? `${r.dep}>${r.dest}` : null, !!r.cur, r.n);
      else counts.add('total', '', !!r.cur, r.n);
    }

    const lineRows = (lines as { ym: number; category: string; unit: string; q: number }[])
      .map((l) => (l.unit === 'g' ? { ...l, unit: 'kg', q: num(l.q) / 1000 } : l));
    const categories = new Set([...counts.codes('category'), ...lineRows.map((l) => l.category)]);
    const byCategory = [...categories]
      .map((category) => {
        const c = counts.get('category', category);
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
    const total = counts.get('total', '');
    return {
      year,
      byCategory,
      monthly,
      topRoutes: top(counts.current('route').map(({ code, seizures }) => ({ departure: code.split('>')[0], destination: code.split('>')[1], seizures }))),
      topConcealment: top(counts.current('concealment')),
      topDetection: top(counts.current('detection')),
      byCountry: top(counts.current('country'), 1000),
      byRegion: top(counts.current('region'), 1000),
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
      sql`SELECT ${YM('g.m')} AS ym, g.cur, g.concealment_methods AS con, g.detection_methods AS det, g.country, g.region, g.transport_mode AS transport,
             g.departure_country AS dep, g.destination_country AS dest, count(*)::int AS n,
             GROUPING(g.m, g.cur, g.concealment_methods, g.detection_methods, g.country, g.region, g.transport_mode, g.departure_country, g.destination_country) AS gs
        FROM (SELECT ${MONTH('s.seized_at')} AS m, ${cur} AS cur, s.concealment_methods, s.detection_methods, s.country, s.region, s.transport_mode,
                     s.departure_country, s.destination_country
                FROM seizures s WHERE ${where}) g
        GROUP BY GROUPING SETS ((g.m), (g.cur), (g.cur, g.concealment_methods), (g.cur, g.detection_methods), (g.cur, g.country), (g.cur, g.region),
                                (g.cur, g.transport_mode), (g.cur, g.departure_country, g.destination_country))`,
      // Quantities by subcategory, country, region and month.
      sql`SELECT l.cur, l.sub, l.country, l.region, ${YM('l.m')} AS ym, l.unit, sum(l.q) AS q
        FROM (SELECT ${cur} AS cur, c.subcategory AS sub, s.country, s.region, ${MONTH('c.seized_at')} AS m, c.unit, c.quantity::float8 AS q
                FROM seizure_commodities c JOIN seizures s ON s.id = c.seizure_id WHERE ${lineWhere}) l
        GROUP BY l.cur, l.sub, l.country, l.region, l.m, l.unit`,
      sql`SELECT s.id, s.reference, s.seized_at AS at, s.country, ${UNIT} AS unit, (${QTY})::float8 AS q, c.subcategory AS sub
        FROM seizure_commodities c JOIN seizures s ON s.id = c.seizure_id
        WHERE ${lineWhere} AND ${cur}
        ORDER BY (${UNIT}) = 'kg' DESC, ${QTY} DESC, s.reference LIMIT ${TOP * 4}`,
      sql`SELECT c.subcategory AS sub, count(DISTINCT c.seizure_id)::int AS n
        FROM seizure_commodities c JOIN seizures s ON s.id = c.seizure_id WHERE ${lineWhere} AND ${cur}
        GROUP BY 1`,
    ]);

    const counts = yearCounts();
    type G = { ym: number | null; cur: boolean | null; con: string[] | null; det: string[] | null; country: string | null; region: string | null; transport: string | null; dep: string | null; dest: string | null; n: number; gs: number };
    // GROUPING() bits, from the last argument: destination 0, departure 1, transport 2, region 3, country 4, detection 5, concealment 6, cur 7, month 8.
    for (const r of codes as G[]) {
      const gs = Number(r.gs);
      if (grouped(gs, 8)) counts.add('month', String(r.ym), r.ym! >= year * 100, r.n);
      else if (grouped(gs, 6)) for (const c of new Set(r.con ?? [])) counts.add('concealment', c, !!r.cur, r.n);
      else if (grouped(gs, 5)) for (const c of new Set(r.det ?? [])) counts.add('detection', c, !!r.cur, r.n);
      else if (grouped(gs, 4)) counts.add('country', r.country, !!r.cur, r.n);
      else if (grouped(gs, 3)) counts.add('region', r.region, !!r.cur, r.n);
      else if (grouped(gs, 2)) counts.add('transport', r.transport, !!r.cur, r.n);
      else if (grouped(gs, 1)) counts.add('route', r.dep && r.dest ? `${r.dep}>${r.dest}` : null, !!r.cur, r.n);
      else counts.add('total', '', !!r.cur, r.n);
    }
    const L = (lines as { cur: boolean; sub: string | null; country: string; region: string | null; ym: number; unit: string; q: number }[]).map((l) =>
      l.unit === 'g' ? { ...l, unit: 'kg', q: num(l.q) / 1000 } : l,
    );
    const thisYear = L.filter((l) => l.cur);
    const groupQ = (key: (l: (typeof L)[number]) => string | null) => {
      const by = new Map<string | null, typeof L>();
      for (const l of thisYear) by.set(key(l), [...(by.get(key(l)) ?? []), l]);
      return by;
    };

    // Seizures per subcategory: a seizure with two lines of one subcategory is one seizure.
    const bySub = groupQ((l) => l.sub);
    const subDistinct = new Map((subs as { sub: string | null; n: number }[]).map((r) => [r.sub ?? '', r.n]));
    const total = counts.get('total', '');
    const byCountryQ = groupQ((l) => l.country);
    const byRegionQ = groupQ((l) => l.region);
    const monthKg = new Map<number, number>();
    for (const l of thisYear) if (l.unit === 'kg') monthKg.set(l.ym, (monthKg.get(l.ym) ?? 0) + num(l.q));
    const largestRows = largest as { id: string; reference: string; at: string | Date; country: string; unit: string; q: number; sub: string | null }[];
    const mainUnit = quantities(thisYear).sort((a, b) => thisYear.filter((l) => l.unit === b.unit).length - thisYear.filter((l) => l.unit === a.unit).length)[0]?.unit;

    return {
      year,
      category,
      seizures: total.cur,
      lastYearSeizures: total.last,
      countriesReporting: counts.current('country').length,
      quantities: quantities(thisYear),
      lastYearQuantities: quantities(L.filter((l) => !l.cur)),
      bySubcategory: [...bySub]
        .map(([sub, ls]) => ({ subcategory: sub, seizures: subDistinct.get(sub ?? '') ?? 0, quantities: quantities(ls) }))
        .sort((a, b) => b.seizures - a.seizures || String(a.subcategory).localeCompare(String(b.subcategory))),
      byRegion: top(counts.current('region'), 100).map((r) => ({ ...r, quantities: quantities(byRegionQ.get(r.code) ?? []) })),
      topCountries: top(counts.current('country')).map((r) => ({ ...r, quantities: quantities(byCountryQ.get(r.code) ?? []) })),
      monthly: Array.from({ length: 12 }, (_, i) => year * 100 + i + 1).map((ym) => ({
        month: ymText(ym),
        seizures: counts.get('month', String(ym)).cur,
        kilograms: round(monthKg.get(ym) ?? 0),
      })),
      topRoutes: top(counts.current('route')).map(({ code, seizures }) => ({ departure: code.split('>')[0], destination: code.split('>')[1], seizures })),
      topConcealment: top(counts.current('concealment')),
      topDetection: top(counts.current('detection')),
      byTransport: top(counts.current('transport'), 100),
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
