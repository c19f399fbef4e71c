import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { createHttpServer } from '../platform/http/server.ts';
import { createAuthenticator, verifyAuditChain } from '../identity/index.ts';
import { TestClient } from '../platform/testing/test-app.ts';
import { createScreeningModule, flushScreeningQueryLogs } from './module.ts';
import { createQueryLog } from './query-log.ts';
import { createTokenBuckets } from './rate-limit.ts';
import { signedIn, startScreeningTestApp } from './test-app.ts';

type T = Awaited<ReturnType<typeof startScreeningTestApp>>;
let t: T;
/** A second server over the same database whose users may make 3 searches and 10 batch items a minute. */
let limited: { url: string; close: () => Promise<void> };
beforeAll(async () => {
  t = await startScreeningTestApp();
  const http = await createHttpServer(t.config, false);
  http.setAuthenticator(createAuthenticator(t.ctx.database));
  await createScreeningModule(t.ctx, { limits: { searchesPerMinute: 3, batchItemsPerMinute: 10 } }).routes!(http.app);
  await http.app.ready();
  const url = await http.app.listen({ port: 0, host: '127.0.0.1' });
  limited = { url, close: () => http.app.close() };
});
afterAll(async () => {
  await limited?.close();
  await t?.close();
});

/** A client of the limited server, signed in as a new user with these roles. */
async function limitedClient(roles: Parameters<typeof signedIn>[1] = ['ncp']) {
  const s = await signedIn(t, roles);
  const c = new TestClient(limited.url);
  c.cookie = s.client.cookie;
  c.csrf = s.client.csrf;
  return { client: c, user: s.user, org: s.org };
}

