import { sql } from 'drizzle-orm';
import type { z } from 'zod';
import type { AppContext } from '../platform/context.ts';
import type { Db } from '../platform/db/database.ts';
import type { Principal } from '../platform/http/access.ts';
import { invalidField, notFound } from '../platform/http/problem.ts';
import { screeningProblem } from './problems.ts';
import type { OrganisationNames } from './organisations.ts';
import { queueNotice } from '../identity/index.ts';
import type { traceRequest } from './hits-schema.ts';
import type { Meta } from './records.ts';

type Ctx = Pick<AppContext, 'database' | 'audit' | 'events' | 'jobs'>;

const COLUMNS = sql`id, firearm_record_id AS "firearmRecordId", requester_user_id AS "requesterUserId", requester_org_id AS "requesterOrgId",
  owner_org_id AS "ownerOrgId", question, status, answer, answered_by AS "answeredBy", answered_at AS "answeredAt", created_at AS "createdAt"`;

export type TraceRequest = z.infer<typeof traceRequest>;

const iso = (v: unknown) => (v instanceof Date ? v.toISOString() : typeof v === 'string' ? new Date(v).toISOString() : v);
function out(row: Record<string, unknown>): TraceRequest {
  return { ...row, answeredAt: iso(row.answeredAt), createdAt: iso(row.createdAt) } as unknown as TraceRequest;
}
const rowsOf = async (db: Db, q: ReturnType<typeof sql>) => ((await db.execute(q)) as unknown as { rows: Record<string, unknown>[] }).rows;

/**
 * Firearm trace requests (iARMS practice): an enquirer asks the organisation that recorded a firearm
 * about it, the owner answers once, and both see where it stands.
 */
export function createTraceRequests(ctx: Ctx, orgNames?: OrganisationNames) {
  const { database, audit } = ctx;

  /** The request with the names of the two organisations beside their ids. */
  async function named(req: TraceRequest): Promise<TraceRequest> {
    const nameOf = (id: string) => (orgNames ? orgNames.nameOf(id) : Promise.resolve(null));
    const [requesterOrgName, ownerOrgName] = await Promise.all([nameOf(req.requesterOrgId), nameOf(req.ownerOrgId)]);
    return { ...req, requesterOrgName, ownerOrgName };
  }

  async function ask(actor: Principal, input: { firearmRecordId: string; question: string }, meta: Meta = {}): Promise<TraceRequest> {
    const [firearm] = await database.rows<{ orgId: string }>(sql`SELECT org_id AS "orgId" FROM screening_firearms WHERE id = ${input.firearmRecordId}`);
    if (!firearm) throw invalidField('body.firearmRecordId', 'is not a recorded firearm');
    if (firearm.orgId === actor.orgId) throw invalidField('body.firearmRecordId', 'was recorded by your own organisation');
    let publish: () => Promise<void> = async () => {};
    const created = await database.db.transaction(async (tx) => {
      const [row] = await rowsOf(tx, sql`INSERT INTO screening_trace_requests (firearm_record_id, requester_user_id, requester_org_id, owner_org_id, question)
        VALUES (${input.firearmRecordId}, ${actor.userId}, ${actor.orgId}, ${firearm.orgId}, ${input.question}) RETURNING ${COLUMNS}`);
      const req = out(row);
      await audit.record({ actor, action: 'screening.trace.ask', targetType: 'screening_trace_request', targetId: req.id, detail: { firearmRecordId: input.firearmRecordId, ownerOrgId: firearm.orgId }, ...meta }, tx);
      publish = await queueNotice(
        ctx,
        tx,
        { title: 'Firearm trace request', body: `Another administration asks about a firearm your organisation recorded (trace request ${req.id}).`, link: `/screening/trace-requests/${req.id}`, traceRequestId: req.id },
        { orgIds: [firearm.orgId] },
      );
      return req;
    });
    await publish();
    return named(created);
  }

  async function answer(actor: Principal, id: string, text: string, meta: Meta = {}): Promise<TraceRequest> {
    let publish: () => Promise<void> = async () => {};
    const answered = await database.db.transaction(async (tx) => {
      const [current] = await rowsOf(tx, sql`SELECT ${COLUMNS} FROM screening_trace_requests WHERE id = ${id} FOR UPDATE`);
      if (!current) throw notFound('Trace request');
      if (current.ownerOrgId !== actor.orgId) throw screeningProblem(403, 'not-recording-organisation', 'Only the organisation that recorded the firearm may answer.');
      if (current.status !== 'open') throw screeningProblem(409, 'trace-answered', 'This trace request was already answered.');
      const [row] = await rowsOf(tx, sql`UPDATE screening_trace_requests SET status = 'answered', answer = ${text}, answered_by = ${actor.userId}, answered_at = now()
        WHERE id = ${id} RETURNING ${COLUMNS}`);
      await audit.record({ actor, action: 'screening.trace.answer', targetType: 'screening_trace_request', targetId: id, ...meta }, tx);
      publish = await queueNotice(
        ctx,
        tx,
        { title: 'Firearm trace request answered', body: `The recording organisation answered your trace request ${id}.`, link: `/screening/trace-requests/${id}`, traceRequestId: id },
        { userIds: [String(current.requesterUserId)] },
      );
      return out(row);
    });
    await publish();
    return named(answered);
  }

  /** The requests the caller's organisation made (asked) or must answer (owner), or both. */
  async function list(actor: Principal, f: { status?: 'open' | 'answered'; role?: 'asked' | 'owner'; page: number; pageSize: number }) {
    const asked = sql`requester_org_id = ${actor.orgId}`;
    const owner = sql`owner_org_id = ${actor.orgId}`;
    const side = f.role === 'asked' ? asked : f.role === 'owner' ? owner : sql`(${asked} OR ${owner})`;
    const rows = await database.rows<Record<string, unknown>>(sql`SELECT ${COLUMNS}, count(*) OVER ()::int AS total FROM screening_trace_requests
      WHERE ${side} ${f.status ? sql`AND status = ${f.status}` : sql``} ORDER BY created_at DESC, id LIMIT ${f.pageSize} OFFSET ${(f.page - 1) * f.pageSize}`);
    const total = (rows[0]?.total as number | undefined) ?? 0;
    return { items: await Promise.all(rows.map(({ total: _t, ...r }) => named(out(r)))), total, page: f.page, pageSize: f.pageSize };
  }

  /** One request, for the organisation that asked, the one that recorded the firearm, or the I2C desk. */
  async function get(actor: Principal, id: string): Promise<TraceRequest> {
    const [row] = await database.rows<Record<string, unknown>>(sql`SELECT ${COLUMNS} FROM screening_trace_requests WHERE id = ${id}`);
    const involved = row && (row.requesterOrgId === actor.orgId || row.ownerOrgId === actor.orgId || actor.roles.includes('i2c_officer'));
    if (!involved) throw notFound('Trace request');
    return named(out(row));
  }

  return { ask, answer, list, get };
}

export type TraceRequests = ReturnType<typeof createTraceRequests>;
