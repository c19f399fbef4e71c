import { hostname } from 'node:os';
import { randomBytes } from 'node:crypto';
import { sql, type SQL } from 'drizzle-orm';
import type { FastifyBaseLogger } from 'fastify';
import type { Database, Db } from '../db/database.ts';
import type { JobRunner } from '../context.ts';
import { retryDelayMs } from './backoff.ts';
import { nextCronTime } from './cron.ts';

export type JobLog = Pick<FastifyBaseLogger, 'info' | 'warn' | 'error' | 'debug'>;

type Handler = (payload: unknown, ctx: { attempt: number; jobId: string }) => Promise<void>;

export interface JobRunnerOptions {
  database: Database;
  log: JobLog;
  /** Names this process in `locked_by`; unique per process by default. */
  workerId?: string;
  /** How often to look for due jobs when no notification woke the runner. */
  pollMs?: number;
  /** Jobs run at once by this process. */
  concurrency?: number;
  /** How long a claimed job stays ours without renewal; a dead process's jobs are taken over after it. */
  leaseMs?: number;
  retryBaseMs?: number;
  retryMaxMs?: number;
  /** Finished jobs are deleted after this long (their dedupe keys become free again). */
  retainFinishedMs?: number;
  /** The clock, replaceable in tests. */
  now?: () => Date;
}

export interface DatabaseJobRunner extends JobRunner {
  /** Claims and runs due jobs until none is left; returns how many ran. The loop calls it; tests may too. */
  runDue(): Promise<number>;
  /** Queues a job for every schedule that is due; returns how many were queued. */
  fireSchedules(): Promise<number>;
}

const WAKE_CHANNEL = 'opencen_jobs';
const DEFAULT_MAX_ATTEMPTS = 5;

interface ClaimedJob {
  id: string;
  kind: string;
  payload: unknown;
  attempts: number;
  max_attempts: number;
}

/**
 * A job queue in the database, shared by every app node. Jobs are claimed with
 * FOR UPDATE SKIP LOCKED under a lease that the running process renews, so
 * several processes never run one job at once, and a job whose process died is
 * taken over when its lease runs out. Enqueueing notifies the other nodes so a
 * job starts at once rather than at the next poll.
 */
