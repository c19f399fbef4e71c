import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import http from 'node:http';
import { sql } from 'drizzle-orm';
import { openDatabase, type Database } from '../db/database.ts';
import { createTestDatabase, type TestDatabase } from '../testing/test-database.ts';
import { loadConfig } from '../config.ts';
import { createHttpServer } from '../http/server.ts';
import type { App } from '../context.ts';
import type { Principal, Role } from '../http/access.ts';
import { createEventBus, type EventLog, type RealtimeBus } from './event-bus.ts';

const silent = { info() {}, warn() {}, error() {}, debug() {} } as unknown as EventLog;

const people: Record<string, { orgId: string; roles: Role[]; sessionId: string }> = {
  'u-ncp': { orgId: 'org-be', roles: ['ncp'], sessionId: 's-ncp' },
  'u-partner': { orgId: 'org-interpol', roles: ['partner'], sessionId: 's-partner' },
  'u-analyst': { orgId: 'org-rilo', roles: ['rilo_analyst'], sessionId: 's-analyst' },
};

interface SseFrame {
  id?: string;
  event?: string;
  data?: unknown;
  comment?: string;
}

/** A minimal EventSource over node:http that records what arrives. */
function connect(base: string, userId?: string) {
  const frames: SseFrame[] = [];
  const waiters: (() => void)[] = [];
  let buffer = '';
  let ended = false;
  let status = 0;
  let contentType = '';
  const req = http.get(`${base}/api/v1/events`, { headers: userId ? { 'x-test-user': userId } : {} });
  const opened = new Promise<void>((resolve, reject) => {
    req.on('error', reject);
    req.on('response', (res) => {
      status = res.statusCode ?? 0;
      contentType = String(res.headers['content-type']);
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => {
        buffer += chunk;
        let cut: number;
        while ((cut = buffer.indexOf('\n\n')) >= 0) {
          const block = buffer.slice(0, cut);
          buffer = buffer.slice(cut + 2);
          const frame: SseFrame = {};
          for (const line of block.split('\n')) {
            if (line.startsWith(':')) frame.comment = line.slice(1).trim();
            else if (line.startsWith('id: ')) frame.id = line.slice(4);
            else if (line.startsWith('event: ')) frame.event = line.slice(7);
            else if (line.startsWith('data: ')) frame.data = JSON.parse(line.slice(6));
          }
          frames.push(frame);
        }
        waiters.splice(0).forEach((w) => w());
      });
      res.on('end', () => {
        ended = true;
        waiters.splice(0).forEach((w) => w());
      });
      // The first frame (the "connected" comment) means the server has registered the stream.
      if (status !== 200) resolve();
      else waitFor(() => frames.length > 0).then(resolve, reject);
    });
  });

  async function waitFor(cond: () => boolean, ms = 5_000): Promise<void> {
    const deadline = Date.now() + ms;
    while (!cond()) {
      if (Date.now() > deadline) throw new Error(`timed out waiting; frames so far: ${JSON.stringify(frames)}`);
      await new Promise<void>((resolve) => {
        waiters.push(resolve);
        setTimeout(resolve, 50);
      });
    }
  }

  return {
    opened,
    frames,
    events: () => frames.filter((f) => f.event),
    waitForEvent: (type: string) => waitFor(() => frames.some((f) => f.event === type)),
    waitForComment: (text: string) => waitFor(() => frames.some((f) => f.comment === text)),
    waitForEnd: () => waitFor(() => ended),
    get status() {
      return status;
    },
    get contentType() {
      return contentType;
    },
    close: () => req.destroy(),
  };
}

let testDb: TestDatabase;
let database: Database;
let bus: RealtimeBus;
let app: App;
let base: string;

beforeAll(async () => {
  testDb = await createTestDatabase();
  database = testDb.database;
  bus = createEventBus({ database, log: silent, heartbeatMs: 150 });
  const server = await createHttpServer(loadConfig({ OPENCEN_LOG_LEVEL: 'silent' }), false);
  server.setAuthenticator(async (req): Promise<Principal | null> => {
    const userId = req.headers['x-test-user'];
    const person = typeof userId === 'string' ? people[userId] : undefined;
    return person && typeof userId === 'string' ? { userId, ...person, via: 'session', secondFactorPending: false } : null;
  });
  app = server.app;
  bus.register(app);
  base = await app.listen({ port: 0, host: '127.0.0.1' });
});

