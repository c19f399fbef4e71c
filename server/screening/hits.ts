import { sql } from 'drizzle-orm';
import type { z } from 'zod';
import type { AppContext } from '../platform/context.ts';
import type { Db } from '../platform/db/database.ts';
import type { Principal } from '../platform/http/access.ts';
import { notFound } from '../platform/http/problem.ts';
import { screeningProblem } from './problems.ts';
import type { OrganisationNames } from './organisations.ts';
import { LIST_DEFS, type ListName } from './lists.ts';
import { recordColumns, toApi, type StoredRecord } from './record-shape.ts';
import type { hit as hitSchema } from './hits-schema.ts';
import { queueNotice } from '../identity/index.ts';
import type { Meta } from './records.ts';

type Ctx = Pick<AppContext, 'database' | 'audit' | 'events' | 'jobs'>;

/** INTERPOL recommends validating an exact positive reply within one hour, 24/7 (seed 002, section VIII). */
export const VALIDATION_HOURS = 1;

export type HitStatus = 'pending' | 'confirmed' | 'not_confirmed';

const HIT_COLUMNS = sql`h.id, h.query_id AS "queryId", h.list, h.record_id AS "recordId", h.match,
  q.user_id AS "enquirerUserId", q.org_id AS "enquirerOrgId", q.on_behalf_of_org_id AS "onBehalfOfOrgId", h.for_org_id AS "forOrgId",
  h.recording_org_id AS "recordingOrgId", h.opened_at AS "openedAt",
  h.opened_at + make_interval(hours => ${VALIDATION_HOURS}) AS "validationDueAt",
  (h.status = 'pending' AND now() > h.opened_at + make_interval(hours => ${VALIDATION_HOURS})) AS overdue,
  h.status, h.note, h.decided_by AS "decidedBy", h.decided_at AS "decidedAt"`;

export type Hit = z.infer<typeof hitSchema>;

/** Timestamps arrive as Date (node-postgres) or text (PGlite): one ISO form for both. */
function hitOut(row: Record<string, unknown>): Hit {
  const out = toApi(row) as Record<string, unknown>;
  for (const k of ['openedAt', 'validationDueAt', 'decidedAt']) if (typeof out[k] === 'string') out[k] = new Date(out[k] as string).toISOString();
  return out as unknown as Hit;
}

export interface HitFilter {
  status?: HitStatus;
  role?: 'mine' | 'recording';
  page: number;
  pageSize: number;
}

/** Hits opened at the second level, their confirmation by the recording organisation and the notices they raise. */
export interface HitOptions {
  /** Names the organisations of a hit (the enquirer's, the one searched for, the recording one). */
  orgNames?: OrganisationNames;
  /** Stores the screening queries still waiting (the query log writes them in batches). */
  flushQueries?: () => Promise<void>;
  /** How long to wait before looking once more for a candidate of a query another node may not have stored yet. */
  lateQueryMs?: number;
}