export function createJobRunner(deps: JobRunnerOptions): DatabaseJobRunner {
  const { database, log } = deps;
  const workerId = deps.workerId ?? `${hostname()}:${process.pid}:${randomBytes(3).toString('hex')}`;
  const pollMs = deps.pollMs ?? 5_000;
  const concurrency = deps.concurrency ?? 4;
  const leaseMs = deps.leaseMs ?? 5 * 60_000;
  const retryBaseMs = deps.retryBaseMs ?? 10_000;
  const retryMaxMs = deps.retryMaxMs ?? 60 * 60_000;
  const retainFinishedMs = deps.retainFinishedMs ?? 14 * 24 * 60 * 60_000;
  const now = deps.now ?? (() => new Date());

  const handlers = new Map<string, { run: Handler; maxAttempts?: number }>();
  const inFlight = new Set<Promise<void>>();
  let running = false;
  let loop: Promise<void> | undefined;
  let wakePending = false;
  let wake: (() => void) | undefined;
  let unlisten: (() => Promise<void>) | undefined;
  let lastPurge = 0;

  const ts = (d: Date) => sql`${d.toISOString()}::timestamptz`;
  const later = (ms: number) => ts(new Date(now().getTime() + ms));

  async function rowsOf<T>(executor: Db, query: SQL): Promise<T[]> {
    return ((await executor.execute(query)) as unknown as { rows: T[] }).rows;
  }

  async function insertJob(executor: Db, kind: string, payload: unknown, runAt: Date, dedupeKey: string | null): Promise<string | null> {
    const maxAttempts = handlers.get(kind)?.maxAttempts ?? DEFAULT_MAX_ATTEMPTS;
    const [row] = await rowsOf<{ id: string }>(
      executor,
      sql`INSERT INTO jobs (kind, payload, run_at, max_attempts, dedupe_key)
          VALUES (${kind}, ${JSON.stringify(payload ?? null)}::jsonb, ${ts(runAt)}, ${maxAttempts}, ${dedupeKey})
          ON CONFLICT (dedupe_key) WHERE dedupe_key IS NOT NULL DO NOTHING
          RETURNING id`,
    );
    return row?.id ?? null;
  }

  async function claim(limit: number): Promise<ClaimedJob[]> {
    const kinds = [...handlers.keys()];
    if (!kinds.length || limit < 1) return [];
    const at = now();
    return database.rows<ClaimedJob>(sql`
      UPDATE jobs SET status = 'running', attempts = attempts + 1, locked_by = ${workerId}, locked_until = ${later(leaseMs)}
      WHERE id IN (
        SELECT id FROM jobs
        WHERE kind IN (${sql.join(kinds.map((k) => sql`${k}`), sql`, `)})
          AND ((status = 'queued' AND run_at <= ${ts(at)}) OR (status = 'running' AND locked_until < ${ts(at)}))
        ORDER BY run_at, created_at
        LIMIT ${limit}
        FOR UPDATE SKIP LOCKED)
      RETURNING id, kind, payload, attempts, max_attempts`);
  }

  async function finish(job: ClaimedJob, error: unknown): Promise<void> {
    const maxAttempts = handlers.get(job.kind)?.maxAttempts ?? job.max_attempts;
    const mine = sql`id = ${job.id} AND locked_by = ${workerId} AND status = 'running'`;
    let updated: { id: string }[];
    if (error === undefined) {
      updated = await database.rows(sql`
        UPDATE jobs SET status = 'done', locked_by = NULL, locked_until = NULL, last_error = NULL, finished_at = ${ts(now())}
        WHERE ${mine} RETURNING id`);
    } else {
      const message = describeError(error);
      if (job.attempts >= maxAttempts) {
        log.error({ jobId: job.id, kind: job.kind, attempts: job.attempts, err: error }, 'job failed for good');
        updated = await database.rows(sql`
          UPDATE jobs SET status = 'failed', locked_by = NULL, locked_until = NULL, last_error = ${message}, finished_at = ${ts(now())}
          WHERE ${mine} RETURNING id`);
      } else {
        const delay = retryDelayMs(job.attempts, retryBaseMs, retryMaxMs);
        log.warn({ jobId: job.id, kind: job.kind, attempts: job.attempts, retryInMs: delay, err: error }, 'job failed; will retry');
        updated = await database.rows(sql`
          UPDATE jobs SET status = 'queued', locked_by = NULL, locked_until = NULL, last_error = ${message}, run_at = ${later(delay)}
          WHERE ${mine} RETURNING id`);
      }
    }
    // Our lease ran out while the handler was busy and another process took the job over.
    if (!updated.length) log.warn({ jobId: job.id, kind: job.kind }, 'job lease was lost before it finished');
  }

  async function execute(job: ClaimedJob): Promise<void> {
    const handler = handlers.get(job.kind);
    const maxAttempts = handler?.maxAttempts ?? job.max_attempts;
    if (!handler) return finish(job, new Error(`No handler for job kind ${job.kind}`));
    if (job.attempts > maxAttempts) {
      // Taken over from a dead process that had used up the last attempt.
      return finish({ ...job, attempts: maxAttempts }, new Error('The process running the last attempt stopped before finishing it.'));
    }
    const renew = setInterval(() => {
      database
        .rows(sql`UPDATE jobs SET locked_until = ${later(leaseMs)} WHERE id = ${job.id} AND locked_by = ${workerId} AND status = 'running'`)
        .catch((err: unknown) => log.warn({ jobId: job.id, err }, 'could not renew job lease'));
    }, Math.max(1, Math.floor(leaseMs / 3)));
    let error: unknown;
    try {
      await handler.run(job.payload, { attempt: job.attempts, jobId: job.id });
    } catch (err) {
      error = err ?? new Error('Job failed without an error value.');
    } finally {
      clearInterval(renew);
    }
    await finish(job, error);
  }

  /** Starts as many due jobs as there are free slots, without waiting for them; returns how many started. */
  async function fill(): Promise<number> {
    const batch = await claim(concurrency - inFlight.size);
    for (const job of batch) {
      const run: Promise<void> = execute(job)
        .catch((err: unknown) => log.error({ jobId: job.id, err }, 'could not record job outcome'))
        .finally(() => {
          inFlight.delete(run);
          // A freed slot may take a job that was waiting.
          wakeUp();
        });
      inFlight.add(run);
    }
    return batch.length;
  }

  async function runDue(): Promise<number> {
    let ran = 0;
    for (;;) {
      ran += await fill();
      if (!inFlight.size) return ran;
      await Promise.race(inFlight);
    }
  }

  async function fireSchedules(): Promise<number> {
    const at = now();
    return database.db.transaction(async (tx) => {
      const due = await rowsOf<{ name: string; cron: string; time_zone: string; kind: string; payload: unknown; next_run_at: Date | string }>(
        tx,
        sql`SELECT name, cron, time_zone, kind, payload, next_run_at FROM job_schedules
            WHERE next_run_at <= ${ts(at)} ORDER BY next_run_at FOR UPDATE SKIP LOCKED`,
      );
      let queued = 0;
      for (const s of due) {
        const dueAt = new Date(s.next_run_at);
        // The dedupe key makes a due time enqueue once even if two nodes raced past the lock.
        if (await insertJob(tx, s.kind, s.payload, at, `schedule:${s.name}:${dueAt.toISOString()}`)) queued++;
        // Times missed while every node was down are not replayed: the next run is counted from now.
        const next = nextCronTime(s.cron, s.time_zone, at);
        await tx.execute(sql`UPDATE job_schedules SET next_run_at = ${ts(next)}, last_run_at = ${ts(dueAt)} WHERE name = ${s.name}`);
      }
      if (queued) await tx.execute(sql`SELECT pg_notify(${WAKE_CHANNEL}, '')`);
      return queued;
    });
  }

  async function purgeFinished(): Promise<void> {
    const at = now().getTime();
    if (at - lastPurge < 60 * 60_000) return;
    lastPurge = at;
    await database.rows(sql`DELETE FROM jobs WHERE status IN ('done', 'failed') AND finished_at < ${ts(new Date(at - retainFinishedMs))}`);
  }

  async function runLoop(): Promise<void> {
    while (running) {
      wakePending = false;
      try {
        await fireSchedules();
        // A slow job holds only its own slot: the others keep taking work.
        await fill();
        await purgeFinished();
      } catch (err) {
        log.error({ err }, 'job runner cycle failed');
      }
      if (!running || wakePending) continue;
      await new Promise<void>((resolve) => {
        const timer = setTimeout(done, pollMs);
        wake = done;
        function done() {
          clearTimeout(timer);
          wake = undefined;
          resolve();
        }
      });
    }
  }

  function wakeUp() {
    wakePending = true;
    wake?.();
  }

  return {
    handle(kind, handler, opts) {
      handlers.set(kind, { run: handler, maxAttempts: opts?.maxAttempts });
    },

    async enqueue(kind, payload, opts, tx) {
      const executor = tx ?? database.db;
      const runAt = opts?.runAt ?? now();
      const dedupeKey = opts?.dedupeKey ?? null;
      const id = await insertJob(executor, kind, payload, runAt, dedupeKey);
      if (!id) {
        const [existing] = await rowsOf<{ id: string }>(executor, sql`SELECT id FROM jobs WHERE dedupe_key = ${dedupeKey}`);
        return existing.id;
      }
      // Delivered on commit when inside the caller's transaction, so no node looks too early.
      if (runAt.getTime() <= now().getTime()) await executor.execute(sql`SELECT pg_notify(${WAKE_CHANNEL}, ${kind})`);
      return id;
    },

    async schedule(name, cron, kind, payload, timeZone = 'UTC') {
      const next = nextCronTime(cron, timeZone, now());
      // Every node declares its schedules at start-up; an unchanged schedule keeps its next time.
      await database.rows(sql`
        INSERT INTO job_schedules (name, cron, time_zone, kind, payload, next_run_at)
        VALUES (${name}, ${cron}, ${timeZone}, ${kind}, ${JSON.stringify(payload ?? null)}::jsonb, ${ts(next)})
        ON CONFLICT (name) DO UPDATE SET
          kind = EXCLUDED.kind,
          payload = EXCLUDED.payload,
          next_run_at = CASE WHEN job_schedules.cron = EXCLUDED.cron AND job_schedules.time_zone = EXCLUDED.time_zone
                             THEN job_schedules.next_run_at ELSE EXCLUDED.next_run_at END,
          cron = EXCLUDED.cron,
          time_zone = EXCLUDED.time_zone,
          updated_at = now()`);
    },

    start() {
      if (running) return;
      running = true;
      database
        .listen(WAKE_CHANNEL, wakeUp)
        .then((stop) => {
          if (running) unlisten = stop;
          else void stop();
        })
        .catch((err: unknown) => log.warn({ err }, 'job runner cannot listen for wake-ups; polling only'));
      loop = runLoop();
    },

    async stop() {
      running = false;
      wake?.();
      await loop;
      loop = undefined;
      await Promise.all(inFlight);
      await unlisten?.();
      unlisten = undefined;
    },

    runDue,
    fireSchedules,
  };
}

function describeError(err: unknown): string {
  const text = err instanceof Error ? err.message || err.name : typeof err === 'string' ? err : JSON.stringify(err);
  return (text ?? 'unknown error').slice(0, 4000);
}
