import { sql } from 'drizzle-orm';
import type { Database } from '../platform/db/database.ts';

export interface Counted {
  code: string;
  seizures: number;
}

/** The CEN figures of a period, as a publication (an analysis bulletin) prints them. */
export interface PeriodFigures {
  seizures: number;
  byCategory: { category: string; seizures: number }[];
  /** Every month of the period, those without a seizure too. */
  monthly: { month: string; seizures: number }[];
  topRoutes: { departure: string; destination: string; seizures: number }[];
  topConcealment: Counted[];
  topDetection: Counted[];
  byCountry: Counted[];
}

const byCount = <T extends { seizures: number }>(xs: T[], n: number) => [...xs].sort((a, b) => b.seizures - a.seizures || JSON.stringify(a).localeCompare(JSON.stringify(b))).slice(0, n);

/** The months from `from` to `to` (both YYYY-MM-DD), as YYYY-MM. */
function monthsBetween(from: string, to: string): string[] {
  const out: string[] = [];
  let [y, m] = [Number(from.slice(0, 4)), Number(from.slice(5, 7))];
  const [ty, tm] = [Number(to.slice(0, 4)), Number(to.slice(5, 7))];
  while (y < ty || (y === ty && m <= tm)) {
    out.push(`${y}-${String(m).padStart(2, '0')}`);
    [y, m] = m === 12 ? [y + 1, 1] : [y, m + 1];
  }
  return out;
}

/**
 * The validated seizures of a region (or the world) from `from` to `to` inclusive, counted over exactly that
 * period whatever its length and however many new years it crosses: one pass, grouping sets for every figure.
 * A seizure of several categories (or methods) counts once in each.
 */
export async function periodFigures(database: Pick<Database, 'rows'>, f: { region: string | null; from: string; to: string }, top = 10): Promise<PeriodFigures> {
  type Row = { month: string | null; categories: string[] | null; con: string[] | null; det: string[] | null; country: string | null; dep: string | null; dest: string | null; n: number; gs: number };
  const rows = await database.rows<Row>(sql`SELECT g.month, g.categories, g.con, g.det, g.country, g.dep, g.dest, count(*)::int AS n,
      GROUPING(g.month, g.categories, g.con, g.det, g.country, g.dep, g.dest) AS gs
    FROM (SELECT to_char(s.seized_at AT TIME ZONE 'UTC', 'YYYY-MM') AS month, s.categories, s.concealment_methods AS con,
                 s.detection_methods AS det, s.country, s.departure_country AS dep, s.destination_country AS dest
            FROM seizures s
           WHERE s.status = 'validated' AND s.seized_at >= ${f.from}::date AND s.seized_at < (${f.to}::date + 1)
             AND (${f.region}::text IS NULL OR s.region = ${f.region})) g
    GROUP BY GROUPING SETS ((g.month), (g.categories), (g.con), (g.det), (g.country), (g.dep, g.dest), ())`);
  const tally = () => new Map<string, number>();
  const add = (m: Map<string, number>, code: string | null | undefined, n: number) => {
    if (code != null) m.set(code, (m.get(code) ?? 0) + n);
  };
  const [months, categories, con, det, countries, routes] = [tally(), tally(), tally(), tally(), tally(), tally()];
  let seizures = 0;
  // GROUPING() bits, from the last argument: dest 0, dep 1, country 2, det 3, con 4, categories 5, month 6; a set's
  // own columns are 0, every other 1.
  const only = (gs: number, ...bits: number[]) => [0, 1, 2, 3, 4, 5, 6].every((b) => ((gs >> b) & 1) === (bits.includes(b) ? 0 : 1));
  for (const r of rows) {
    const gs = Number(r.gs);
    const n = Number(r.n);
    if (only(gs, 6)) add(months, r.month, n);
    else if (only(gs, 5)) for (const c of new Set(r.categories ?? [])) add(categories, c, n);
    else if (only(gs, 4)) for (const c of new Set(r.con ?? [])) add(con, c, n);
    else if (only(gs, 3)) for (const c of new Set(r.det ?? [])) add(det, c, n);
    else if (only(gs, 2)) add(countries, r.country, n);
    else if (only(gs, 1, 0)) add(routes, r.dep && r.dest ? `${r.dep}>${r.dest}` : null, n);
    else if (only(gs)) seizures += n;
  }
  const counted = (m: Map<string, number>) => [...m].map(([code, seizures]) => ({ code, seizures }));
  return {
    seizures,
    byCategory: byCount([...categories].map(([category, seizures]) => ({ category, seizures })), 1000),
    monthly: monthsBetween(f.from, f.to).map((month) => ({ month, seizures: months.get(month) ?? 0 })),
    topRoutes: byCount([...routes].map(([code, seizures]) => ({ departure: code.split('>')[0], destination: code.split('>')[1], seizures })), top),
    topConcealment: byCount(counted(con), top),
    topDetection: byCount(counted(det), top),
    byCountry: byCount(counted(countries), 15),
  };
}