export function createHits(ctx: Ctx, options: HitOptions = {}) {
  const { database, audit } = ctx;
  const flushQueries = options.flushQueries ?? (async () => undefined);
  const lateQueryMs = options.lateQueryMs ?? 300;
  const orgNames = options.orgNames;

  /** The hit with the names of its organisations beside their ids. */
  async function named(hit: Hit): Promise<Hit> {
    const nameOf = (id: unknown) => (orgNames ? orgNames.nameOf(id as string | null) : Promise.resolve(null));
    const [enquirerOrgName, forOrgName, recordingOrgName, onBehalfOfOrgName] = await Promise.all([nameOf(hit.enquirerOrgId), nameOf(hit.forOrgId), nameOf(hit.recordingOrgId), nameOf(hit.onBehalfOfOrgId)]);
    return { ...hit, enquirerOrgName, forOrgName, recordingOrgName, onBehalfOfOrgName };
  }

  async function candidate(queryId: string, recordId: string) {
    const [cand] = await database.rows<{ id: string; list: ListName; userId: string; opened: boolean }>(sql`
      SELECT h.id, h.list, q.user_id AS "userId", h.opened_at IS NOT NULL AS opened
        FROM screening_hits h JOIN screening_queries q ON q.id = h.query_id
       WHERE h.query_id = ${queryId} AND h.record_id = ${recordId}
       ORDER BY h.opened_at IS NULL, h.item_index LIMIT 1`);
    return cand;
  }

  async function loadHit(db: Db, id: string): Promise<Hit | null> {
    const rows = ((await db.execute(sql`SELECT ${HIT_COLUMNS} FROM screening_hits h JOIN screening_queries q ON q.id = h.query_id
      WHERE h.id = ${id} AND h.opened_at IS NOT NULL`)) as unknown as { rows: Record<string, unknown>[] }).rows;
    return rows[0] ? hitOut(rows[0]) : null;
  }

  /**
   * The enquirer opens a candidate of their query: the whole record comes back, the opening is
   * audited, and the first opening makes the candidate a pending hit and notifies the recording
   * organisation, the enquirer and the I2C desk. Opening it again is audited but notifies no one twice.
   */
  async function open(actor: Principal, queryId: string, recordId: string, meta: Meta = {}): Promise<{ hit: Hit; record: StoredRecord }> {
    // The query may still wait in this node's log writer, or, behind a load balancer, in another node's
    // (each stores its queries within a tenth of a second): store ours, and look once more a little later.
    await flushQueries();
    let cand = await candidate(queryId, recordId);
    if (!cand) {
      await new Promise((r) => setTimeout(r, lateQueryMs));
      cand = await candidate(queryId, recordId);
    }
    if (!cand) throw notFound('Candidate');
    // The query log records who asked; only they act on its answer (an I2C officer for the member they searched for).
    if (cand.userId !== actor.userId) throw screeningProblem(403, 'not-enquirer', 'Only the officer who made this search may open its candidates.');
    const def = LIST_DEFS[cand.list];
    let publish: (() => Promise<void>) | null = null;
    const result = await database.db.transaction(async (tx) => {
      const recs = ((await tx.execute(sql`SELECT ${recordColumns(cand.list)} FROM ${sql.raw(def.table)} WHERE id = ${recordId}`)) as unknown as { rows: Record<string, unknown>[] }).rows;
      if (!recs[0]) throw notFound('Record');
      const record = toApi(recs[0]);
      const opened = ((await tx.execute(sql`UPDATE screening_hits SET opened_at = now(), opened_by = ${actor.userId}, recording_org_id = ${record.orgId}, status = 'pending'
        WHERE id = ${cand.id} AND opened_at IS NULL RETURNING id`)) as unknown as { rows: unknown[] }).rows.length > 0;
      const hit = (await loadHit(tx, cand.id))!;
      await audit.record(
        { actor, action: 'screening.hit.open', targetType: `screening.${cand.list}`, targetId: recordId, onBehalfOfOrgId: hit.onBehalfOfOrgId ? String(hit.onBehalfOfOrgId) : undefined, detail: { hitId: hit.id, queryId, recordingOrgId: record.orgId, first: opened }, ...meta },
        tx,
      );
      if (opened)
        publish = await queueNotice(
          ctx,
          tx,
          { title: `Hit in ${listLabel(cand.list)}`, body: `A search matched a record in ${listLabel(cand.list)}; the recording organisation is asked to confirm it within ${VALIDATION_HOURS} hour (hit ${hit.id}).`, link: `/screening/hits/${hit.id}`, hitId: hit.id },
          { orgIds: [record.orgId, hit.forOrgId], userIds: [actor.userId], i2cDesk: true },
        );
      return { hit, record };
    });
    if (publish) await (publish as () => Promise<void>)();
    return { ...result, hit: await named(result.hit) };
  }

  /** The recording organisation confirms the hit or not, once; the enquirer hears of it. */
  async function decide(actor: Principal, id: string, input: { decision: Exclude<HitStatus, 'pending'>; note: string }, meta: Meta = {}): Promise<Hit> {
    let publish: (() => Promise<void>) | null = null;
    const hit = await database.db.transaction(async (tx) => {
      const current = await loadHit(tx, id);
      if (!current) throw notFound('Hit');
      if (current.recordingOrgId !== actor.orgId) throw screeningProblem(403, 'not-recording-organisation', 'Only the recording organisation may confirm this hit.');
      const changed = ((await tx.execute(sql`UPDATE screening_hits SET status = ${input.decision}, note = ${input.note}, decided_by = ${actor.userId}, decided_at = now()
        WHERE id = ${id} AND status = 'pending' RETURNING id`)) as unknown as { rows: unknown[] }).rows.length;
      if (!changed) throw screeningProblem(409, 'hit-decided', `This hit was already decided (${current.status}).`);
      await audit.record({ actor, action: 'screening.hit.decide', targetType: 'screening_hit', targetId: id, detail: { decision: input.decision }, ...meta }, tx);
      const word = input.decision === 'confirmed' ? 'confirmed' : 'not confirmed';
      publish = await queueNotice(
        ctx,
        tx,
        { title: `Hit ${word}`, body: `The recording organisation has ${word} the hit in ${listLabel(current.list)} (hit ${id}).`, link: `/screening/hits/${id}`, hitId: id },
        { userIds: [current.enquirerUserId], orgIds: [current.forOrgId], i2cDesk: true },
      );
      return (await loadHit(tx, id))!;
    });
    if (publish) await (publish as () => Promise<void>)();
    return named(hit);
  }

  /** Hits the caller's organisation enquired about (mine) or recorded (recording), or both. */
  async function list(actor: Principal, f: HitFilter) {
    const mine = sql`(q.org_id = ${actor.orgId} OR h.for_org_id = ${actor.orgId})`;
    const recording = sql`h.recording_org_id = ${actor.orgId}`;
    const side = f.role === 'mine' ? mine : f.role === 'recording' ? recording : sql`(${mine} OR ${recording})`;
    const rows = await database.rows<Record<string, unknown>>(sql`
      SELECT ${HIT_COLUMNS}, count(*) OVER ()::int AS total FROM screening_hits h JOIN screening_queries q ON q.id = h.query_id
       WHERE h.opened_at IS NOT NULL AND ${side} ${f.status ? sql`AND h.status = ${f.status}` : sql``}
       ORDER BY h.opened_at DESC, h.id LIMIT ${f.pageSize} OFFSET ${(f.page - 1) * f.pageSize}`);
    const total = (rows[0]?.total as number | undefined) ?? 0;
    return { items: await Promise.all(rows.map(({ total: _t, ...r }) => named(hitOut(r)))), total, page: f.page, pageSize: f.pageSize };
  }

  /** One hit, for either side or the I2C desk. */
  async function get(actor: Principal, id: string): Promise<Hit> {
    const hit = await loadHit(database.db, id);
    if (!hit) throw notFound('Hit');
    const involved = [hit.enquirerOrgId, hit.forOrgId, hit.recordingOrgId].includes(actor.orgId) || actor.roles.includes('i2c_officer');
    if (!involved) throw notFound('Hit');
    return named(hit);
  }

  return { open, decide, list, get };
}

export type Hits = ReturnType<typeof createHits>;

export const listLabel = (list: ListName) => list.replace(/_/g, ' ');
