import { sql, type SQL } from 'drizzle-orm';
import type { AppContext } from '../../platform/context.ts';
import { execRows, type Db } from '../../platform/db/database.ts';
import { textArray } from '../../platform/db/pg-array.ts';
import type { Principal } from '../../platform/http/access.ts';
import { conflict, forbidden, invalidField, notFound } from '../../platform/http/problem.ts';
import { queueNotice, type Recipients } from '../../identity/index.ts';
import { isI2cStaff } from '../desk-view.ts';
import { partyOf, type Party } from './access.ts';
import { FIRST_RESPONSE_HOURS, I2C_MOVES, resolutionHours, type RequestDetail, type RequestStatus, type RequestSummary } from './helpdesk-view.ts';
import type { QueueQuery, RequestInput } from './schema.ts';
import { OVERDUE, REQUEST_COLUMNS, REQUEST_FROM, summaryOf, type RequestRow } from './store.ts';
import { readThread } from './thread.ts';

export type Ctx = Pick<AppContext, 'database' | 'audit' | 'events' | 'jobs'>;
export type Meta = { ip?: string; requestId?: string };
const likeEscape = (s: string) => s.replace(/[\\%_]/g, (c) => `\\${c}`);
const HOUR_MS = 3_600_000;
const notI2c = () => forbidden('Only the I2C moves, assigns or prioritises a help-desk request.');

/**
 * Help-desk requests: a member asks, the I2C answers in a thread, moves the status, assigns an officer and
 * runs the clock against the response-time targets. Every change is written with its thread entry, audit
 * record and notices in one transaction; the live notices go out after commit.
 */
