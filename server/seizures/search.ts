import { sql, type SQL } from 'drizzle-orm';
import type { Database } from '../platform/db/database.ts';
import { textArray } from '../platform/db/pg-array.ts';
import type { Principal } from '../platform/http/access.ts';
import { getOrganisation } from '../identity/index.ts';
import { isoTimes } from './store.ts';
import type { ListQuery, SearchFilters } from './schema.ts';
import type { SummaryRow } from './summary-view.ts';

/**
 * Counting stops here: "1,000+ results" is an answer, and counting further is what made a broad search slow
 * (a million seizures: counting to 10,000 matches took most of a 180 ms search). Past the cap the pager goes on.
 */
export const TOTAL_CAP = 1_000;

/** What a user may see: validated records, their administration's own, and, for a RILO, its countries' queue. */
export interface Scope {
  orgId: string;
  /** The RILO code when the user's organisation is a RILO (its short name). */
  rilo: string | null;
  /** The WCO Secretariat sees every RILO's queue. */
  wco: boolean;
  roles: string[];
}

export async function scopeOf(database: Database, p: Principal): Promise<Scope> {
  const org = await getOrganisation(database, p.orgId);
  const analyst = p.roles.includes('rilo_analyst');
  return {
    orgId: p.orgId,
    rilo: analyst && org?.kind === 'rilo' ? org.shortName.toUpperCase() : null,
    wco: analyst && org?.kind === 'wco',
    roles: p.roles,
  };
}

export function visible(scope: Scope): SQL {
  const review = scope.wco
    ? sql` OR s.status IN ('submitted', 'returned')`
    : scope.rilo
      ? sql` OR (s.status IN ('submitted', 'returned') AND s.rilo = ${scope.rilo})`
      : sql``;
  return sql`(s.status = 'validated' OR s.org_id = ${scope.orgId}::uuid${review})`;
}

const anyOf = (column: string, values: string[] | undefined) => (values?.length ? sql`${sql.raw(column)} = ANY(${textArray(values)})` : null);
const overlaps = (column: string, values: string[] | undefined) => (values?.length ? sql`${sql.raw(column)} && ${textArray(values)}` : null);

/** The filters as SQL conditions over `seizures s`; every list filter uses an index (GIN for the arrays). */
export function filterConditions(f: SearchFilters): SQL[] {
  const out: (SQL | null)[] = [
    f.from ? sql`s.seized_at >= ${f.from}::date` : null,
    f.to ? sql`s.seized_at < (${f.to}::date + 1)` : null,
    anyOf('s.country', f.country),
    anyOf('s.region', f.region),
    overlaps('s.route_countries', f.routeCountry),
    anyOf('s.departure_country', f.departure),
    anyOf('s.destination_country', f.destination),
    overlaps('s.categories', f.category),
    f.hs ? sql`s.hs_prefixes @> ${textArray([f.hs])}` : null,
    overlaps('s.detection_methods', f.detection),
    overlaps('s.concealment_methods', f.concealment),
    anyOf('s.transport_mode', f.transport),
    anyOf('s.status', f.status),
    f.org ? sql`s.org_id = ${f.org}::uuid` : null,
    f.q ? sql`(s.tsv @@ websearch_to_tsquery('simple', ${f.q}) OR s.reference = ${f.q.toUpperCase()})` : null,
  ];
  return out.filter((c): c is SQL => c !== null);
}

export function whereClause(scope: Scope, f: SearchFilters): SQL {
  // An external reference is the reporting administration's own: it finds only that administration's seizures.
  const own = f.externalRef ? [sql`s.org_id = ${scope.orgId}::uuid AND s.external_ref = ${f.externalRef}`] : [];
  return sql.join([visible(scope), ...filterConditions(f), ...own], sql` AND `);
}

const ORDER: Record<string, string> = {
  seizedAt: 's.seized_at ASC, s.id ASC',
  '-seizedAt': 's.seized_at DESC, s.id DESC',
  reference: 's.reference ASC',
  '-reference': 's.reference DESC',
  country: 's.country ASC, s.seized_at DESC, s.id DESC',
  '-country': 's.country DESC, s.seized_at DESC, s.id DESC',
  updatedAt: 's.updated_at ASC, s.id ASC',
  '-updatedAt': 's.updated_at DESC, s.id DESC',
};

