import { sql } from 'drizzle-orm';
import { type Database, type Db, execRows } from '../../platform/db/database.ts';
import { isoTime } from '../../platform/db/timestamps.ts';
import type { SeizureChange } from '../../seizures/index.ts';
import { OUTBOX_STATES, type HubState, type OutboxItem, type OutboxOperation, type OutboxState } from '../outbox-view.ts';

/** Every node's sender listens here; a change, a retry or a resume notifies it (on commit). */
export const OUTBOX_CHANNEL = 'opencen_outbox';

export interface OutboxRow {
  id: string;
  seizureId: string;
  seizureReference: string;
  operation: OutboxOperation;
  state: OutboxState;
  attempts: number;
  nextAttemptAt: Date | string | null;
  lastError: string | null;
  hubStatus: number | null;
  createdAt: Date | string;
  sentAt: Date | string | null;
  lockedUntil: Date | string | null;
}

export interface HubRecord {
  seizureId: string;
  hubId: string | null;
  hubReference: string | null;
  hubStatus: 'draft' | 'submitted' | 'validated' | 'returned' | null;
  hubComment: string | null;
  withdrawn: boolean;
  checkedAt: Date | string | null;
  lastError: string | null;
}

const ROW = sql.raw(`id::text AS id, seizure_id AS "seizureId", seizure_reference AS "seizureReference", operation, state, attempts,
  next_attempt_at AS "nextAttemptAt", last_error AS "lastError", hub_status AS "hubStatus", created_at AS "createdAt", sent_at AS "sentAt",
  locked_until AS "lockedUntil"`);
const HUB = sql.raw(`seizure_id AS "seizureId", hub_id AS "hubId", hub_reference AS "hubReference", hub_status AS "hubStatus",
  hub_comment AS "hubComment", withdrawn, checked_at AS "checkedAt", last_error AS "lastError"`);
/** Not being sent by a live process: never claimed, or its sender's lease ran out (the process died). */
const IDLE = sql.raw(`(locked_until IS NULL OR locked_until < now())`);
const ms = (n: number) => sql`(${Math.max(0, Math.round(n))} * interval '1 millisecond')`;

export function itemOut(r: OutboxRow): OutboxItem {
  return {
    id: r.id,
    seizureId: r.seizureId,
    seizureReference: r.seizureReference,
    operation: r.operation,
    state: r.state,
    attempts: r.attempts,
    // A sent or superseded row waits for nothing.
    nextAttemptAt: r.state === 'pending' ? isoTime(r.nextAttemptAt) : null,
    lastError: r.lastError,
    hubStatus: r.hubStatus,
    createdAt: isoTime(r.createdAt),
    sentAt: isoTime(r.sentAt),
  };
}

/**
 * The outbox row of one change, written in the change's own transaction (the seizures module's change
 * hook), so that a change and its row commit together. A later change makes the earlier rows of the same
 * seizure that are not being sent pointless where it covers them: any refused row (its officer changed the
 * record, or removed it) and a waiting update (the payload is built at send time, from the record as it is
 * then). A waiting creation stays: what follows it needs the hub's copy.
 */
export async function queueChange(tx: Db, change: SeizureChange): Promise<string | null> {
  const id = change.seizureId;
  const removed = change.kind === 'removed';
  // One statement, so that the change's transaction (which holds the audit chain's lock) waits on one round trip.
  const [row] = await execRows<{ id: string | null }>(
    tx,
    sql`WITH known AS (
        SELECT EXISTS (SELECT 1 FROM national_hub_seizures WHERE seizure_id = ${id} AND hub_id IS NOT NULL AND NOT withdrawn) AS on_hub,
          EXISTS (SELECT 1 FROM national_outbox WHERE seizure_id = ${id} AND operation = 'create' AND state IN ('pending', 'sent')) AS queued,
          EXISTS (SELECT 1 FROM national_outbox WHERE seizure_id = ${id}) AS seen),
      pointless AS (
        UPDATE national_outbox SET state = 'superseded' WHERE seizure_id = ${id}
          AND (state = 'failed' OR (state = 'pending' AND ${IDLE} AND (${removed} OR operation = 'update')))
        RETURNING id),
      queued AS (
        INSERT INTO national_outbox (seizure_id, seizure_reference, operation)
        SELECT ${id}, ${change.reference}, CASE WHEN ${removed} THEN 'withdraw' WHEN on_hub OR queued THEN 'update' ELSE 'create' END
          FROM known
        -- A draft that never left has nothing on the hub to withdraw.
         WHERE NOT ${removed} OR seen OR on_hub
        RETURNING id)
      SELECT (SELECT id::text FROM queued) AS id, (SELECT count(*) FROM pointless) AS superseded, pg_notify(${OUTBOX_CHANNEL}, 'queued')`,
  );
  return row?.id ?? null;
}

