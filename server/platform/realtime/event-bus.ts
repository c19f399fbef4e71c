import { randomUUID } from 'node:crypto';
import type { ServerResponse } from 'node:http';
import { sql } from 'drizzle-orm';
import type { FastifyBaseLogger } from 'fastify';
import type { App, Audience, EventBus } from '../context.ts';
import type { Database } from '../db/database.ts';
import { requirePrincipal, type Principal } from '../http/access.ts';
import { inAudience } from './audience.ts';
import { sseComment, sseEvent } from './sse.ts';

export type EventLog = Pick<FastifyBaseLogger, 'info' | 'warn' | 'error' | 'debug'>;

export const EVENTS_CHANNEL = 'opencen_events';
/** A control message, not delivered to browsers: every node ends the matching streams. */
const END_STREAMS = '_end-streams';
/** pg_notify refuses payloads of 8,000 bytes or more; leave room for the driver. */
const MAX_INLINE_BYTES = 7_000;
const PARKED_TTL = "interval '10 minutes'";

interface Envelope {
  id: string;
  type: string;
  data: unknown;
  audience: Audience;
}

interface Connection {
  principal: Principal;
  res: ServerResponse;
  close(): void;
}

/**
 * The transport under the typed EventBus: any event name and payload (the app hands modules the typed
 * EventBus of context.ts, whose names and payloads are the list in live-events-view.ts).
 */
export interface RealtimeBus extends Omit<EventBus, 'publish'> {
  publish(type: string, data: unknown, audience: Audience): Promise<void>;
  /** Adds GET /api/v1/events (text/event-stream) to the app. */
  register(app: App): void;
  /** Resolves once this process is listening for events from every node. */
  ready: Promise<void>;
  /** Ends the streams of a user (removed, disabled, signed out everywhere); returns how many were open here. */
  disconnectUser(userId: string): number;
  /** Ends the streams opened with one session (sign-out). */
  disconnectSession(sessionId: string): number;
  connectionCount(): number;
  close(): Promise<void>;
}

/**
 * Realtime events for every node: `publish` goes through PostgreSQL NOTIFY on one
 * channel, each process LISTENs on its own dedicated connection and writes the
 * event to those of its server-sent-event streams whose user is in the audience.
 * So an event raised on one node reaches a browser connected to any other.
 */
export function createEventBus(deps: { database: Database; log: EventLog; heartbeatMs?: number }): RealtimeBus {
  const { database, log } = deps;
  const heartbeatMs = deps.heartbeatMs ?? 25_000;
  const connections = new Set<Connection>();
  let unlisten: (() => Promise<void>) | undefined;
  let closed = false;
  // Events are handled one after another so a parked (large) event cannot overtake a later small one.
  let delivery: Promise<void> = Promise.resolve();

  const ready = database.listen(EVENTS_CHANNEL, (payload) => {
    delivery = delivery.then(() => receive(payload)).catch((err: unknown) => log.error({ err }, 'could not deliver a realtime event'));
  }).then((stop) => {
    unlisten = stop;
  });
  ready.catch((err: unknown) => log.error({ err }, 'cannot listen for realtime events'));

  async function receive(payload: string): Promise<void> {
    const message = JSON.parse(payload) as Envelope | { ref: string };
    let envelope: Envelope;
    if ('ref' in message) {
      const [row] = await database.rows<{ body: Envelope }>(sql`SELECT body FROM event_payloads WHERE id = ${message.ref}`);
      if (!row) return log.warn({ ref: message.ref }, 'a parked realtime event expired before delivery');
      envelope = typeof row.body === 'string' ? (JSON.parse(row.body) as Envelope) : row.body;
    } else {
      envelope = message;
    }
    if (envelope.type === END_STREAMS) {
      const target = envelope.data as { userId?: string; sessionId?: string };
      disconnect((p) => (!!target.userId && p.userId === target.userId) || (!!target.sessionId && p.sessionId === target.sessionId));
      return;
    }
    const frame = sseEvent(envelope.id, envelope.type, envelope.data);
    for (const c of connections) if (inAudience(envelope.audience, c.principal)) c.res.write(frame);
  }

  async function publish(type: string, data: unknown, audience: Audience): Promise<void> {
    const text = JSON.stringify({ id: randomUUID(), type, data: data ?? null, audience } satisfies Envelope);
    if (Buffer.byteLength(text, 'utf8') <= MAX_INLINE_BYTES) return database.notify(EVENTS_CHANNEL, text);
    // Too big for NOTIFY: park it, send its id, and sweep parked events every node has long read.
    const [row] = await database.rows<{ id: string }>(sql`INSERT INTO event_payloads (body) VALUES (${text}::jsonb) RETURNING id`);
    await database.notify(EVENTS_CHANNEL, JSON.stringify({ ref: row.id }));
    await database.rows(sql`DELETE FROM event_payloads WHERE created_at < now() - ${sql.raw(PARKED_TTL)}`);
  }

  function disconnect(match: (p: Principal) => boolean): number {
    let n = 0;
    for (const c of [...connections]) {
      if (!match(c.principal)) continue;
      c.close();
      n++;
    }
    return n;
  }

  return {
    ready,

    publish,

    async endStreams(target) {
      if (!target.userId && !target.sessionId) return;
      await publish(END_STREAMS, target, {});
    },

    register(app: App) {
      // A node must be listening before it says it is ready, or it could miss events.
      app.addHook('onReady', async () => {
        await ready;
      });
      // Open streams would otherwise keep app.close() waiting for ever.
      app.addHook('preClose', async () => {
        disconnect(() => true);
      });
      app.get(
        '/api/v1/events',
        {
          config: { access: 'person' },
          schema: {
            tags: ['realtime'],
            summary: 'Stream of realtime events for the signed-in user',
            description:
              'Server-sent events (text/event-stream). Each event has `id:`, `event:` (its type) and `data:` (JSON) lines; a comment line is sent every 25 s to keep proxies from closing the stream.',
          },
        },
        async (request, reply) => {
          const principal = requirePrincipal(request);
          reply.hijack();
          const res = reply.raw;
          res.writeHead(200, {
            'content-type': 'text/event-stream; charset=utf-8',
            'cache-control': 'no-cache, no-transform',
            connection: 'keep-alive',
            // Tells nginx-style proxies not to buffer the stream.
            'x-accel-buffering': 'no',
            'x-request-id': request.id,
          });
          res.write(`retry: 5000\n${sseComment('connected')}`);
          const heartbeat = setInterval(() => res.write(sseComment('heartbeat')), heartbeatMs);
          const conn: Connection = {
            principal,
            res,
            close() {
              cleanup();
              res.end();
            },
          };
          connections.add(conn);
          function cleanup() {
            clearInterval(heartbeat);
            connections.delete(conn);
          }
          // 'close' on the response fires when the client goes away (the request's own 'close' fires too early).
          res.on('close', cleanup);
          res.on('error', cleanup);
        },
      );
    },

    disconnectUser: (userId) => disconnect((p) => p.userId === userId),
    disconnectSession: (sessionId) => disconnect((p) => p.sessionId === sessionId),
    connectionCount: () => connections.size,

    async close() {
      if (closed) return;
      closed = true;
      disconnect(() => true);
      await ready.catch(() => undefined);
      await unlisten?.();
      await delivery;
    },
  };
}
