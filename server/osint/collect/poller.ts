import { sql } from 'drizzle-orm';
import type { AppContext } from '../../platform/context.ts';
import { execRows } from '../../platform/db/database.ts';
import { notFound } from '../../platform/http/problem.ts';
import { decodeBody } from './charset.ts';
import { fetchGuarded } from './fetcher.ts';
import { prepareItems, storeItems, type PreparedItem } from './ingest.ts';
import { parseFeed } from './parse-feed.ts';
import { parsePage } from './parse-page.ts';
import { checkRobots } from './robots.ts';

type Ctx = Pick<AppContext, 'database' | 'jobs' | 'log'> & { config: Pick<AppContext['config'], 'osintAllowPrivate'> };

export const POLL_DISPATCH = 'osint.poll-due';
export const POLL_SOURCE = 'osint.poll-source';
const MAX_BACKOFF_MINUTES = 24 * 60;
/** A claimed source is not claimed again for this long, whatever happens to its job. */
const CLAIM_MINUTES = 10;
const DISPATCH_BATCH = 500;

interface SourceRow {
  id: string;
  url: string;
  kind: string;
  language: string | null;
  pollMinutes: number;
  consecutiveFailures: number;
  etag: string | null;
  lastModified: string | null;
}

export interface PollResult {
  outcome: 'ok' | 'not-modified' | 'failed';
  newItems: number;
  error: string | null;
}

/** Minutes until the next poll after this many failures in a row: the interval doubled at each, at most a day. */
export function backoffMinutes(pollMinutes: number, failures: number): number {
  return Math.min(MAX_BACKOFF_MINUTES, pollMinutes * 2 ** Math.min(failures, 20));
}

/**
 * Polls sources: one job per source, queued by a dispatcher that claims the due ones (several nodes may run it:
 * a source is claimed by one of them). A poll's outcome is kept on the source; a failure never throws out of here.
 */
export function createPoller(ctx: Ctx) {
  const { database } = ctx;

  async function fetchItems(source: SourceRow): Promise<{ notModified: true } | { notModified: false; items: PreparedItem[]; etag: string | null; lastModified: string | null }> {
    const allowPrivate = ctx.config.osintAllowPrivate;
    if (source.kind === 'page') await checkRobots(source.url, allowPrivate);
    const res = await fetchGuarded(source.url, {
      allowPrivate,
      etag: source.etag,
      lastModified: source.lastModified,
      accept: source.kind === 'page' ? 'text/html' : 'application/rss+xml, application/atom+xml, application/feed+json, application/xml;q=0.9, */*;q=0.5',
    });
    if (res.status === 'not-modified') return { notModified: true };
    const { text } = decodeBody(res.body, res.contentType);
    const entries = source.kind === 'page' ? [parsePage(text, res.url)] : parseFeed(text).entries;
    return { notModified: false, items: prepareItems(entries, res.url, source.language), etag: res.etag, lastModified: res.lastModified };
  }

  /** Fetches one source now and records the outcome on it: new items and the validators together, or the error alone. */
  async function pollSource(id: string): Promise<PollResult> {
    const [source] = await database.rows<SourceRow>(sql`SELECT id, url, kind, language, poll_minutes AS "pollMinutes", consecutive_failures AS "consecutiveFailures",
      etag, last_modified AS "lastModified" FROM osint_sources WHERE id = ${id}`);
    if (!source) throw notFound('Source');
    try {
      const got = await fetchItems(source);
      // Nothing is written before the whole answer is read and parsed; the items and the source's state commit together.
      return await database.db.transaction(async (tx) => {
        const newItems = got.notModified ? 0 : await storeItems(tx, source.id, got.items);
        const validators = got.notModified ? sql`` : sql`, etag = ${got.etag}, last_modified = ${got.lastModified}`;
        await tx.execute(sql`UPDATE osint_sources SET last_fetch_at = now(), last_ok_at = now(), last_error = NULL, consecutive_failures = 0,
          next_poll_at = now() + make_interval(mins => poll_minutes) ${validators} WHERE id = ${source.id}`);
        return { outcome: got.notModified ? ('not-modified' as const) : ('ok' as const), newItems, error: null };
      });
    } catch (err) {
      const error = (err instanceof Error ? err.message : String(err)).slice(0, 1000);
      const failures = source.consecutiveFailures + 1;
      await database.rows(sql`UPDATE osint_sources SET last_fetch_at = now(), last_error = ${error}, consecutive_failures = ${failures},
        next_poll_at = now() + make_interval(mins => ${backoffMinutes(source.pollMinutes, failures)}) WHERE id = ${source.id}`);
      ctx.log.warn({ sourceId: source.id, url: source.url, failures, error }, 'osint source poll failed');
      return { outcome: 'failed', newItems: 0, error };
    }
  }

  /** Claims the enabled sources that are due and queues a poll job for each; answers how many were queued. */
  async function dispatchDue(): Promise<number> {
    return database.db.transaction(async (tx) => {
      const due = await execRows<{ id: string; claimedAt: string }>(
        tx,
        sql`UPDATE osint_sources SET next_poll_at = now() + make_interval(mins => ${CLAIM_MINUTES})
            WHERE id IN (SELECT id FROM osint_sources WHERE enabled AND next_poll_at <= now() ORDER BY next_poll_at LIMIT ${DISPATCH_BATCH} FOR UPDATE SKIP LOCKED)
            RETURNING id, now()::text AS "claimedAt"`,
      );
      for (const s of due) await ctx.jobs.enqueue(POLL_SOURCE, { sourceId: s.id }, { dedupeKey: `${POLL_SOURCE}:${s.id}:${s.claimedAt}` }, tx);
      return due.length;
    });
  }

  async function registerJobs(): Promise<void> {
    ctx.jobs.handle(POLL_DISPATCH, async () => void (await dispatchDue()), { maxAttempts: 1 });
    ctx.jobs.handle(
      POLL_SOURCE,
      async (payload) => {
        const { sourceId } = payload as { sourceId: string };
        // A source deleted since it was queued has nothing left to poll.
        const [exists] = await database.rows(sql`SELECT 1 FROM osint_sources WHERE id = ${sourceId}`);
        if (exists) await pollSource(sourceId);
      },
      { maxAttempts: 1 },
    );
    await ctx.jobs.schedule(POLL_DISPATCH, '* * * * *', POLL_DISPATCH);
  }

  return { pollSource, dispatchDue, registerJobs };
}

export type Poller = ReturnType<typeof createPoller>;