/**
 * Claims up to `limit` rows to send, oldest first: a row is due when its time has come, no live process is
 * sending it, and no earlier row of its seizure is waiting or refused (strictly in order per seizure, one
 * at a time). The claim is a lease: a process that dies mid-send loses it and the row is sent again.
 */
export async function claimDue(database: Database, workerId: string, limit: number, leaseMs: number, probe = false): Promise<OutboxRow[]> {
  if (limit < 1) return [];
  // A probe of a hub that was down takes the oldest row whatever its next attempt, so the queue drains in order.
  const due = probe ? sql`true` : sql`c.next_attempt_at <= now()`;
  return database.rows<OutboxRow>(sql`
    UPDATE national_outbox SET locked_by = ${workerId}, locked_until = now() + ${ms(leaseMs)}, attempts = attempts + 1
    WHERE id IN (
      SELECT c.id FROM national_outbox c
      WHERE c.state = 'pending' AND ${due} AND (c.locked_until IS NULL OR c.locked_until < now())
        AND NOT EXISTS (SELECT 1 FROM national_outbox p WHERE p.seizure_id = c.seizure_id AND p.id < c.id AND p.state IN ('pending', 'failed'))
      ORDER BY c.id
      LIMIT ${limit}
      FOR UPDATE SKIP LOCKED)
    RETURNING ${ROW}`);
}

export async function renewLeases(database: Database, workerId: string, ids: string[], leaseMs: number): Promise<void> {
  if (!ids.length) return;
  await database.rows(sql`UPDATE national_outbox SET locked_until = now() + ${ms(leaseMs)}
    WHERE locked_by = ${workerId} AND state = 'pending' AND id IN (${sql.join(ids.map((i) => sql`${i}::bigint`), sql`, `)})`);
}

/** Every lease: for an embedded database, which one process alone opens, the leases left are a dead process's. */
export async function releaseAllLeases(database: Database): Promise<number> {
  return (await database.rows(sql`UPDATE national_outbox SET locked_by = NULL, locked_until = NULL WHERE locked_until IS NOT NULL RETURNING id`)).length;
}

export type Outcome =
  | { state: 'sent'; hubStatus: number | null }
  | { state: 'superseded'; note: string }
  | { state: 'pending'; error: string; hubStatus: number | null; retryInMs: number }
  | { state: 'failed'; error: string; hubStatus: number | null };

/** Records how a send ended; false when the lease was lost meanwhile (another process took the row over). */
export async function finish(database: Database, workerId: string, id: string, o: Outcome): Promise<boolean> {
  const mine = sql`id = ${id}::bigint AND locked_by = ${workerId} AND state = 'pending'`;
  const unlock = sql.raw('locked_by = NULL, locked_until = NULL');
  const q =
    o.state === 'sent'
      ? sql`UPDATE national_outbox SET state = 'sent', sent_at = now(), hub_status = ${o.hubStatus}, last_error = NULL, ${unlock} WHERE ${mine} RETURNING id`
      : o.state === 'superseded'
        ? sql`UPDATE national_outbox SET state = 'superseded', last_error = ${o.note}, ${unlock} WHERE ${mine} RETURNING id`
        : o.state === 'pending'
          ? sql`UPDATE national_outbox SET next_attempt_at = now() + ${ms(o.retryInMs)}, last_error = ${o.error}, hub_status = ${o.hubStatus}, ${unlock} WHERE ${mine} RETURNING id`
          : sql`UPDATE national_outbox SET state = 'failed', last_error = ${o.error}, hub_status = ${o.hubStatus}, ${unlock} WHERE ${mine} RETURNING id`;
  return (await database.rows(q)).length > 0;
}

