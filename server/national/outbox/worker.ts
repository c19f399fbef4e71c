import { hostname } from 'node:os';
import { randomBytes } from 'node:crypto';
import type { FastifyBaseLogger } from 'fastify';
import type { Database } from '../../platform/db/database.ts';
import { retryDelayMs } from '../../platform/jobs/backoff.ts';
import { referenceSets } from '../../reference/index.ts';
import type { Records } from '../../seizures/index.ts';
import { HubError, type HubClient, type HubSeizure } from './hub-client.ts';
import { outboundPayload } from './payload.ts';
import * as store from './store.ts';

type Log = Pick<FastifyBaseLogger, 'info' | 'warn' | 'error' | 'debug'>;

export interface OutboxWorkerOptions {
  database: Database;
  log: Log;
  client: HubClient;
  records: Pick<Records, 'snapshot' | 'mirrorHubDecision'>;
  /** How often the hub's answers are read (each seizure not yet final, once per interval). */
  pollMs: number;
  /** Rows sent at once (of different seizures; one seizure's rows go one at a time). */
  concurrency?: number;
  /** How long a claimed row stays this process's without renewal; a dead process's rows are sent again after it. */
  leaseMs?: number;
  retryBaseMs?: number;
  retryMaxMs?: number;
  /** The longest sleep when nothing woke the worker. */
  idleMs?: number;
}

export interface OutboxWorker {
  start(): Promise<void>;
  stop(): Promise<void>;
  /** Looks again now. */
  wake(): void;
  /** An officer acted (a retry, a pause or resume): the hub-wide wait and a hold end, the pause is read again. */
  poke(): void;
  /** Sends what is due until nothing is; answers how many rows it sent or settled (tests). */
  drain(): Promise<number>;
  /** Reads the hub's state of every seizure due for it once (tests). */
  poll(): Promise<number>;
}

/** The hub is down or overloaded (nothing answered, or 502, 503, 504, 429): every row waits, not just this one. */
const hubWide = (e: HubError) => e.status === null || e.status === 429 || e.status === 502 || e.status === 503 || e.status === 504;

/**
 * The national node's sender and reader, the recurring job of the push: it sends the outbox's due rows to
 * the hub (create: POST then submit; update: read the version, PUT, submit if the hub needs it; withdraw:
 * DELETE) and reads back, every `pollMs`, the state of each seizure the hub has not decided on yet.
 * It runs its own loop rather than the platform's job queue: it is woken on commit by the change's
 * notification, keeps a short lease per row (so a row in flight when a process dies is sent again within
 * seconds, not minutes), and polls at second granularity.
 *
 * When the hub cannot be reached every row waits (one probe at a time, the delay doubling, from the oldest),
 * so that the queue drains in order once the hub is back; a 500 on one row delays that row only.
 */