export function createRequests(ctx: Ctx) {
  const { database, audit } = ctx;

  async function load(db: Db, id: string, lock = false): Promise<RequestRow> {
    const [row] = await execRows<RequestRow>(db, sql`SELECT ${REQUEST_COLUMNS} FROM ${REQUEST_FROM} WHERE r.id = ${id} ${lock ? sql`FOR UPDATE OF r` : sql``}`);
    if (!row) throw notFound('Help-desk request');
    return row;
  }

  /** Writes one entry of the thread. */
  async function addEntry(tx: Db, requestId: string, actor: Principal, kind: string, body: string, detail: object = {}) {
    const [{ id }] = await execRows<{ id: string }>(tx, sql`INSERT INTO helpdesk_entries (request_id, kind, author_id, author_org_id, body, detail)
      VALUES (${requestId}, ${kind}, ${actor.userId}, ${actor.orgId}, ${body}, ${JSON.stringify(detail)}::jsonb) RETURNING id`);
    await tx.execute(sql`UPDATE helpdesk_requests SET updated_at = now() WHERE id = ${requestId}`);
    return id;
  }

  /** Tells the other party (by mail in the transaction, live after commit) and refreshes open pages. */
  async function tell(tx: Db, row: RequestRow, from: Party, title: string, body: string) {
    const to: Recipients = from === 'member' ? (row.assigneeId ? { userIds: [row.assigneeId] } : { i2cDesk: true }) : { userIds: [row.createdBy] };
    const publish = await queueNotice(ctx, tx, { title: `${row.reference}: ${title}`, body, link: `/desk/helpdesk/${row.id}` }, to);
    return async () => {
      await publish();
      await ctx.events.publish('desk.request', { requestId: row.id, reference: row.reference }, { orgIds: [row.orgId], roles: ['i2c_officer'] });
    };
  }

  /** Moves the status, keeping the clock's pause and the resolution times right. */
  async function move(tx: Db, row: RequestRow, to: RequestStatus) {
    await tx.execute(sql`UPDATE helpdesk_requests SET status = ${to},
        paused_seconds = paused_seconds + CASE WHEN waiting_since IS NOT NULL AND ${to} <> 'waiting_member' THEN greatest(0, extract(epoch FROM now() - waiting_since))::int ELSE 0 END,
        waiting_since = CASE WHEN ${to} = 'waiting_member' THEN coalesce(waiting_since, now()) ELSE NULL END,
        resolved_at = CASE WHEN ${to} = 'resolved' THEN now() WHEN ${to} = 'closed' THEN resolved_at ELSE NULL END,
        closed_at = CASE WHEN ${to} = 'closed' THEN now() ELSE NULL END,
        updated_at = now()
      WHERE id = ${row.id}`);
  }

  async function create(actor: Principal, input: RequestInput, meta: Meta = {}): Promise<{ id: string; reference: string }> {
    let after: () => Promise<void> = async () => {};
    const created = await database.db.transaction(async (tx) => {
      const firstDue = FIRST_RESPONSE_HOURS[input.priority] * HOUR_MS;
      const resolutionDue = resolutionHours(input.type, input.priority) * HOUR_MS;
      const [r] = await execRows<{ id: string; reference: string }>(tx, sql`INSERT INTO helpdesk_requests
          (reference, type, priority, subject, org_id, created_by, search, first_response_due, resolution_due)
        VALUES ('HD-' || to_char(now(), 'YYYY') || '-' || lpad(nextval('helpdesk_request_number')::text, 6, '0'), ${input.type}, ${input.priority},
          ${input.subject}, ${actor.orgId}, ${actor.userId}, ${input.search ? JSON.stringify(input.search) : null}::jsonb,
          now() + make_interval(secs => ${firstDue / 1000}), now() + make_interval(secs => ${resolutionDue / 1000}))
        RETURNING id, reference`);
      await addEntry(tx, r.id, actor, 'message', input.body);
      await audit.record({ actor, action: 'desk.request.create', targetType: 'desk.request', targetId: r.id, detail: { reference: r.reference, type: input.type, priority: input.priority }, ...meta }, tx);
      const row = await load(tx, r.id);
      after = await tell(tx, row, 'member', input.subject, `A new ${input.type.replace(/_/g, ' ')} request from ${row.orgName} (${input.priority}).`);
      return r;
    });
    await after();
    return created;
  }

  async function queue(actor: Principal, q: QueueQuery): Promise<{ requests: RequestSummary[]; total: number }> {
    const where: SQL[] = [isI2cStaff(actor.roles) ? sql`true` : sql`r.org_id = ${actor.orgId}`];
    if (q.status?.length) where.push(sql`r.status = ANY(${textArray(q.status)})`);
    if (q.type?.length) where.push(sql`r.type = ANY(${textArray(q.type)})`);
    if (q.priority?.length) where.push(sql`r.priority = ANY(${textArray(q.priority)})`);
    if (q.region?.length) where.push(sql`o.region = ANY(${textArray(q.region)})`);
    if (q.assignee === 'me') where.push(sql`r.assignee_id = ${actor.userId}`);
    else if (q.assignee === 'none') where.push(sql`r.assignee_id IS NULL`);
    else if (q.assignee) where.push(sql`r.assignee_id = ${q.assignee}`);
    if (q.overdue) where.push(q.overdue === 'true' ? OVERDUE : sql`NOT ${OVERDUE}`);
    if (q.q) {
      const like = `%${likeEscape(q.q)}%`;
      where.push(sql`(r.reference ILIKE ${like} OR r.subject ILIKE ${like} OR o.name ILIKE ${like} OR o.short_name ILIKE ${like})`);
    }
    // Open requests first, the oldest on top (the queue's ageing); then the finished ones, newest first.
    const rows = await database.rows<RequestRow & { total: number }>(sql`SELECT ${REQUEST_COLUMNS}, count(*) OVER ()::int AS total FROM ${REQUEST_FROM}
      WHERE ${sql.join(where, sql` AND `)}
      ORDER BY (r.status IN ('resolved', 'closed')), CASE WHEN r.status IN ('resolved', 'closed') THEN NULL ELSE r.created_at END ASC NULLS LAST, r.updated_at DESC, r.id
      LIMIT ${q.limit} OFFSET ${q.offset}`);
    const now = Date.now();
    return { requests: rows.map((r) => summaryOf(r, now)), total: rows[0]?.total ?? 0 };
  }

  async function get(actor: Principal, id: string, meta: Meta = {}): Promise<RequestDetail> {
    const row = await load(database.db, id);
    const party = partyOf(actor, row.orgId);
    const entries = await readThread(database, id, party === 'i2c');
    await audit.record({ actor, action: 'desk.request.read', targetType: 'desk.request', targetId: id, detail: { reference: row.reference }, ...meta });
    const open = row.status !== 'closed';
    return {
      ...summaryOf(row),
      search: row.search,
      satisfactionComment: row.satisfactionComment,
      entries,
      can: { reply: open, note: party === 'i2c' && open, manage: party === 'i2c' && open, runSearch: party === 'i2c' && open && row.type === 'watch_list_search', close: open },
    };
  }

  /** A message in the thread (or, for the I2C, an internal note). The I2C's first message stops the first-response clock. */
  async function reply(actor: Principal, id: string, body: string, internal: boolean, meta: Meta = {}) {
    let after: () => Promise<void> = async () => {};
    const entryId = await database.db.transaction(async (tx) => {
      const row = await load(tx, id, true);
      const party = partyOf(actor, row.orgId);
      if (row.status === 'closed') throw conflict(`Request ${row.reference} is closed: open a new request to go on.`);
      if (internal && party !== 'i2c') throw invalidField('internal', 'only the I2C writes internal notes');
      const entry = await addEntry(tx, id, actor, internal ? 'note' : 'message', body);
      if (!internal) {
        if (party === 'i2c') {
          await tx.execute(sql`UPDATE helpdesk_requests SET first_response_at = coalesce(first_response_at, now()) WHERE id = ${id}`);
          if (row.status === 'new') await move(tx, row, 'in_progress');
        } else if (row.status === 'waiting_member' || row.status === 'resolved') {
          // The member answered (or is not satisfied with the resolution): the I2C's turn again.
          await move(tx, row, 'in_progress');
          await addEntry(tx, id, actor, 'status', '', { from: row.status, status: 'in_progress' });
        }
        after = await tell(tx, row, party, 'new message', party === 'i2c' ? 'The I2C answered your request.' : `${row.orgName} wrote on the request.`);
      }
      await audit.record({ actor, action: internal ? 'desk.request.note' : 'desk.request.message', targetType: 'desk.request', targetId: id, detail: { entryId: entry }, ...meta }, tx);
      return entry;
    });
    await after();
    return entryId;
  }

  /** The I2C moves a request (a note, if given, goes into the thread as a message to the member). */
  async function setStatus(actor: Principal, id: string, to: RequestStatus, note: string, meta: Meta = {}) {
    let after: () => Promise<void> = async () => {};
    await database.db.transaction(async (tx) => {
      const row = await load(tx, id, true);
      if (partyOf(actor, row.orgId) !== 'i2c') throw notI2c();
      if (!I2C_MOVES[row.status as RequestStatus].includes(to)) {
        throw conflict(`Request ${row.reference} cannot go from ${row.status} to ${to}.`, [{ field: 'status', message: `must be one of ${I2C_MOVES[row.status as RequestStatus].join(', ') || '(none: the request is closed)'}` }]);
      }
      await move(tx, row, to);
      await addEntry(tx, id, actor, 'status', note, { from: row.status, status: to });
      if (note) await tx.execute(sql`UPDATE helpdesk_requests SET first_response_at = coalesce(first_response_at, now()) WHERE id = ${id}`);
      await audit.record({ actor, action: 'desk.request.status', targetType: 'desk.request', targetId: id, detail: { from: row.status, to }, ...meta }, tx);
      after = await tell(tx, row, 'i2c', `now ${to.replace(/_/g, ' ')}`, note || `The I2C set the request to ${to.replace(/_/g, ' ')}.`);
    });
    await after();
  }

  /** The I2C assigns an officer (or none) and sets the priority; the targets follow a new priority. */
  async function manage(actor: Principal, id: string, change: { assigneeId?: string | null; priority?: RequestDetail['priority'] }, meta: Meta = {}) {
    let after: () => Promise<void> = async () => {};
    await database.db.transaction(async (tx) => {
      const row = await load(tx, id, true);
      if (partyOf(actor, row.orgId) !== 'i2c') throw notI2c();
      if (row.status === 'closed') throw conflict(`Request ${row.reference} is closed.`);
      if (change.assigneeId !== undefined && change.assigneeId !== row.assigneeId) {
        let name: string | null = null;
        if (change.assigneeId) {
          const [officer] = await execRows<{ name: string }>(tx, sql`SELECT display_name AS name FROM identity_users WHERE id = ${change.assigneeId} AND NOT disabled AND 'i2c_officer' = ANY(roles)`);
          if (!officer) throw invalidField('assigneeId', 'must be an active I2C officer');
          name = officer.name;
        }
        await tx.execute(sql`UPDATE helpdesk_requests SET assignee_id = ${change.assigneeId} WHERE id = ${id}`);
        await addEntry(tx, id, actor, 'assignment', '', { assigneeName: name });
        if (change.assigneeId && change.assigneeId !== actor.userId) {
          const publish = await queueNotice(ctx, tx, { title: `${row.reference}: assigned to you`, body: row.subject, link: `/desk/helpdesk/${id}` }, { userIds: [change.assigneeId] });
          after = publish;
        }
      }
      if (change.priority && change.priority !== row.priority) {
        const firstDue = FIRST_RESPONSE_HOURS[change.priority] * 3600;
        const resolutionDue = resolutionHours(row.type, change.priority) * 3600;
        await tx.execute(sql`UPDATE helpdesk_requests SET priority = ${change.priority},
          first_response_due = created_at + make_interval(secs => ${firstDue}), resolution_due = created_at + make_interval(secs => ${resolutionDue}) WHERE id = ${id}`);
        await addEntry(tx, id, actor, 'priority', '', { priority: change.priority });
      }
      await audit.record({ actor, action: 'desk.request.manage', targetType: 'desk.request', targetId: id, detail: change, ...meta }, tx);
    });
    await after();
  }

  /** Either party closes; the member may say how satisfied they are (1 to 5) and why. */
  async function close(actor: Principal, id: string, answer: { satisfaction: number | null; comment: string }, meta: Meta = {}) {
    let after: () => Promise<void> = async () => {};
    await database.db.transaction(async (tx) => {
      const row = await load(tx, id, true);
      const party = partyOf(actor, row.orgId);
      if (row.status === 'closed') throw conflict(`Request ${row.reference} is closed already.`);
      if (party === 'i2c' && (answer.satisfaction !== null || answer.comment)) throw invalidField('satisfaction', 'is the member’s answer: the I2C closes without one');
      await move(tx, row, 'closed');
      if (party === 'member') await tx.execute(sql`UPDATE helpdesk_requests SET satisfaction = ${answer.satisfaction}, satisfaction_comment = ${answer.comment} WHERE id = ${id}`);
      await addEntry(tx, id, actor, 'status', answer.comment, { from: row.status, status: 'closed' });
      await audit.record({ actor, action: 'desk.request.close', targetType: 'desk.request', targetId: id, detail: { satisfaction: answer.satisfaction }, ...meta }, tx);
      after = await tell(tx, row, party, 'closed', party === 'member' ? `${row.orgName} closed the request.` : 'The I2C closed the request.');
    });
    await after();
  }

  return { load, addEntry, tell, create, queue, get, reply, setStatus, manage, close };
}


export type Requests = ReturnType<typeof createRequests>;
