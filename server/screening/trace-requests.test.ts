import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { signedIn, startScreeningTestApp } from './test-app.ts';

/** A test organisation as created (makeUser types it loosely). */
const orgOf = (u: { org: unknown }) => u.org as { id: string; name: string; shortName: string; kind: string; country: string | null };
type T = Awaited<ReturnType<typeof startScreeningTestApp>>;
let t: T;
let owner: Awaited<ReturnType<typeof signedIn>>;
let enquirer: Awaited<ReturnType<typeof signedIn>>;
let other: Awaited<ReturnType<typeof signedIn>>;
let firearmId: string;
beforeAll(async () => {
  t = await startScreeningTestApp();
  owner = await signedIn(t, ['ncp']);
  enquirer = await signedIn(t, ['rilo_analyst']);
  other = await signedIn(t, ['ncp']);
  const res = await owner.client.post('/api/v1/screening/lists/firearms/records', { serialNumbers: ['TRC90210'], make: 'Glock', model: 'G17', firearmType: 'pistol', status: 'stolen' });
  if (res.status !== 201) throw new Error(JSON.stringify(res.body));
  firearmId = res.body.id;
});
afterAll(async () => t?.close());

const BASE = '/api/v1/screening/trace-requests';
const mailsTo = async (email: string) =>
  (await t.ctx.database.rows<{ n: number }>(sql`SELECT count(*)::int AS n FROM jobs WHERE kind = 'mail.send' AND payload->>'to' = ${email} AND payload->>'subject' LIKE '%trace%'`))[0].n;

describe('firearm trace requests', () => {
  it('is asked by an enquirer, answered by the recording organisation, and both see its status', async () => {
    const asked = await enquirer.client.post(BASE, { firearmRecordId: firearmId, question: 'Last known owner and date of theft?' });
    expect(asked.status).toBe(201);
    expect(asked.body).toMatchObject({ firearmRecordId: firearmId, requesterOrgId: enquirer.org.id, ownerOrgId: owner.org.id, status: 'open', answer: null });
    expect(asked.body).toMatchObject({ requesterOrgName: orgOf(enquirer).name, ownerOrgName: orgOf(owner).name });
    const id = asked.body.id;
    // One request by its id, for either side; a third organisation does not learn it exists.
    expect((await owner.client.get(`${BASE}/${id}`)).body).toMatchObject({ id, question: 'Last known owner and date of theft?', requesterOrgName: orgOf(enquirer).name });
    expect((await enquirer.client.get(`${BASE}/${id}`)).status).toBe(200);
    expect((await other.client.get(`${BASE}/${id}`)).status).toBe(404);
    expect(await mailsTo(owner.user.email)).toBe(1);

    expect((await owner.client.get(`${BASE}?role=owner&status=open`)).body.items.map((r: { id: string }) => r.id)).toEqual([id]);
    expect((await enquirer.client.get(`${BASE}?role=asked`)).body.items[0]).toMatchObject({ id, status: 'open' });

    const answered = await owner.client.post(`${BASE}/${id}/answer`, { answer: 'Stolen from a gun shop in Lyon, 2023-05-02.' });
    expect(answered.status).toBe(200);
    expect(answered.body).toMatchObject({ status: 'answered', answer: 'Stolen from a gun shop in Lyon, 2023-05-02.', answeredBy: owner.user.id });
    expect((await enquirer.client.get(BASE)).body.items[0]).toMatchObject({ id, status: 'answered', ownerOrgName: orgOf(owner).name });
    expect((await enquirer.client.get(`${BASE}/${id}`)).body).toMatchObject({ status: 'answered', answer: 'Stolen from a gun shop in Lyon, 2023-05-02.' });
    expect(await mailsTo(enquirer.user.email)).toBe(1);
    expect((await owner.client.post(`${BASE}/${id}/answer`, { answer: 'again' })).status).toBe(409);
    expect((await other.client.get(BASE)).body.items).toEqual([]);
  });

  it('refuses an answer by anyone but the recording organisation, and changes nothing', async () => {
    const { body } = await enquirer.client.post(BASE, { firearmRecordId: firearmId, question: 'Was it ever recovered?' });
    expect((await other.client.post(`${BASE}/${body.id}/answer`, { answer: 'not ours' })).status).toBe(403);
    expect((await enquirer.client.post(`${BASE}/${body.id}/answer`, { answer: 'self-answer' })).status).toBe(403);
    const [row] = await t.ctx.database.rows<{ status: string; answer: string | null }>(sql`SELECT status, answer FROM screening_trace_requests WHERE id = ${body.id}`);
    expect(row).toEqual({ status: 'open', answer: null });
  });

  it('rejects bad input naming the field', async () => {
    const missing = await enquirer.client.post(BASE, { firearmRecordId: firearmId });
    expect(missing.status).toBe(400);
    expect(missing.body.errors[0].field).toBe('body.question');
    const badId = await enquirer.client.post(BASE, { firearmRecordId: 'x', question: 'q' });
    expect(badId.status).toBe(400);
    expect(badId.body.errors[0].field).toBe('body.firearmRecordId');
    const unknown = await enquirer.client.post(BASE, { firearmRecordId: enquirer.org.id, question: 'q' });
    expect(unknown.status).toBe(422);
    expect(unknown.body.errors[0].field).toBe('body.firearmRecordId');
    const own = await owner.client.post(BASE, { firearmRecordId: firearmId, question: 'q' });
    expect(own.status).toBe(422);
    const empty = await owner.client.post(`${BASE}/${enquirer.org.id}/answer`, { answer: '  ' });
    expect(empty.status).toBe(400);
    expect(empty.body.errors[0].field).toBe('body.answer');
  });
});

describe('GET /api/v1/screening/organisations', () => {
  it('lets an I2C officer pick the member administration, without what only administrators see', async () => {
    const i2c = (await signedIn(t, ['i2c_officer'])).client;
    const res = await i2c.get('/api/v1/screening/organisations');
    expect(res.status).toBe(200);
    const item = res.body.items.find((o: { id: string }) => o.id === owner.org.id);
    expect(item).toEqual({ id: owner.org.id, name: orgOf(owner).name, shortName: orgOf(owner).shortName, kind: orgOf(owner).kind, country: orgOf(owner).country ?? null });
    expect((await owner.client.get('/api/v1/screening/organisations')).status).toBe(403);
  });
});
