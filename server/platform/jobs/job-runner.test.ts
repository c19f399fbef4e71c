import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { openDatabase, type Database } from '../db/database.ts';
import { createTestDatabase, type TestDatabase } from '../testing/test-database.ts';
import { createJobRunner, type JobRunnerOptions } from './job-runner.ts';

const silent = { info() {}, warn() {}, error() {}, debug() {} } as unknown as JobRunnerOptions['log'];

let testDb: TestDatabase;
let database: Database;
let clock: Date;

beforeAll(async () => {
  testDb = await createTestDatabase();
  database = testDb.database;
});
afterAll(async () => testDb?.cleanup());
beforeEach(async () => {
  clock = new Date('2025-06-01T08:00:00Z');
  await database.exec('DELETE FROM jobs; DELETE FROM job_schedules;');
});

function runner(opts: Partial<JobRunnerOptions> = {}) {
  return createJobRunner({ database, log: silent, now: () => clock, retryBaseMs: 1_000, ...opts });
}

const jobRow = async (id: string) =>
  (await database.rows<{ status: string; attempts: number; last_error: string | null; run_at: Date; locked_by: string | null }>(
    sql`SELECT status, attempts, last_error, run_at, locked_by FROM jobs WHERE id = ${id}`,
  ))[0];

const advance = (ms: number) => (clock = new Date(clock.getTime() + ms));

