import { sql } from 'drizzle-orm';
import type { Database } from '../../platform/db/database.ts';
import type { HelpdeskStats, RequestStatus, RequestType } from './helpdesk-view.ts';

const day = (d: Date) => d.toISOString().slice(0, 10);

/** The desk's figures over the requests opened in a period (default: the last twelve months), in SQL. */
export async function helpdeskStats(database: Database, q: { from?: string; to?: string }): Promise<HelpdeskStats> {
  const to = q.to ?? day(new Date());
  const from = q.from ?? day(new Date(Date.now() - 365 * 86_400_000));
  const period = sql`r.created_at >= ${from}::date AND r.created_at < ${to}::date + 1`;
  const [figures] = await database.rows<Omit<HelpdeskStats, 'from' | 'to' | 'byType' | 'byRegion' | 'byStatus'>>(sql`SELECT count(*)::int AS total,
      count(*) FILTER (WHERE r.status IN ('new', 'in_progress', 'waiting_member'))::int AS open,
      (percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM r.first_response_at - r.created_at) / 60))::float AS "medianFirstResponseMinutes",
      (percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM r.resolved_at - r.created_at) / 60))::float AS "medianResolutionMinutes",
      (avg(CASE WHEN r.first_response_at <= r.first_response_due + make_interval(secs => r.paused_seconds) THEN 1.0 ELSE 0.0 END)
         FILTER (WHERE r.first_response_at IS NOT NULL))::float AS "firstResponseWithinTarget",
      (avg(r.satisfaction))::float AS "satisfactionAverage", count(r.satisfaction)::int AS "satisfactionCount"
    FROM helpdesk_requests r WHERE ${period}`);
  const byType = await database.rows<{ type: RequestType; count: number }>(sql`SELECT r.type, count(*)::int AS count FROM helpdesk_requests r WHERE ${period} GROUP BY r.type ORDER BY count DESC, r.type`);
  const byRegion = await database.rows<{ region: string | null; count: number }>(sql`SELECT o.region, count(*)::int AS count
    FROM helpdesk_requests r JOIN identity_organisations o ON o.id = r.org_id WHERE ${period} GROUP BY o.region ORDER BY count DESC, o.region NULLS LAST`);
  const byStatus = await database.rows<{ status: RequestStatus; count: number }>(sql`SELECT r.status, count(*)::int AS count FROM helpdesk_requests r WHERE ${period} GROUP BY r.status ORDER BY r.status`);
  const round = (v: number | null) => (v === null ? null : Math.round(v * 100) / 100);
  return {
    from,
    to,
    ...figures,
    medianFirstResponseMinutes: round(figures.medianFirstResponseMinutes),
    medianResolutionMinutes: round(figures.medianResolutionMinutes),
    firstResponseWithinTarget: round(figures.firstResponseWithinTarget),
    satisfactionAverage: round(figures.satisfactionAverage),
    byType,
    byRegion,
    byStatus,
  };
}
