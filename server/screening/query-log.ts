import { sql } from 'drizzle-orm';
import type { z } from 'zod';
import type { AuditLog } from '../platform/context.ts';
import type { Database, Db } from '../platform/db/database.ts';
import type { Principal } from '../platform/http/access.ts';
import { randomUUID } from 'node:crypto';
import { createTokenBuckets } from './rate-limit.ts';
import { RateLimited, screeningProblem } from './problems.ts';
import type { KeyHit } from './key-matching.ts';
import type { ListName } from './lists.ts';
import { intArray, textArray, uuidArray } from '../platform/db/pg-array.ts';
import { isoTime } from '../platform/db/timestamps.ts';
import type { queriesReply } from './schema.ts';

type QueryEntry = z.infer<typeof queriesReply>['items'][number];

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

export interface QueryLogOptions {
  /** How long a written query may wait in memory before it is stored (default 100 ms). */
  flushMs?: number;
  /** Stored at once when this many queries wait (default 500). */
  maxBuffered?: number;
  /** Is this organisation known? (the identity module answers; known ones are remembered) */
  organisationExists?: (id: string) => Promise<boolean>;
  onError?: (err: unknown, message: string) => void;
}

interface Pending {
  id: string;
  at: Date;
  actor: Principal;
  q: LoggedQuery;
  meta: QueryMeta;
}

/** Errors of the data itself (constraint, type): retrying the same rows would fail again. */
const isDataError = (e: unknown) => {
  const code = (e as { code?: string })?.code ?? (e as { cause?: { code?: string } })?.cause?.code ?? '';
  return code.startsWith('22') || code.startsWith('23');
};

/**
 * Every search is written here — who, on behalf of which organisation, what, when, how many hits —
 * with its hits under the administration it was made for, and audited.
 *
 * A search does not wait for its log row: record() gives the query its id at once and keeps the row
 * in memory; a writer stores all waiting rows, their hits and their audit entries in one transaction
 * every `flushMs` (100 ms), sooner when many wait, and at close. Whatever reads the log (the
 * administrators' list, opening a candidate) first stores what waits, so nothing is missing from it.
 * Rows a failing database could not take stay queued and are tried again.
 *
 * The per-user rate limits are token buckets in memory (rate-limit.ts): no query per search.
 */