describe('job runner', () => {
  it('runs a queued job with its payload and marks it done', async () => {
    const jobs = runner();
    const seen: unknown[] = [];
    jobs.handle('mail.digest', async (payload, ctx) => void seen.push({ payload, attempt: ctx.attempt }));
    const id = await jobs.enqueue('mail.digest', { userId: 'u1', items: [1, 2] });
    expect(await jobs.runDue()).toBe(1);
    expect(seen).toEqual([{ payload: { userId: 'u1', items: [1, 2] }, attempt: 1 }]);
    expect(await jobRow(id)).toMatchObject({ status: 'done', attempts: 1, locked_by: null });
    expect(await jobs.runDue()).toBe(0);
  });

  it('waits for runAt', async () => {
    const jobs = runner();
    let ran = 0;
    jobs.handle('later', async () => void ran++);
    await jobs.enqueue('later', null, { runAt: new Date(clock.getTime() + 60_000) });
    expect(await jobs.runDue()).toBe(0);
    advance(60_000);
    expect(await jobs.runDue()).toBe(1);
    expect(ran).toBe(1);
  });

  it('retries a failing job with growing delays, then marks it failed with its error', async () => {
    const jobs = runner();
    const attempts: number[] = [];
    jobs.handle(
      'push.hub',
      async (_p, ctx) => {
        attempts.push(ctx.attempt);
        throw new Error(`hub unreachable (try ${ctx.attempt})`);
      },
      { maxAttempts: 3 },
    );
    const id = await jobs.enqueue('push.hub', { seizureId: 's1' });

    await jobs.runDue();
    let row = await jobRow(id);
    expect(row).toMatchObject({ status: 'queued', attempts: 1, last_error: 'hub unreachable (try 1)' });
    expect(new Date(row.run_at).getTime() - clock.getTime()).toBe(1_000);
    expect(await jobs.runDue()).toBe(0); // not due yet

    advance(1_000);
    await jobs.runDue();
    row = await jobRow(id);
    expect(row).toMatchObject({ status: 'queued', attempts: 2 });
    expect(new Date(row.run_at).getTime() - clock.getTime()).toBe(2_000);

    advance(2_000);
    await jobs.runDue();
    expect(await jobRow(id)).toMatchObject({ status: 'failed', attempts: 3, last_error: 'hub unreachable (try 3)', locked_by: null });
    advance(3_600_000);
    expect(await jobs.runDue()).toBe(0);
    expect(attempts).toEqual([1, 2, 3]);
  });

  it('succeeds on a retry after a failure', async () => {
    const jobs = runner();
    let calls = 0;
    jobs.handle('flaky', async () => {
      if (++calls === 1) throw new Error('first time fails');
    });
    const id = await jobs.enqueue('flaky', {});
    await jobs.runDue();
    advance(1_000);
    await jobs.runDue();
    expect(await jobRow(id)).toMatchObject({ status: 'done', attempts: 2, last_error: null });
  });

  it('queues a job once per dedupe key', async () => {
    const jobs = runner();
    const a = await jobs.enqueue('outbox.push', { n: 1 }, { dedupeKey: 'seizure:42:v3' });
    const b = await jobs.enqueue('outbox.push', { n: 2 }, { dedupeKey: 'seizure:42:v3' });
    expect(b).toBe(a);
    const [{ n }] = await database.rows<{ n: number }>(sql`SELECT count(*)::int AS n FROM jobs`);
    expect(n).toBe(1);
  });

  it('queues inside the caller’s transaction, so a rollback queues nothing', async () => {
    const jobs = runner();
    let ran = 0;
    jobs.handle('after-commit', async () => void ran++);
    await expect(
      database.db.transaction(async (tx) => {
        await jobs.enqueue('after-commit', {}, {}, tx);
        throw new Error('rolled back');
      }),
    ).rejects.toThrow('rolled back');
    expect(await jobs.runDue()).toBe(0);
    await database.db.transaction(async (tx) => void (await jobs.enqueue('after-commit', {}, {}, tx)));
    expect(await jobs.runDue()).toBe(1);
    expect(ran).toBe(1);
  });

  it('leaves kinds it has no handler for to the processes that have one', async () => {
    const jobs = runner();
    jobs.handle('mine', async () => undefined);
    const other = await jobs.enqueue('someone-else', {});
    expect(await jobs.runDue()).toBe(0);
    expect(await jobRow(other)).toMatchObject({ status: 'queued', attempts: 0 });
  });

  it('takes over a job whose process died once its lease has run out', async () => {
    const jobs = runner({ workerId: 'survivor', leaseMs: 60_000 });
    let ran = 0;
    jobs.handle('report', async () => void ran++);
    const id = await jobs.enqueue('report', {});
    // A process claimed it, then died: the row stays running with its lease.
    await database.rows(sql`UPDATE jobs SET status = 'running', attempts = 1, locked_by = 'dead',
      locked_until = ${new Date(clock.getTime() + 30_000).toISOString()}::timestamptz WHERE id = ${id}`);
    expect(await jobs.runDue()).toBe(0);
    advance(31_000);
    expect(await jobs.runDue()).toBe(1);
    expect(ran).toBe(1);
    expect(await jobRow(id)).toMatchObject({ status: 'done', attempts: 2 });
  });

  it('marks failed a job taken over after its last attempt died', async () => {
    const jobs = runner();
    let ran = 0;
    jobs.handle('fragile', async () => void ran++, { maxAttempts: 2 });
    const id = await jobs.enqueue('fragile', {});
    await database.rows(sql`UPDATE jobs SET status = 'running', attempts = 2, locked_by = 'dead',
      locked_until = ${new Date(clock.getTime() - 1).toISOString()}::timestamptz WHERE id = ${id}`);
    await jobs.runDue();
    expect(ran).toBe(0);
    expect((await jobRow(id)).status).toBe('failed');
    expect((await jobRow(id)).last_error).toMatch(/stopped/);
  });

  it('never runs one job twice with two runners on one database', async () => {
    // On PostgreSQL the second runner has its own connection pool, as a second node would.
    const second = testDb.url ? await openDatabase({ databaseUrl: testDb.url, poolSize: 5 }) : database;
    try {
      const runs = new Map<string, string[]>();
      const handler = (worker: string) => async (payload: unknown) => {
        const n = String((payload as { n: number }).n);
        runs.set(n, [...(runs.get(n) ?? []), worker]);
        await new Promise((r) => setTimeout(r, 2));
      };
      const a = createJobRunner({ database, log: silent, workerId: 'a', now: () => clock, concurrency: 3 });
      const b = createJobRunner({ database: second, log: silent, workerId: 'b', now: () => clock, concurrency: 3 });
      a.handle('work', handler('a'));
      b.handle('work', handler('b'));
      for (let n = 0; n < 60; n++) await a.enqueue('work', { n });

      const [ranA, ranB] = await Promise.all([a.runDue(), b.runDue()]);
      expect(ranA + ranB).toBe(60);
      expect(runs.size).toBe(60);
      for (const workers of runs.values()) expect(workers).toHaveLength(1);
      const [{ n }] = await database.rows<{ n: number }>(sql`SELECT count(*)::int AS n FROM jobs WHERE status = 'done' AND attempts = 1`);
      expect(n).toBe(60);
    } finally {
      if (second !== database) await second.close();
    }
  });

  it('fires a schedule once per due time, even with two runners', async () => {
    const a = runner({ workerId: 'a' });
    const b = runner({ workerId: 'b' });
    const ran: unknown[] = [];
    for (const r of [a, b]) {
      r.handle('newsletter.send', async (payload) => void ran.push(payload));
      await r.schedule('daily-newsletter', '0 6 * * *', 'newsletter.send', { operation: 'op-1' }, 'Europe/Brussels');
    }
    const [sched] = await database.rows<{ next_run_at: Date }>(sql`SELECT next_run_at FROM job_schedules WHERE name = 'daily-newsletter'`);
    expect(new Date(sched.next_run_at).toISOString()).toBe('2025-06-02T04:00:00.000Z'); // 06:00 summer time

    expect(await a.fireSchedules()).toBe(0);
    clock = new Date('2025-06-02T04:00:30Z');
    const fired = await Promise.all([a.fireSchedules(), b.fireSchedules()]);
    expect(fired[0] + fired[1]).toBe(1);
    expect(await b.fireSchedules()).toBe(0);
    await Promise.all([a.runDue(), b.runDue()]);
    expect(ran).toEqual([{ operation: 'op-1' }]);

    const [after] = await database.rows<{ next_run_at: Date; last_run_at: Date }>(
      sql`SELECT next_run_at, last_run_at FROM job_schedules WHERE name = 'daily-newsletter'`,
    );
    expect(new Date(after.next_run_at).toISOString()).toBe('2025-06-03T04:00:00.000Z');
    expect(new Date(after.last_run_at).toISOString()).toBe('2025-06-02T04:00:00.000Z');

    // Declaring the same schedule again at start-up keeps its next time.
    await a.schedule('daily-newsletter', '0 6 * * *', 'newsletter.send', { operation: 'op-1' }, 'Europe/Brussels');
    const [again] = await database.rows<{ next_run_at: Date }>(sql`SELECT next_run_at FROM job_schedules WHERE name = 'daily-newsletter'`);
    expect(new Date(again.next_run_at).toISOString()).toBe('2025-06-03T04:00:00.000Z');
  });

  it('refuses an invalid schedule', async () => {
    await expect(runner().schedule('bad', '61 * * * *', 'x')).rejects.toThrow(/Invalid schedule/);
  });

  it('once started, runs a job as soon as it is queued and stops cleanly', async () => {
    const jobs = createJobRunner({ database, log: silent, pollMs: 60_000 });
    const done = new Promise<unknown>((resolve) => jobs.handle('instant', async (p) => resolve(p)));
    jobs.start();
    // Give the first (empty) cycle time to reach its long wait; the notification must wake it.
    await new Promise((r) => setTimeout(r, 300));
    await jobs.enqueue('instant', { hello: 'world' });
    const payload = await Promise.race([done, new Promise((_, reject) => setTimeout(() => reject(new Error('not woken')), 10_000))]);
    expect(payload).toEqual({ hello: 'world' });
    await jobs.stop();
  });

  it('keeps taking work while a slow job holds one slot', async () => {
    const jobs = createJobRunner({ database, log: silent, pollMs: 60_000, concurrency: 2 });
    let releaseSlow!: () => void;
    const slowStarted = new Promise<void>((started) =>
      jobs.handle('slow', () => {
        started();
        return new Promise<void>((resolve) => (releaseSlow = resolve));
      }),
    );
    const fastDone: string[] = [];
    jobs.handle('fast', async (p) => void fastDone.push((p as { n: string }).n));
    jobs.start();
    try {
      await jobs.enqueue('slow', {});
      await slowStarted;
      for (const n of ['1', '2', '3']) await jobs.enqueue('fast', { n });
      const deadline = Date.now() + 10_000;
      while (fastDone.length < 3 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
      expect(fastDone.sort()).toEqual(['1', '2', '3']);
      const [{ status }] = await database.rows<{ status: string }>(sql`SELECT status FROM jobs WHERE kind = 'slow'`);
      expect(status).toBe('running');
    } finally {
      releaseSlow();
      await jobs.stop();
    }
    const [{ status }] = await database.rows<{ status: string }>(sql`SELECT status FROM jobs WHERE kind = 'slow'`);
    expect(status).toBe('done');
  });
});