/** A line of a result list: enough to choose which record to open. */
export const SUMMARY_COLUMNS = sql.raw(`s.id, s.reference, s.status, o.name AS "orgName", s.seized_at AS "seizedAt", s.country, s.region,
  s.location_type AS "locationType", s.categories, s.departure_country AS "departureCountry", s.destination_country AS "destinationCountry",
  s.submitted_at AS "submittedAt",
  (SELECT c.quantity::text || ' ' || c.unit || ' ' || coalesce(c.subcategory, c.category) FROM seizure_commodities c
    WHERE c.seizure_id = s.id ORDER BY c.line_no LIMIT 1) AS headline`);

export function summaryOut(r: Record<string, unknown>): SummaryRow {
  const out = isoTimes({ ...r }, ['seizedAt', 'submittedAt']) as Record<string, unknown>;
  for (const k of ['seizedAt', 'submittedAt']) if (out[k] instanceof Date) out[k] = (out[k] as Date).toISOString();
  out.headline = out.headline ?? '';
  return out as unknown as SummaryRow;
}

export function createSearch(database: Database) {
  async function list(scope: Scope, q: ListQuery) {
    const where = whereClause(scope, q);
    const offset = (q.page - 1) * q.pageSize;
    const [items, count] = await Promise.all([
      database.rows<Record<string, unknown>>(sql`SELECT ${SUMMARY_COLUMNS} FROM seizures s JOIN identity_organisations o ON o.id = s.org_id
        WHERE ${where} ORDER BY ${sql.raw(ORDER[q.sort])} LIMIT ${q.pageSize} OFFSET ${offset}`),
      database.rows<{ n: number }>(sql`SELECT count(*)::int AS n FROM (SELECT 1 FROM seizures s WHERE ${where} LIMIT ${TOTAL_CAP + 1}) x`),
    ]);
    const n = count[0]?.n ?? 0;
    return { items: items.map(summaryOut), total: Math.min(n, TOTAL_CAP), totalCapped: n > TOTAL_CAP, page: q.page, pageSize: q.pageSize };
  }

  /** Pages through every match in seizure order, for exports (keyset, so page 500 costs what page 1 does). */
  async function* matchingIds(scope: Scope, f: SearchFilters, batch = 1000): AsyncGenerator<string[]> {
    let after: { at: string; id: string } | null = null;
    const where = whereClause(scope, f);
    for (;;) {
      const page: { id: string; at: string }[] = await database.rows<{ id: string; at: string }>(sql`SELECT s.id, s.seized_at::text AS at FROM seizures s
        WHERE ${where}${after ? sql` AND (s.seized_at, s.id) < (${after.at}::timestamptz, ${after.id}::uuid)` : sql``}
        ORDER BY s.seized_at DESC, s.id DESC LIMIT ${batch}`);
      if (!page.length) return;
      yield page.map((r) => r.id);
      if (page.length < batch) return;
      after = page[page.length - 1];
    }
  }

  /** The RILO's queue: submitted records of its countries, oldest first, with their age. */
  async function queue(scope: Scope) {
    if (!scope.rilo && !scope.wco) return [];
    const rows = await database.rows<Record<string, unknown>>(sql`SELECT ${SUMMARY_COLUMNS},
        extract(epoch FROM now() - s.submitted_at) / 3600 AS "ageHours"
      FROM seizures s JOIN identity_organisations o ON o.id = s.org_id
      WHERE s.status = 'submitted'${scope.wco ? sql`` : sql` AND s.rilo = ${scope.rilo}`}
      ORDER BY s.submitted_at ASC LIMIT 500`);
    return rows.map((r) => ({ ...summaryOut(r), ageHours: Math.round(Number(r.ageHours) * 10) / 10 }));
  }

  return { list, matchingIds, queue };
}

export type Search = ReturnType<typeof createSearch>;