export async function hubRecord(database: Database, seizureId: string): Promise<HubRecord | null> {
  const [r] = await database.rows<HubRecord>(sql`SELECT ${HUB} FROM national_hub_seizures WHERE seizure_id = ${seizureId}`);
  return r ?? null;
}

/** What the hub answered of the seizure: its id, reference, workflow state and the RILO's comment. */
export async function saveHubSeizure(
  database: Database,
  seizureId: string,
  s: { id: string; reference: string; status: HubRecord['hubStatus']; returnComment: string | null },
  pollAfterMs: number,
): Promise<void> {
  await database.rows(sql`INSERT INTO national_hub_seizures (seizure_id, hub_id, hub_reference, hub_status, hub_comment, withdrawn, checked_at, poll_after, last_error)
    VALUES (${seizureId}, ${s.id}, ${s.reference}, ${s.status}, ${s.returnComment}, false, now(), now() + ${ms(pollAfterMs)}, NULL)
    ON CONFLICT (seizure_id) DO UPDATE SET hub_id = EXCLUDED.hub_id, hub_reference = EXCLUDED.hub_reference, hub_status = EXCLUDED.hub_status,
      hub_comment = EXCLUDED.hub_comment, withdrawn = false, checked_at = now(), poll_after = EXCLUDED.poll_after, last_error = NULL`);
}

/** The hub lost its copy (deleted there): the next push creates one again. */
export async function forgetHubCopy(database: Database, seizureId: string): Promise<void> {
  await database.rows(sql`UPDATE national_hub_seizures SET hub_id = NULL, hub_reference = NULL, hub_status = NULL, hub_comment = NULL, checked_at = now()
    WHERE seizure_id = ${seizureId}`);
}

export async function saveWithdrawn(database: Database, seizureId: string): Promise<void> {
  await database.rows(sql`INSERT INTO national_hub_seizures (seizure_id, withdrawn, checked_at) VALUES (${seizureId}, true, now())
    ON CONFLICT (seizure_id) DO UPDATE SET withdrawn = true, checked_at = now(), last_error = NULL`);
}

export async function savePollError(database: Database, seizureId: string, error: string): Promise<void> {
  await database.rows(sql`UPDATE national_hub_seizures SET last_error = ${error}, checked_at = now() WHERE seizure_id = ${seizureId}`);
}

/**
 * Claims up to `limit` seizures whose state on the hub is not final (submitted, with the RILO) and whose
 * outbox is empty (the hub has the last change), for one read of the hub each; the next read of each is
 * due `intervalMs` later, so several nodes share the work.
 */
export async function claimPolls(database: Database, limit: number, intervalMs: number): Promise<{ seizureId: string; hubId: string }[]> {
  return database.rows(sql`
    UPDATE national_hub_seizures SET poll_after = now() + ${ms(intervalMs)}
    WHERE seizure_id IN (
      SELECT h.seizure_id FROM national_hub_seizures h
      WHERE h.hub_status = 'submitted' AND NOT h.withdrawn AND h.hub_id IS NOT NULL AND (h.poll_after IS NULL OR h.poll_after <= now())
        AND NOT EXISTS (SELECT 1 FROM national_outbox o WHERE o.seizure_id = h.seizure_id AND o.state IN ('pending', 'failed'))
      ORDER BY h.poll_after NULLS FIRST
      LIMIT ${limit}
      FOR UPDATE SKIP LOCKED)
    RETURNING seizure_id AS "seizureId", hub_id AS "hubId"`);
}

