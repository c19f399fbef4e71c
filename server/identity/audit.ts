import { createHash } from 'node:crypto';
import { and, asc, desc, eq, gt, gte, lte, sql, type SQL } from 'drizzle-orm';
import type { Database, Db } from '../platform/db/database.ts';
import { textArray } from '../platform/db/pg-array.ts';
import type { AuditEntry, AuditLog } from '../platform/context.ts';
import { auditLog, users } from './tables.ts';
import type { AuditLogEntry, ChainVerdict } from './audit-view.ts';

const GENESIS = '0'.repeat(64);
// One lock serialises appends so that each row really follows the previous one, across processes.
const CHAIN_LOCK = 7310002;

/** What a row's hash covers: the stored row but its own hash. */
type ChainFields = Omit<typeof auditLog.$inferSelect, 'hash'>;

/** JSON with sorted keys, so that a jsonb round trip (which reorders keys) hashes the same. */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value ?? null);
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  const keys = Object.keys(value as object).filter((k) => (value as Record<string, unknown>)[k] !== undefined).sort();
  return `{${keys.map((k) => `${JSON.stringify(k)}:${canonicalJson((value as Record<string, unknown>)[k])}`).join(',')}}`;
}

export function rowHash(r: ChainFields): string {
  const payload = canonicalJson({
    id: r.id,
    at: r.at.toISOString(),
    actorUserId: r.actorUserId,
    actorOrgId: r.actorOrgId,
    onBehalfOfOrgId: r.onBehalfOfOrgId,
    action: r.action,
    targetType: r.targetType,
    targetId: r.targetId,
    detail: r.detail,
    ip: r.ip,
    requestId: r.requestId,
  });
  return createHash('sha256').update(r.prevHash).update(payload).digest('hex');
}

export function createAuditLog(database: Database): AuditLog {
  /** Appends the entries in order under the chain lock: one lock, one read of the last hash, one insert per thousand. */
  async function append(entries: AuditEntry[], tx?: Db) {
    if (!entries.length) return;
    const write = async (t: Db) => {
      await t.execute(sql`SELECT pg_advisory_xact_lock(${CHAIN_LOCK})`);
      const [last] = await t.select({ hash: auditLog.hash }).from(auditLog).orderBy(desc(auditLog.id)).limit(1);
      const seq = (await t.execute(sql`SELECT nextval('audit_log_id_seq')::int AS id FROM generate_series(1, ${entries.length})`)) as unknown as { rows: { id: number }[] };
      const ids = seq.rows.map((r) => Number(r.id)).sort((a, b) => a - b);
      const at = new Date();
      let prevHash = last?.hash ?? GENESIS;
      const rows = entries.map((entry, i) => {
        const row: ChainFields = {
          id: ids[i],
          at,
          actorUserId: entry.actor?.userId ?? null,
          actorOrgId: entry.actor?.orgId ?? null,
          onBehalfOfOrgId: entry.onBehalfOfOrgId ?? null,
          action: entry.action,
          targetType: entry.targetType ?? null,
          targetId: entry.targetId ?? null,
          detail: entry.detail ?? {},
          ip: entry.ip ?? null,
          requestId: entry.requestId ?? null,
          prevHash,
        };
        prevHash = rowHash(row);
        return { ...row, hash: prevHash };
      });
      // Whole columns as array parameters: the statement is built in constant time whatever the number of rows
      // (a query builder's per-value work held up every other request while a screening log was written).
      for (let i = 0; i < rows.length; i += 5000) {
        const part = rows.slice(i, i + 5000);
        const col = <K extends keyof (typeof part)[number]>(k: K) => part.map((r) => r[k] as string | null);
        await t.execute(sql`INSERT INTO audit_log (id, at, actor_user_id, actor_org_id, on_behalf_of_org_id, action, target_type, target_id, detail, ip, request_id, prev_hash, hash)
          SELECT * FROM unnest(${`{${part.map((r) => r.id).join(',')}}`}::bigint[], ${textArray(part.map((r) => r.at.toISOString()))}::timestamptz[],
            ${textArray(col('actorUserId'))}::uuid[], ${textArray(col('actorOrgId'))}::uuid[], ${textArray(col('onBehalfOfOrgId'))}::uuid[],
            ${textArray(col('action'))}, ${textArray(col('targetType'))}, ${textArray(col('targetId'))},
            ${textArray(part.map((r) => JSON.stringify(r.detail)))}::jsonb[], ${textArray(col('ip'))}, ${textArray(col('requestId'))},
            ${textArray(col('prevHash'))}, ${textArray(col('hash'))})`);
      }
    };
    if (tx) await write(tx);
    else await database.db.transaction(async (t) => write(t));
  }
  return {
    record: (entry, tx) => append([entry], tx),
    recordMany: append,
  };
}

/** Walks the whole chain in id order and names the first row whose hash or link does not hold. */
export async function verifyAuditChain(database: Database, batch = 5000): Promise<ChainVerdict> {
  let prev = GENESIS;
  let after = 0;
  let checked = 0;
  for (;;) {
    const rows = await database.db.select().from(auditLog).where(gt(auditLog.id, after)).orderBy(asc(auditLog.id)).limit(batch);
    if (rows.length === 0) return { ok: true, checked, firstBrokenId: null };
    for (const r of rows) {
      const expected = rowHash(r);
      if (r.prevHash !== prev || r.hash !== expected) return { ok: false, checked, firstBrokenId: String(r.id) };
      prev = r.hash;
      after = r.id;
      checked++;
    }
  }
}

export interface AuditQuery {
  actor?: string;
  action?: string;
  targetType?: string;
  targetId?: string;
  from?: Date;
  to?: Date;
  page: number;
  pageSize: number;
}

export async function searchAudit(database: Database, q: AuditQuery): Promise<{ items: AuditLogEntry[]; total: number }> {
  const where: SQL[] = [];
  if (q.actor) where.push(sql`(${users.username} ILIKE ${q.actor + '%'} OR ${auditLog.actorUserId}::text = ${q.actor})`);
  if (q.action) where.push(sql`${auditLog.action} LIKE ${q.action.replace(/[%_]/g, '\\$&') + '%'}`);
  if (q.targetType) where.push(eq(auditLog.targetType, q.targetType));
  if (q.targetId) where.push(eq(auditLog.targetId, q.targetId));
  if (q.from) where.push(gte(auditLog.at, q.from));
  if (q.to) where.push(lte(auditLog.at, q.to));
  const cond = where.length ? and(...where) : undefined;
  const items = await database.db
    .select({
      id: auditLog.id,
      at: auditLog.at,
      actorUserId: auditLog.actorUserId,
      actorUsername: users.username,
      orgId: auditLog.actorOrgId,
      onBehalfOfOrgId: auditLog.onBehalfOfOrgId,
      action: auditLog.action,
      targetType: auditLog.targetType,
      targetId: auditLog.targetId,
      detail: auditLog.detail,
      ip: auditLog.ip,
      requestId: auditLog.requestId,
    })
    .from(auditLog)
    .leftJoin(users, eq(users.id, auditLog.actorUserId))
    .where(cond)
    .orderBy(desc(auditLog.id))
    .limit(q.pageSize)
    .offset((q.page - 1) * q.pageSize);
  const [{ total }] = await database.db
    .select({ total: sql<number>`count(*)::int` })
    .from(auditLog)
    .leftJoin(users, eq(users.id, auditLog.actorUserId))
    .where(cond);
  return { items: items.map((i) => ({ ...i, id: String(i.id), at: i.at.toISOString() })), total };
}
