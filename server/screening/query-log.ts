import { sql } from 'drizzle-orm';
import type { AuditLog } from '../platform/context.ts';
import type { Database, Db } from '../platform/db/database.ts';
import type { Principal } from '../platform/http/access.ts';
import { forbidden, Problem, tooMany } from '../platform/http/problem.ts';
import type { KeyHit } from './key-matching.ts';
import type { ListName } from './lists.ts';
import { intArray, textArray, uuidArray } from '../platform/db/pg-array.ts';
import { toApi } from './record-shape.ts';

export interface RateLimits {
  /** Single searches per user per minute. */
  searchesPerMinute: number;
  /** Batch items per user per minute (a 10,000-item manifest counts 10,000). */
  batchItemsPerMinute: number;
}

export const DEFAULT_RATE_LIMITS: RateLimits = { searchesPerMinute: 300, batchItemsPerMinute: 200_000 };

export interface QueryMeta {
  ip?: string;
  requestId?: string;
}

export interface LoggedQuery {
  mode: 'search' | 'batch';
  list: ListName | null;
  query: Record<string, unknown>;
  items: number;
  hits: KeyHit[];
  onBehalfOfOrgId?: string | null;
}

const isForeignKeyViolation = (e: unknown) => (e as { code?: string })?.code === '23503' || (e as { cause?: { code?: string } })?.cause?.code === '23503';

/**
 * Every search is written here — who, on behalf of which organisation, what, when, how many hits —
 * with its hits under the administration it was made for, and audited in the same transaction.
 * The rate limit reads the same log, so it holds across every node of a deployment.
 */
export function createQueryLog(database: Database, audit: AuditLog, limits: RateLimits) {
  /** Refuses an on-behalf search by anyone but an I2C officer, and a caller over their rate. */
  async function admit(actor: Principal, mode: 'search' | 'batch', items: number, onBehalfOfOrgId?: string | null) {
    if (onBehalfOfOrgId && onBehalfOfOrgId !== actor.orgId && !actor.roles.includes('i2c_officer'))
      throw forbidden('Only an I2C officer may search on behalf of another administration.');
    const [used] = await database.rows<{ searches: number; items: number }>(sql`
      SELECT count(*) FILTER (WHERE mode = 'search')::int AS searches, coalesce(sum(items) FILTER (WHERE mode = 'batch'), 0)::int AS items
        FROM screening_queries WHERE user_id = ${actor.userId} AND at > now() - interval '1 minute'`);
    if (mode === 'search' && used.searches >= limits.searchesPerMinute)
      throw tooMany(`At most ${limits.searchesPerMinute} searches a minute per user; try again in a minute.`);
    if (mode === 'batch' && used.items + items > limits.batchItemsPerMinute)
      throw tooMany(`At most ${limits.batchItemsPerMinute} batch items a minute per user (${used.items} used); try again in a minute.`);
  }

  async function record(actor: Principal, q: LoggedQuery, meta: QueryMeta = {}): Promise<string> {
    const forOrg = q.onBehalfOfOrgId ?? actor.orgId;
    try {
      return await database.db.transaction(async (t) => {
        const tx = t as unknown as Db;
        const res = (await tx.execute(sql`
          INSERT INTO screening_queries (user_id, org_id, on_behalf_of_org_id, for_org_id, mode, list, query, items, hits)
          VALUES (${actor.userId}, ${actor.orgId}, ${q.onBehalfOfOrgId ?? null}, ${forOrg}, ${q.mode}, ${q.list}, ${JSON.stringify(q.query)}::jsonb, ${q.items}, ${q.hits.length})
          RETURNING id`)) as unknown as { rows: { id: string }[] };
        const id = res.rows[0].id;
        if (q.hits.length)
          await tx.execute(sql`
            INSERT INTO screening_hits (query_id, item_index, list, record_id, match, for_org_id)
            SELECT ${id}::uuid, h.i, h.list, h.record_id, h.match, ${forOrg}::uuid
              FROM unnest(${intArray(q.hits.map((h) => h.item))}, ${textArray(q.hits.map((h) => h.list))},
                          ${uuidArray(q.hits.map((h) => h.recordId))}, ${textArray(q.hits.map((h) => h.match.type))}) AS h(i, list, record_id, match)`);
        await audit.record(
          {
            actor,
            action: q.mode === 'batch' ? 'screening.batch' : 'screening.search',
            targetType: 'screening_query',
            targetId: id,
            onBehalfOfOrgId: q.onBehalfOfOrgId ?? undefined,
            detail: { list: q.list, items: q.items, hits: q.hits.length },
            ...meta,
          },
          tx,
        );
        return id;
      });
    } catch (e) {
      if (isForeignKeyViolation(e)) throw new Problem(422, 'Unprocessable Content', 'onBehalfOfOrgId: no such organisation', [{ field: 'body.onBehalfOfOrgId', message: 'is not a known organisation' }]);
      throw e;
    }
  }

  async function list(filter: { userId?: string; orgId?: string; forOrgId?: string; mode?: 'search' | 'batch'; from?: string; to?: string; page: number; pageSize: number }) {
    const conds = [sql`true`];
    if (filter.userId) conds.push(sql`user_id = ${filter.userId}`);
    if (filter.orgId) conds.push(sql`org_id = ${filter.orgId}`);
    if (filter.forOrgId) conds.push(sql`for_org_id = ${filter.forOrgId}`);
    if (filter.mode) conds.push(sql`mode = ${filter.mode}`);
    if (filter.from) conds.push(sql`at >= ${filter.from}::timestamptz`);
    if (filter.to) conds.push(sql`at < ${filter.to}::timestamptz`);
    const rows = await database.rows<Record<string, unknown>>(sql`
      SELECT id, at, user_id AS "userId", org_id AS "orgId", on_behalf_of_org_id AS "onBehalfOfOrgId", for_org_id AS "forOrgId",
             mode, list, query, items, hits, count(*) OVER ()::int AS total
        FROM screening_queries WHERE ${sql.join(conds, sql` AND `)}
       ORDER BY at DESC, id LIMIT ${filter.pageSize} OFFSET ${(filter.page - 1) * filter.pageSize}`);
    const total = (rows[0]?.total as number | undefined) ?? 0;
    return { items: rows.map(({ total: _t, ...r }) => toApi(r)), total, page: filter.page, pageSize: filter.pageSize };
  }

  return { admit, record, list };
}

export type QueryLog = ReturnType<typeof createQueryLog>;