export async function settings(database: Database): Promise<{ paused: boolean }> {
  const [r] = await database.rows<{ paused: boolean }>(sql`SELECT paused FROM national_outbox_settings WHERE id`);
  return { paused: !!r?.paused };
}

export async function setPaused(database: Database, paused: boolean, userId: string | null): Promise<void> {
  await database.db.transaction(async (tx) => {
    await tx.execute(sql`UPDATE national_outbox_settings SET paused = ${paused}, changed_by = ${userId}, changed_at = now() WHERE id`);
    await tx.execute(sql`SELECT pg_notify(${OUTBOX_CHANNEL}, 'paused')`);
  });
}

export async function counts(database: Database): Promise<Record<OutboxState, number>> {
  const rows = await database.rows<{ state: OutboxState; n: number }>(sql`SELECT state, count(*)::int AS n FROM national_outbox GROUP BY state`);
  const out = Object.fromEntries(OUTBOX_STATES.map((s) => [s, 0])) as Record<OutboxState, number>;
  for (const r of rows) out[r.state] = r.n;
  return out;
}

/** A page of the outbox, newest first. */
export async function listRows(database: Database, q: { state?: OutboxState; limit: number; offset: number }): Promise<{ items: OutboxRow[]; total: number }> {
  const where = q.state ? sql`state = ${q.state}` : sql`true`;
  const [items, [{ n }]] = await Promise.all([
    database.rows<OutboxRow>(sql`SELECT ${ROW} FROM national_outbox WHERE ${where} ORDER BY id DESC LIMIT ${q.limit} OFFSET ${q.offset}`),
    database.rows<{ n: number }>(sql`SELECT count(*)::int AS n FROM national_outbox WHERE ${where}`),
  ]);
  return { items, total: n };
}

export async function rowById(database: Database, id: string): Promise<OutboxRow | null> {
  const [r] = await database.rows<OutboxRow>(sql`SELECT ${ROW} FROM national_outbox WHERE id = ${id}::bigint`);
  return r ?? null;
}

/** A refused or waiting row made due now; null when it is not one (sent, superseded, or being sent right now). */
export async function retryNow(database: Database, id: string): Promise<OutboxRow | null> {
  return database.db.transaction(async (tx) => {
    const [r] = await execRows<OutboxRow>(
      tx,
      sql`UPDATE national_outbox SET state = 'pending', next_attempt_at = now() WHERE id = ${id}::bigint AND state IN ('pending', 'failed') AND ${IDLE} RETURNING ${ROW}`,
    );
    if (r) await tx.execute(sql`SELECT pg_notify(${OUTBOX_CHANNEL}, 'retry')`);
    return r ?? null;
  });
}

/** The latest rows of one seizure that say where it stands. */
export async function seizureRows(database: Database, seizureId: string): Promise<OutboxRow[]> {
  return database.rows<OutboxRow>(sql`SELECT ${ROW} FROM national_outbox WHERE seizure_id = ${seizureId} AND state <> 'superseded' ORDER BY id DESC LIMIT 20`);
}

/** What this node knows of one of its seizures on the hub. */
export async function hubStateOf(database: Database, seizureId: string): Promise<HubState> {
  const [hub, rows] = await Promise.all([hubRecord(database, seizureId), seizureRows(database, seizureId)]);
  const open = rows.find((r) => r.state === 'pending' || r.state === 'failed');
  const state: HubState['state'] = open?.state === 'failed' ? 'failed' : open ? 'queued' : hub?.withdrawn ? 'withdrawn' : hub?.hubId ? 'on_hub' : 'not_sent';
  const hubStatus = hub?.hubStatus && hub.hubStatus !== 'draft' ? hub.hubStatus : null;
  return {
    seizureId,
    state,
    hubId: hub?.hubId ?? null,
    hubReference: hub?.hubReference ?? null,
    hubStatus,
    hubComment: hubStatus === 'returned' ? (hub?.hubComment ?? null) : null,
    checkedAt: isoTime(hub?.checkedAt ?? null),
    lastError: open?.lastError ?? hub?.lastError ?? null,
  };
}