export function createOutboxWorker(o: OutboxWorkerOptions): OutboxWorker {
  const { database, log, client, records } = o;
  const workerId = `${hostname()}:${process.pid}:${randomBytes(3).toString('hex')}`;
  const concurrency = o.concurrency ?? 8;
  const leaseMs = o.leaseMs ?? 10_000;
  const retryBaseMs = o.retryBaseMs ?? 1_000;
  const retryMaxMs = o.retryMaxMs ?? 10 * 60_000;
  const idleMs = o.idleMs ?? 2_000;

  const inFlight = new Map<string, Promise<void>>();
  let running = false;
  let loop: Promise<void> | undefined;
  let wakePending = false;
  let wakeSleep: (() => void) | undefined;
  let unlisten: (() => Promise<void>) | undefined;
  let renew: ReturnType<typeof setInterval> | undefined;
  // The hub-wide back-off of this process: consecutive failures that said the hub is unavailable, and until when.
  let hubFailures = 0;
  let hubWaitUntil = 0;
  let nextPollAt = 0;
  // The hub refused this node's token (401, 403): nothing more is sent until an officer acts (a retry, a resume)
  // or the token file changes, so that one row says why rather than every row failing the same way.
  let heldFor: string | null = null;
  // Whether the outbox is paused, read again at most every second or when a node says it changed.
  let paused: { value: boolean; at: number } | null = null;
  let polling: Promise<number> | null = null;

  function wake() {
    wakePending = true;
    wakeSleep?.();
  }

  function poke() {
    hubWaitUntil = 0;
    heldFor = null;
    paused = null;
    wake();
  }

  async function saveHub(seizureId: string, s: HubSeizure) {
    await store.saveHubSeizure(database, seizureId, { id: s.id, reference: s.reference, status: s.status, returnComment: s.status === 'returned' ? s.returnComment : null }, o.pollMs);
  }

  /** Brings the hub's copy to the seizure as it is now, submitted; answers the HTTP status of the write. */
  async function push(row: store.OutboxRow, body: Parameters<HubClient['create']>[0]): Promise<number> {
    const hub = await store.hubRecord(database, row.seizureId);
    let hubId = hub?.hubId && !hub.withdrawn ? hub.hubId : null;
    // A change of a seizure whose creation's answer was lost (a crash, a timeout): the hub may have a copy this node never heard of.
    if (!hubId && row.operation === 'update') hubId = await client.byExternalRef(row.seizureId);
    let current: HubSeizure;
    let status = 200;
    if (!hubId) {
      const created = await client.create(body);
      if ('conflict' in created) {
        // The hub has it already (an earlier attempt's answer was lost): idempotent by external reference.
        hubId = await client.byExternalRef(row.seizureId);
        if (!hubId) throw new HubError('409 the hub refused the creation as a duplicate, yet has no seizure of this administration under this reference', 409, false);
        current = await found(hubId, row.seizureId);
        status = 409;
      } else {
        // Not saved yet: should this node die before the submission, the retry's 409 finds it again.
        current = created;
        hubId = created.id;
        status = 201;
      }
    } else {
      current = await found(hubId, row.seizureId);
      // With the RILO already ("submitted") the hub has this change: only a validated, returned or draft copy takes one.
      if (row.operation === 'update' && current.status !== 'submitted') {
        for (let attempt = 1; ; attempt++) {
          try {
            current = await client.update(hubId, body, current.version);
            break;
          } catch (e) {
            // Someone changed it on the hub between the read and the change: read the version again, once.
            if (!(e instanceof HubError && e.status === 409 && attempt < 2)) throw e;
            current = await found(hubId, row.seizureId);
            if (current.status === 'submitted') break;
          }
        }
      }
    }
    if (current.status === 'draft' || current.status === 'returned') current = await client.submit(hubId);
    await saveHub(row.seizureId, current);
    return status;
  }

  /** The hub's copy; when the hub no longer has it, this node forgets it, so that a retry creates it again. */
  async function found(hubId: string, seizureId: string): Promise<HubSeizure> {
    const s = await client.get(hubId);
    if (s) return s;
    await store.forgetHubCopy(database, seizureId);
    throw new HubError(`404 the hub no longer has seizure ${hubId}: retry to create it there again`, 404, false);
  }

  async function withdraw(row: store.OutboxRow): Promise<number> {
    const hub = await store.hubRecord(database, row.seizureId);
    const hubId = hub?.hubId ?? (await client.byExternalRef(row.seizureId));
    // Nothing there (never arrived, or gone already): what was asked is true.
    const status = hubId && (await client.remove(hubId)) ? 204 : 404;
    await store.saveWithdrawn(database, row.seizureId);
    return status;
  }

  async function send(row: store.OutboxRow): Promise<store.Outcome> {
    try {
      if (row.operation === 'withdraw') return { state: 'sent', hubStatus: await withdraw(row) };
      const seizure = await records.snapshot(row.seizureId);
      if (!seizure) return { state: 'superseded', note: 'the seizure was removed before it was sent' };
      const ref = await referenceSets(database);
      if (!ref.locodes.size) return { state: 'pending', error: 'the reference data (UN/LOCODE) is still loading', hubStatus: null, retryInMs: 30_000 };
      const out = outboundPayload(seizure as unknown as Record<string, unknown>, ref);
      if (!out.ok) {
        await records.mirrorHubDecision(row.seizureId, 'returned', `Not sent to the hub: ${out.reason}. Correct the seizure and submit it again.`);
        return { state: 'failed', error: `not sent: ${out.reason}`, hubStatus: null };
      }
      const status = await push(row, out.body);
      hubFailures = 0;
      hubWaitUntil = 0;
      return { state: 'sent', hubStatus: status };
    } catch (e) {
      if (!(e instanceof HubError)) throw e;
      if (e.retryable) {
        let retryInMs: number;
        if (hubWide(e)) {
          hubFailures++;
          retryInMs = retryDelayMs(hubFailures, retryBaseMs, retryMaxMs);
          hubWaitUntil = Math.max(hubWaitUntil, Date.now() + retryInMs);
        } else {
          // The hub answered (a 500 on this row): only this row waits.
          retryInMs = retryDelayMs(row.attempts, retryBaseMs, retryMaxMs);
          hubFailures = 0;
          hubWaitUntil = 0;
        }
        return { state: 'pending', error: e.message, hubStatus: e.status, retryInMs };
      }
      if (e.status === 401 || e.status === 403) heldFor = client.credentials();
      // The hub found the seizure itself wrong: the officer corrects it here, which needs it back from "submitted".
      if (e.status === 422 && row.operation !== 'withdraw')
        await records.mirrorHubDecision(row.seizureId, 'returned', `Refused by the hub: ${e.message}. Correct the seizure and submit it again.`);
      hubFailures = 0;
      hubWaitUntil = 0;
      return { state: 'failed', error: e.message, hubStatus: e.status };
    }
  }

  async function run(row: store.OutboxRow): Promise<void> {
    let outcome: store.Outcome;
    try {
      outcome = await send(row);
    } catch (err) {
      // A fault of this node (its database, a bug): the row waits and is tried again.
      log.error({ err, outboxId: row.id }, 'outbox row could not be sent');
      outcome = { state: 'pending', error: `this node failed while sending: ${(err as Error).message}`, hubStatus: null, retryInMs: retryDelayMs(row.attempts, retryBaseMs, retryMaxMs) };
    }
    if (outcome.state === 'failed') log.warn({ outboxId: row.id, seizureId: row.seizureId, error: outcome.error }, 'the hub refused an outbox row');
    if (!(await store.finish(database, workerId, row.id, outcome))) log.warn({ outboxId: row.id }, 'outbox lease lost before the row was settled');
  }

  /** Starts as many due rows as there are free slots; one probe at a time while the hub is unavailable. */
  async function fill(): Promise<number> {
    if (!client.url) return 0;
    if (!paused || Date.now() - paused.at > 1_000) paused = { value: (await store.settings(database)).paused, at: Date.now() };
    if (paused.value) return 0;
    if (Date.now() < hubWaitUntil) return 0;
    if (heldFor !== null) {
      if (heldFor === client.credentials()) return 0;
      heldFor = null;
    }
    const probe = hubFailures > 0;
    const slots = probe ? (inFlight.size ? 0 : 1) : concurrency - inFlight.size;
    const rows = await store.claimDue(database, workerId, slots, leaseMs, probe);
    for (const row of rows) {
      const p: Promise<void> = run(row)
        .catch((err: unknown) => log.error({ err, outboxId: row.id }, 'could not record an outbox outcome'))
        .finally(() => {
          inFlight.delete(row.id);
          wake();
        });
      inFlight.set(row.id, p);
    }
    return rows.length;
  }

  async function drain(): Promise<number> {
    let n = 0;
    for (;;) {
      n += await fill();
      if (!inFlight.size) return n;
      await Promise.race(inFlight.values());
    }
  }

  async function pollOnce(): Promise<number> {
    if (!client.url) return 0;
    let n = 0;
    for (;;) {
      const due = await store.claimPolls(database, 100, o.pollMs);
      if (!due.length) return n;
      n += due.length;
      for (let i = 0; i < due.length; i += concurrency) {
        await Promise.all(
          due.slice(i, i + concurrency).map(async ({ seizureId, hubId }) => {
            try {
              const s = await client.get(hubId);
              if (!s) return store.savePollError(database, seizureId, `404 the hub no longer has seizure ${hubId}`);
              if (s.status === 'validated' || s.status === 'returned') await records.mirrorHubDecision(seizureId, s.status, s.status === 'returned' ? s.returnComment : null);
              await saveHub(seizureId, s);
            } catch (e) {
              if (!(e instanceof HubError)) throw e;
              await store.savePollError(database, seizureId, e.message);
            }
          }),
        );
      }
      if (due.length < 100) return n;
    }
  }

  function poll(): Promise<number> {
    // One read at a time per process.
    polling ??= pollOnce().finally(() => (polling = null));
    return polling;
  }

  async function cycle() {
    await fill();
    if (Date.now() >= nextPollAt && !polling) {
      nextPollAt = Date.now() + o.pollMs;
      poll().catch((err: unknown) => log.error({ err }, 'reading the hub failed'));
    }
  }

  async function runLoop() {
    while (running) {
      wakePending = false;
      try {
        await cycle();
      } catch (err) {
        log.error({ err }, 'outbox cycle failed');
      }
      if (!running || wakePending) continue;
      const now = Date.now();
      const until = Math.min(idleMs, nextPollAt > now ? nextPollAt - now : idleMs, hubWaitUntil > now ? hubWaitUntil - now : idleMs);
      await new Promise<void>((resolve) => {
        const timer = setTimeout(done, until);
        wakeSleep = done;
        function done() {
          clearTimeout(timer);
          wakeSleep = undefined;
          resolve();
        }
      });
    }
  }

  return {
    async start() {
      if (running) return;
      running = true;
      // The embedded database is one process's: any lease left in it is of a process that died.
      if (database.kind === 'pglite') {
        const released = await store.releaseAllLeases(database);
        if (released) log.warn({ rows: released }, 'outbox rows left in flight by a stopped process will be sent again');
      }
      try {
        unlisten = await database.listen(store.OUTBOX_CHANNEL, (payload) => (payload === 'retry' || payload === 'paused' ? poke() : wake()));
      } catch (err) {
        log.warn({ err }, 'outbox cannot listen for changes; it looks every few seconds');
      }
      renew = setInterval(() => {
        store.renewLeases(database, workerId, [...inFlight.keys()], leaseMs).catch((err: unknown) => log.warn({ err }, 'could not renew outbox leases'));
      }, Math.max(1, Math.floor(leaseMs / 3)));
      loop = runLoop();
    },
    async stop() {
      running = false;
      wakeSleep?.();
      await loop;
      loop = undefined;
      await Promise.all(inFlight.values());
      await polling?.catch(() => undefined);
      if (renew) clearInterval(renew);
      renew = undefined;
      await unlisten?.();
      unlisten = undefined;
    },
    wake,
    poke,
    drain,
    poll,
  };
}