async function untilNoStreams(): Promise<void> {
  const deadline = Date.now() + 5_000;
  while (bus.connectionCount() > 0 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
  expect(bus.connectionCount()).toBe(0);
}

// Each test closes its clients; the server must then drop their streams.
afterEach(untilNoStreams);

afterAll(async () => {
  await bus?.close();
  await app?.close();
  await testDb?.cleanup();
});

describe('realtime events over server-sent events', () => {
  it('refuses an anonymous stream', async () => {
    const anon = connect(base);
    await anon.opened;
    expect(anon.status).toBe(401);
    anon.close();
  });

  it('delivers an event to the users in its audience and to no one else', async () => {
    const ncp = connect(base, 'u-ncp');
    const partner = connect(base, 'u-partner');
    const analyst = connect(base, 'u-analyst');
    await Promise.all([ncp.opened, partner.opened, analyst.opened]);
    expect(ncp.status).toBe(200);
    expect(ncp.contentType).toMatch(/^text\/event-stream/);

    await bus.publish('seizure.validated', { seizureId: 'S-1' }, { userIds: ['u-ncp'] });
    await bus.publish('alert.issued', { alertId: 'A-7' }, { orgIds: ['org-interpol'] });
    await bus.publish('analysis.ready', { reportId: 'R-3' }, { roles: ['rilo_analyst'] });
    // Delivery is in order, so once everyone has this last event, the earlier ones would have arrived.
    await bus.publish('maintenance', { at: '22:00' }, { everyone: true });
    await Promise.all([ncp.waitForEvent('maintenance'), partner.waitForEvent('maintenance'), analyst.waitForEvent('maintenance')]);

    const types = (c: ReturnType<typeof connect>) => c.events().map((f) => f.event);
    expect(types(ncp)).toEqual(['seizure.validated', 'maintenance']);
    expect(types(partner)).toEqual(['alert.issued', 'maintenance']);
    expect(types(analyst)).toEqual(['analysis.ready', 'maintenance']);
    const first = ncp.events()[0];
    expect(first.data).toEqual({ seizureId: 'S-1' });
    expect(first.id).toMatch(/^[0-9a-f-]{36}$/);
    for (const c of [ncp, partner, analyst]) c.close();
  });

  it('carries an event too large for NOTIFY through the database', async () => {
    const ncp = connect(base, 'u-ncp');
    await ncp.opened;
    const big = { text: 'é'.repeat(6_000), items: Array.from({ length: 200 }, (_, i) => ({ i })) };
    await bus.publish('newsletter.ready', big, { everyone: true });
    await ncp.waitForEvent('newsletter.ready');
    expect(ncp.events().find((f) => f.event === 'newsletter.ready')?.data).toEqual(big);
    const [{ n }] = await database.rows<{ n: number }>(sql`SELECT count(*)::int AS n FROM event_payloads`);
    expect(n).toBe(1);
    ncp.close();
  });

  it('sends a heartbeat comment to keep the stream open', async () => {
    const ncp = connect(base, 'u-ncp');
    await ncp.opened;
    await ncp.waitForComment('heartbeat');
    ncp.close();
  });

  it('forgets a stream when the client goes away', async () => {
    const ncp = connect(base, 'u-ncp');
    await ncp.opened;
    expect(bus.connectionCount()).toBe(1);
    ncp.close();
    await untilNoStreams();
  });

  it('cuts off a user on demand and leaves the others connected', async () => {
    const ncp = connect(base, 'u-ncp');
    const partner = connect(base, 'u-partner');
    await Promise.all([ncp.opened, partner.opened]);
    expect(bus.disconnectUser('u-ncp')).toBe(1);
    await ncp.waitForEnd();
    await bus.publish('after-cut', {}, { everyone: true });
    await partner.waitForEvent('after-cut');
    expect(ncp.events().some((f) => f.event === 'after-cut')).toBe(false);
    expect(bus.disconnectSession('s-partner')).toBe(1);
    await partner.waitForEnd();
  });

  it('delivers an event published by another node’s bus', async () => {
    // On PostgreSQL the other node has its own connections, including its own LISTEN.
    const otherDatabase = testDb.url ? await openDatabase({ databaseUrl: testDb.url, poolSize: 2 }) : database;
    const other = createEventBus({ database: otherDatabase, log: silent });
    try {
      await other.ready;
      const ncp = connect(base, 'u-ncp');
      await ncp.opened;
      await other.publish('case.updated', { caseId: 'C-9' }, { orgIds: ['org-be'] });
      await ncp.waitForEvent('case.updated');
      expect(ncp.events().find((f) => f.event === 'case.updated')?.data).toEqual({ caseId: 'C-9' });
      ncp.close();
    } finally {
      await other.close();
      if (otherDatabase !== database) await otherDatabase.close();
    }
  });
});