export function createQueryLog(database: Database, audit: AuditLog, limits: RateLimits, options: QueryLogOptions = {}) {
  const flushMs = options.flushMs ?? 100;
  const maxBuffered = options.maxBuffered ?? 500;
  const onError = options.onError ?? ((err, message) => console.error(message, err));
  const searches = createTokenBuckets(limits.searchesPerMinute);
  const batchItems = createTokenBuckets(limits.batchItemsPerMinute);
  const knownOrgs = new Set<string>();
  let buffer: Pending[] = [];
  let timer: NodeJS.Timeout | null = null;
  let writing: Promise<void> = Promise.resolve();
  let failures = 0;
  let closed = false;

  /** Refuses an on-behalf search by anyone but an I2C officer, for an unknown organisation, and a caller over their rate. */
  async function admit(actor: Principal, mode: 'search' | 'batch', items: number, onBehalfOfOrgId?: string | null) {
    if (onBehalfOfOrgId && onBehalfOfOrgId !== actor.orgId) {
      if (!actor.roles.includes('i2c_officer')) throw screeningProblem(403, 'on-behalf-not-allowed', 'Only an I2C officer may search on behalf of another administration.');
      if (!knownOrgs.has(onBehalfOfOrgId)) {
        const exists = options.organisationExists ? await options.organisationExists(onBehalfOfOrgId) : true;
        if (!exists)
          throw screeningProblem(422, 'unknown-organisation', 'onBehalfOfOrgId: no such organisation', [{ field: 'body.onBehalfOfOrgId', message: 'is not a known organisation' }]);
        knownOrgs.add(onBehalfOfOrgId);
      }
    }
    if (mode === 'search') {
      const r = searches.take(actor.userId);
      if (!r.ok) throw new RateLimited(`At most ${limits.searchesPerMinute} searches a minute per user; try again in ${r.retryAfterSeconds} s.`, r.retryAfterSeconds);
    } else {
      const r = batchItems.take(actor.userId, items);
      if (!r.ok)
        throw new RateLimited(
          items > limits.batchItemsPerMinute
            ? `At most ${limits.batchItemsPerMinute} batch items a minute per user; this batch has ${items}.`
            : `At most ${limits.batchItemsPerMinute} batch items a minute per user (${r.left} left now); try again in ${r.retryAfterSeconds} s.`,
          r.retryAfterSeconds,
        );
    }
  }

  /** Gives the query its id and queues it for the writer; the reply need not wait for the database. */
  async function record(actor: Principal, q: LoggedQuery, meta: QueryMeta = {}): Promise<string> {
    const id = randomUUID();
    buffer.push({ id, at: new Date(), actor, q, meta });
    if (buffer.length >= maxBuffered) void flush();
    else if (!timer && !closed) {
      timer = setTimeout(() => {
        timer = null;
        void flush();
      }, flushMs);
      timer.unref();
    }
    return id;
  }

  async function write(tx: Db, rows: Pending[]) {
    await tx.execute(sql`
      INSERT INTO screening_queries (id, at, user_id, org_id, on_behalf_of_org_id, for_org_id, mode, list, query, items, hits)
      SELECT q.id, q.at, q.user_id, q.org_id, q.on_behalf, coalesce(q.on_behalf, q.org_id), q.mode, q.list, q.query::jsonb, q.items, q.hits
        FROM unnest(${uuidArray(rows.map((r) => r.id))}, ${textArray(rows.map((r) => r.at.toISOString()))}::timestamptz[],
                    ${uuidArray(rows.map((r) => r.actor.userId))}, ${uuidArray(rows.map((r) => r.actor.orgId))},
                    ${textArray(rows.map((r) => r.q.onBehalfOfOrgId ?? null))}::uuid[], ${textArray(rows.map((r) => r.q.mode))},
                    ${textArray(rows.map((r) => r.q.list))}, ${textArray(rows.map((r) => JSON.stringify(r.q.query)))},
                    ${intArray(rows.map((r) => r.q.items))}, ${intArray(rows.map((r) => r.q.hits.length))})
          AS q(id, at, user_id, org_id, on_behalf, mode, list, query, items, hits)`);
    const hits = rows.flatMap((r) => r.q.hits.map((h) => ({ queryId: r.id, forOrg: r.q.onBehalfOfOrgId ?? r.actor.orgId, h, at: r.at })));
    if (hits.length)
      await tx.execute(sql`
        INSERT INTO screening_hits (query_id, item_index, list, record_id, match, for_org_id, at)
        SELECT h.query_id, h.i, h.list, h.record_id, h.match, h.for_org, h.at
          FROM unnest(${uuidArray(hits.map((x) => x.queryId))}, ${intArray(hits.map((x) => x.h.item))}, ${textArray(hits.map((x) => x.h.list))},
                      ${uuidArray(hits.map((x) => x.h.recordId))}, ${textArray(hits.map((x) => x.h.match.type))}, ${uuidArray(hits.map((x) => x.forOrg))},
                      ${textArray(hits.map((x) => x.at.toISOString()))}::timestamptz[]) AS h(query_id, i, list, record_id, match, for_org, at)`);
    await audit.recordMany(
      rows.map((r) => ({
        actor: r.actor,
        action: r.q.mode === 'batch' ? 'screening.batch' : 'screening.search',
        targetType: 'screening_query',
        targetId: r.id,
        onBehalfOfOrgId: r.q.onBehalfOfOrgId ?? undefined,
        detail: { list: r.q.list, items: r.q.items, hits: r.q.hits.length },
        ...r.meta,
      })),
      tx,
    );
  }

  const inTransaction = (rows: Pending[]) => database.db.transaction(async (t) => write(t, rows));

  /** Stores every query waiting, in order; one at a time, so that rows keep the order they were asked in. */
  function flush(): Promise<void> {
    if (timer) {
      clearTimeout(timer);
      timer = null;
    }
    writing = writing.then(async () => {
      if (!buffer.length) return;
      const rows = buffer;
      buffer = [];
      try {
        await inTransaction(rows);
        failures = 0;
      } catch (e) {
        if (!isDataError(e)) {
          // The database is unreachable or busy: keep the rows, first in line, and try again later.
          buffer = [...rows, ...buffer];
          failures++;
          onError(e, `could not store ${rows.length} screening queries; will try again`);
          if (!closed && !timer) {
            timer = setTimeout(() => {
              timer = null;
              void flush();
            }, Math.min(flushMs * 2 ** failures, 30_000));
            timer.unref();
          }
          return;
        }
        // One row the database refuses must not take the others with it: each alone, the refused one reported.
        for (const r of rows)
          await inTransaction([r]).catch((err: unknown) => onError(err, `screening query ${r.id} could not be stored`));
      }
    });
    return writing;
  }

  /** Stores what waits and stops the timer; later queries are stored as they come. */
  async function close() {
    closed = true;
    await flush();
  }

  async function list(filter: { userId?: string; orgId?: string; forOrgId?: string; mode?: 'search' | 'batch'; from?: string; to?: string; page: number; pageSize: number }) {
    const conds = [sql`true`];
    if (filter.userId) conds.push(sql`user_id = ${filter.userId}`);
    if (filter.orgId) conds.push(sql`org_id = ${filter.orgId}`);
    if (filter.forOrgId) conds.push(sql`for_org_id = ${filter.forOrgId}`);
    if (filter.mode) conds.push(sql`mode = ${filter.mode}`);
    if (filter.from) conds.push(sql`at >= ${filter.from}::timestamptz`);
    if (filter.to) conds.push(sql`at < ${filter.to}::timestamptz`);
    await flush();
    const rows = await database.rows<Omit<QueryEntry, 'at'> & { at: Date | string; total: number }>(sql`
      SELECT id, at, user_id AS "userId", org_id AS "orgId", on_behalf_of_org_id AS "onBehalfOfOrgId", for_org_id AS "forOrgId",
             mode, list, query, items, hits, count(*) OVER ()::int AS total
        FROM screening_queries WHERE ${sql.join(conds, sql` AND `)}
       ORDER BY at DESC, id LIMIT ${filter.pageSize} OFFSET ${(filter.page - 1) * filter.pageSize}`);
    const total = rows[0]?.total ?? 0;
    return { items: rows.map(({ total: _t, at, ...r }): QueryEntry => ({ ...r, at: isoTime(at) })), total, page: filter.page, pageSize: filter.pageSize };
  }

  return { admit, record, list, flush, close, pending: () => buffer.length };
}

export type QueryLog = ReturnType<typeof createQueryLog>;
