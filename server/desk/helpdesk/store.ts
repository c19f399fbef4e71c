import { sql, type SQL } from 'drizzle-orm';
import { isoTime } from '../../platform/db/timestamps.ts';
import type { RequestClock, RequestStatus, RequestSummary } from './helpdesk-view.ts';

/** A request row as read with its organisation and people's names (identity's published views). */
export interface RequestRow extends Omit<RequestSummary, 'createdAt' | 'updatedAt' | 'firstResponseAt' | 'resolvedAt' | 'closedAt' | 'clock'> {
  createdAt: Date | string;
  updatedAt: Date | string;
  firstResponseAt: Date | string | null;
  resolvedAt: Date | string | null;
  closedAt: Date | string | null;
  firstResponseDue: Date | string;
  resolutionDue: Date | string;
  waitingSince: Date | string | null;
  pausedSeconds: number;
  search: { identifier: string; list: string | null } | null;
  satisfactionComment: string;
}

export const REQUEST_COLUMNS = sql`r.id, r.reference, r.type, r.priority, r.status, r.subject, r.org_id AS "orgId", o.name AS "orgName",
  o.country, o.region, r.created_by AS "createdBy", coalesce(c.display_name, '') AS "createdByName", r.assignee_id AS "assigneeId",
  a.display_name AS "assigneeName", r.created_at AS "createdAt", r.updated_at AS "updatedAt", r.first_response_at AS "firstResponseAt",
  r.resolved_at AS "resolvedAt", r.closed_at AS "closedAt", r.satisfaction, r.satisfaction_comment AS "satisfactionComment",
  r.first_response_due AS "firstResponseDue", r.resolution_due AS "resolutionDue", r.waiting_since AS "waitingSince",
  r.paused_seconds AS "pausedSeconds", r.search`;
export const REQUEST_FROM = sql`helpdesk_requests r JOIN identity_organisations o ON o.id = r.org_id
  LEFT JOIN identity_users c ON c.id = r.created_by LEFT JOIN identity_users a ON a.id = r.assignee_id`;

const closedStatuses = sql`('resolved', 'closed')`;
/** Open, not waiting for the member, and past the due time of the target it runs against (the pause added). */
export const OVERDUE: SQL = sql`(r.status NOT IN ${closedStatuses} AND r.status <> 'waiting_member' AND now() > CASE
  WHEN r.first_response_at IS NULL THEN r.first_response_due ELSE r.resolution_due END + make_interval(secs => r.paused_seconds))`;

const ms = (v: Date | string) => new Date(v).getTime();

/** Where the response-time clock stands at `now`: the running target, its due time and whether it was met. */
export function clockOf(r: Pick<RequestRow, 'status' | 'firstResponseAt' | 'resolvedAt' | 'firstResponseDue' | 'resolutionDue' | 'waitingSince' | 'pausedSeconds'>, now = Date.now()): RequestClock {
  const paused = r.status === 'waiting_member';
  const pausedMs = r.pausedSeconds * 1000 + (r.waitingSince ? now - ms(r.waitingSince) : 0);
  const firstDue = ms(r.firstResponseDue) + r.pausedSeconds * 1000;
  const resolutionDue = ms(r.resolutionDue) + pausedMs;
  const done = r.status === 'resolved' || r.status === 'closed';
  const target = done ? 'none' : r.firstResponseAt ? 'resolution' : 'first_response';
  const dueAt = target === 'first_response' ? firstDue : target === 'resolution' ? resolutionDue : null;
  return {
    target,
    dueAt: dueAt === null ? null : new Date(dueAt).toISOString(),
    paused,
    overdue: dueAt !== null && !paused && now > dueAt,
    firstResponseMet: r.firstResponseAt ? ms(r.firstResponseAt) <= firstDue : null,
    resolutionMet: r.resolvedAt ? ms(r.resolvedAt) <= ms(r.resolutionDue) + r.pausedSeconds * 1000 : null,
  };
}

export function summaryOf(r: RequestRow, now = Date.now()): RequestSummary {
  return {
    id: r.id,
    reference: r.reference,
    type: r.type,
    priority: r.priority,
    status: r.status as RequestStatus,
    subject: r.subject,
    orgId: r.orgId,
    orgName: r.orgName,
    country: r.country,
    region: r.region,
    createdBy: r.createdBy,
    createdByName: r.createdByName,
    assigneeId: r.assigneeId,
    assigneeName: r.assigneeName,
    createdAt: isoTime(r.createdAt),
    updatedAt: isoTime(r.updatedAt),
    firstResponseAt: isoTime(r.firstResponseAt),
    resolvedAt: isoTime(r.resolvedAt),
    closedAt: isoTime(r.closedAt),
    satisfaction: r.satisfaction,
    clock: clockOf(r, now),
  };
}