describe('per-user rate limits', () => {
  it('answers the search over the limit with 429, a problem+json that says why, and Retry-After', async () => {
    const { client } = await limitedClient();
    for (let i = 0; i < 3; i++) expect((await client.post('/api/v1/screening/search', { identifier: `RL00000${i}`, oneEdit: false })).status).toBe(200);
    const refused = await client.post('/api/v1/screening/search', { identifier: 'RL0000009', oneEdit: false });
    expect(refused.status).toBe(429);
    expect(refused.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    expect(refused.body).toMatchObject({ type: 'urn:opencen:problem:screening:rate-limited', title: 'Too Many Requests', status: 429 });
    expect(refused.body.detail).toMatch(/At most 3 searches a minute per user; try again in \d+ s\./);
    // The allowance refills at 3 a minute: the next token is at most 20 s away.
    const wait = Number(refused.headers.get('retry-after'));
    expect(wait).toBeGreaterThanOrEqual(1);
    expect(wait).toBeLessThanOrEqual(20);
  });

  it('counts each user apart: another officer still searches', async () => {
    const a = (await limitedClient()).client;
    const b = (await limitedClient()).client;
    for (let i = 0; i < 3; i++) await a.post('/api/v1/screening/search', { identifier: `RA00000${i}`, oneEdit: false });
    expect((await a.post('/api/v1/screening/search', { identifier: 'RA0000009' })).status).toBe(429);
    expect((await b.post('/api/v1/screening/search', { identifier: 'RB0000001' })).status).toBe(200);
  });

  it('counts batch items, not batches, and a refused batch is not logged', async () => {
    const { client, user } = await limitedClient();
    const items = (n: number, p: string) => Array.from({ length: n }, (_, i) => ({ identifier: `${p}${String(i).padStart(6, '0')}` }));
    expect((await client.post('/api/v1/screening/batch', { items: items(8, 'BA') })).status).toBe(200);
    const over = await client.post('/api/v1/screening/batch', { items: items(3, 'BB') });
    expect(over.status).toBe(429);
    expect(over.body.type).toBe('urn:opencen:problem:screening:rate-limited');
    expect(over.body.detail).toMatch(/At most 10 batch items a minute per user \(2 left now\)/);
    const tooBig = await client.post('/api/v1/screening/batch', { items: items(11, 'BC') });
    expect(tooBig.status).toBe(429);
    expect(tooBig.body.detail).toMatch(/this batch has 11/);
    await flushScreeningQueryLogs(t.ctx.database);
    const logged = await t.ctx.database.rows<{ items: number }>(sql`SELECT items FROM screening_queries WHERE user_id = ${user.id}`);
    expect(logged).toEqual([{ items: 8 }]);
  });
});

describe('token buckets', () => {
  it('spend a minute’s allowance at once, then refill at the steady rate', () => {
    let now = 0;
    const b = createTokenBuckets(60, () => now);
    for (let i = 0; i < 60; i++) expect(b.take('u').ok).toBe(true);
    const refused = b.take('u');
    expect(refused).toMatchObject({ ok: false, retryAfterSeconds: 1 });
    now += 1000;
    expect(b.take('u').ok).toBe(true);
    expect(b.take('u').ok).toBe(false);
    expect(b.take('v').ok).toBe(true);
    expect(b.take('w', 61)).toMatchObject({ ok: false, retryAfterSeconds: 60 });
    // Full buckets are forgotten after a quiet minute.
    now += 120_000;
    b.take('x');
    expect(b.size()).toBe(1);
  });
});

describe('the query log', () => {
  it('keeps every query of a burst, each audited, and shows them all to administrators', async () => {
    const officer = await signedIn(t, ['rilo_analyst']);
    const replies = await Promise.all(Array.from({ length: 25 }, (_, i) => officer.client.post('/api/v1/screening/search', { identifier: `QL${String(i).padStart(7, '0')}`, oneEdit: false })));
    expect(replies.every((r) => r.status === 200)).toBe(true);
    const admin = (await signedIn(t, ['admin'])).client;
    const listed = await admin.get(`/api/v1/screening/queries?userId=${officer.user.id}&pageSize=100`);
    expect(listed.body.total).toBe(25);
    expect(new Set(listed.body.items.map((q: { id: string }) => q.id))).toEqual(new Set(replies.map((r) => r.body.queryId)));
    const [{ n }] = await t.ctx.database.rows<{ n: number }>(sql`SELECT count(*)::int AS n FROM audit_log WHERE action = 'screening.search' AND actor_user_id = ${officer.user.id}`);
    expect(n).toBe(25);
    // Written in batches, the audit entries still form one unbroken hash chain.
    expect(await verifyAuditChain(t.ctx.database)).toMatchObject({ ok: true, firstBrokenId: null });
  });

  it('stores waiting queries on its own (its timer, no read of the log needed), and at close', async () => {
    const officer = await signedIn(t, ['ncp']);
    const principal = { userId: officer.user.id, orgId: officer.org.id, roles: ['ncp' as const], via: 'session' as const, secondFactorPending: false };
    const log = createQueryLog(t.ctx.database, t.ctx.audit, { searchesPerMinute: 100, batchItemsPerMinute: 100 }, { flushMs: 20 });
    const stored = async (id: string) => (await t.ctx.database.rows(sql`SELECT 1 FROM screening_queries WHERE id = ${id}`)).length;
    const entry = { mode: 'search' as const, list: null, query: { identifier: 'X' }, items: 1, hits: [] };
    const first = await log.record(principal, entry);
    expect(log.pending()).toBe(1);
    // Not a timing assertion: the generous timeout only bounds how long the test waits for the timer's write.
    await expect.poll(() => stored(first), { interval: 10, timeout: 15_000 }).toBe(1);
    expect(log.pending()).toBe(0);
    const second = await log.record(principal, entry);
    await log.close();
    expect(await stored(second)).toBe(1);
  });

  it('refuses a search on behalf of an unknown organisation with 422 before searching', async () => {
    const i2c = (await signedIn(t, ['i2c_officer'])).client;
    const res = await i2c.post('/api/v1/screening/search', { identifier: 'AB1234567', onBehalfOfOrgId: '00000000-0000-4000-8000-000000000000' });
    expect(res.status).toBe(422);
    expect(res.body).toMatchObject({ type: 'urn:opencen:problem:screening:unknown-organisation', errors: [{ field: 'body.onBehalfOfOrgId', message: 'is not a known organisation' }] });
  });
});
