import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { startTestApp, type TestApp, type TestClient } from '../../platform/testing/test-app.ts';
import { cocaineSeizure, signIn } from '../../seizures/testing.ts';
import { remindReviews } from './review-reminder.ts';

// The nCEN entity API over real HTTP on a national node with its own database.
let t: TestApp;
let officer: TestClient;
let reader: TestClient;
let ncp: TestClient;
let orgId: string;
let officerEmail: string;
const purpose = 'case 2026/117, port of Le Havre';
const E = '/api/v1/national/entities';
const q = (params: Record<string, string>) => `?${new URLSearchParams({ purpose, ...params })}`;

const person = (over: Record<string, unknown> = {}) => ({
  kind: 'person',
  purpose,
  fields: { names: ['Aleksandr Petrov'], birthDate: '1979-04-12', nationalities: ['RU'], documents: [{ type: 'passport', number: '751234567', country: 'RU' }], phones: ['+33 6 12 34 56 78'], ...over },
});

beforeAll(async () => {
  t = await startTestApp({ OPENCEN_ROLE: 'national' });
  const a = await signIn(t, ['nominal_read', 'nominal_write'], { country: 'FR' });
  officer = a.client;
  officerEmail = a.user.email;
  orgId = a.org.id;
  reader = (await signIn(t, ['nominal_read'], { orgId })).client;
  ncp = (await signIn(t, ['ncp'], { orgId })).client;
}, 60_000);
afterAll(async () => {
  await t?.close();
});

async function newSeizure(client: TestClient) {
  const res = await client.post('/api/v1/seizures', cocaineSeizure());
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return res.body.id as string;
}

describe('nCEN entities', () => {
  it('records a person whose values are sealed at rest, and finds it across scripts, by document and by phone', async () => {
    const res = await officer.post(E, person());
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    expect(res.body).toMatchObject({ kind: 'person', label: 'Aleksandr Petrov', version: 1, fields: { birthDate: '1979-04-12' } });
    const id = res.body.id as string;

    const stored = JSON.stringify(await t.ctx.database.rows(sql`SELECT * FROM national_entities WHERE id = ${id}`));
    const keys = JSON.stringify(await t.ctx.database.rows(sql`SELECT key_kind, encode(value, 'escape') AS v FROM national_blind_keys WHERE entity_id = ${id}`));
    for (const clear of ['Petrov', 'petrov', 'Aleksandr', '751234567', '1979-04-12', '612345678']) {
      expect(stored).not.toContain(clear);
      expect(keys).not.toContain(clear);
    }

    const cyrillic = await reader.get(E + q({ q: 'Александр Петров' }));
    expect(cyrillic.status).toBe(200);
    expect(cyrillic.body.entities[0]).toMatchObject({ id, label: 'Aleksandr Petrov' });
    expect(cyrillic.body.entities[0].reasons).toContain('transliteration');
    expect((await reader.get(E + q({ q: '75 123 4567' }))).body.entities[0]).toMatchObject({ id, reasons: ['same document number'] });
    expect((await reader.get(E + q({ phone: '06 12 34 56 78' }))).body.entities[0]).toMatchObject({ id, reasons: ['same phone'] });
    expect((await reader.get(E + q({ q: 'Petrov' }))).body.entities.map((e: { id: string }) => e.id)).toContain(id);
    expect((await reader.get(E + q({ q: 'Dupont' }))).body.entities).toEqual([]);
  });

  it('proposes the probable same person while another record is typed, with why', async () => {
    const res = await officer.post(`${E}/candidates`, { kind: 'person', purpose, fields: { names: ['Петров Александр'], birthDate: '1979-04-12' } });
    expect(res.status).toBe(200);
    const [best] = res.body.candidates;
    expect(best.entity.label).toBe('Aleksandr Petrov');
    expect(best.score).toBeGreaterThan(0.9);
    expect(best.reasons).toContain('same birth date');
    expect(best.reasons.join(' ')).toContain('name variant');
    const other = await officer.post(`${E}/candidates`, { kind: 'person', purpose, fields: { names: ['Aleksandr Petrov'], birthDate: '1990-01-01' } });
    expect(other.body.candidates[0]?.score ?? 0).toBeLessThan(best.score);
  });

  it('audits every opening and search with its purpose, and never a nominal value', async () => {
    const created = await officer.post(E, person({ names: ['Olga Ivanova'], documents: [], phones: [] }));
    await reader.get(`${E}/${created.body.id}${q({})}`);
    const rows = await t.ctx.database.rows<{ action: string; detail: string | Record<string, unknown> }>(sql`SELECT action, detail FROM audit_log WHERE action LIKE 'national.%' ORDER BY id`);
    const read = rows.find((r) => r.action === 'national.entity.read');
    expect(JSON.stringify(read?.detail)).toContain(purpose);
    expect(rows.some((r) => r.action === 'national.entity.search')).toBe(true);
    const all = JSON.stringify(rows);
    for (const clear of ['Ivanova', 'Petrov', 'Петров', '751234567']) expect(all).not.toContain(clear);
  });

  it('refuses bad input with the field named, and stores nothing of it', async () => {
    const before = (await t.ctx.database.rows<{ n: number }>(sql`SELECT count(*)::int AS n FROM national_entities`))[0]!.n;
    const cases: [unknown, number, string][] = [
      [person({ birthDate: '2999-01-01' }), 422, 'body.fields.birthDate'],
      [person({ names: [] }), 422, 'body.fields.names'],
      [person({ documents: [{ type: 'passport', number: 'AB-12$4' }] }), 422, 'body.fields.documents.0.number'],
      [{ kind: 'transport', purpose, fields: { type: 'vehicle', vin: 'WVWZZZ1JZ3W38669I' } }, 422, 'body.fields.vin'],
      [{ kind: 'person', fields: { names: ['X'] } }, 400, 'purpose'],
      [{ kind: 'alien', purpose, fields: {} }, 400, 'kind'],
      [person({ names: ['A\u0000B'] }), 400, 'body.fields.names.0'],
    ];
    for (const [body, status, field] of cases) {
      const res = await officer.post(E, body);
      expect(res.status, JSON.stringify(res.body)).toBe(status);
      expect(JSON.stringify(res.body)).toContain(field);
    }
    expect((await t.ctx.database.rows<{ n: number }>(sql`SELECT count(*)::int AS n FROM national_entities`))[0]!.n).toBe(before);
    // A VIN whose check digit fails is stored with a warning (ISO 3779 makes the check digit mandatory in North America only).
    const vin = await officer.post(E, { kind: 'transport', purpose, fields: { type: 'vehicle', vin: 'WVWZZZ1JZ3W386691' } });
    expect(vin.status, JSON.stringify(vin.body)).toBe(201);
  });

  it('keeps nominal data to its roles and its administration', async () => {
    const created = await officer.post(E, person({ names: ['Karim Benali'] }));
    expect((await reader.post(E, person())).status).toBe(403);
    expect((await ncp.get(`${E}${q({ q: 'Benali' })}`)).status).toBe(403);
    const stranger = (await signIn(t, ['nominal_read', 'nominal_write'], { country: 'BE' })).client;
    expect((await stranger.get(`${E}/${created.body.id}${q({})}`)).status).toBe(404);
    expect((await stranger.get(`${E}${q({ q: 'Karim Benali' })}`)).body.entities).toEqual([]);
  });

  it('refuses a stale version, links seizures of its own administration only, and rejects a merge of a person with a company', async () => {
    const p = (await officer.post(E, person({ names: ['Ivan Smirnov'], documents: [], phones: [] }))).body;
    const changed = await officer.put(`${E}/${p.id}`, { fields: { ...p.fields, birthPlace: 'Moscow' }, version: p.version, purpose });
    expect(changed.status, JSON.stringify(changed.body)).toBe(200);
    expect((await officer.put(`${E}/${p.id}`, { fields: p.fields, version: p.version, purpose })).status).toBe(409);

    const seizureId = await newSeizure(ncp);
    const linked = await officer.post(`${E}/${p.id}/seizures`, { seizureId, role: 'courier' });
    expect(linked.status, JSON.stringify(linked.body)).toBe(200);
    expect(linked.body.seizures).toEqual([expect.objectContaining({ seizureId, role: 'courier' })]);
    const otherNcp = (await signIn(t, ['ncp'], { country: 'BE' })).client;
    const foreign = await officer.post(`${E}/${p.id}/seizures`, { seizureId: await newSeizure(otherNcp), role: 'courier' });
    expect(foreign.status).toBe(422);
    expect(foreign.body.detail).toContain('another administration');

    const company = (await officer.post(E, { kind: 'company', purpose, fields: { names: ['Baltic Freight JSC'] } })).body;
    const bad = await officer.post(`${E}/${p.id}/merge`, { otherId: company.id, reason: 'same' });
    expect(bad.status).toBe(422);
    expect(bad.body.detail).toContain('company');
    expect((await officer.post(`${E}/${p.id}/links`, { toId: company.id, kind: 'director_of' })).body.links[0]).toMatchObject({ kind: 'director_of', direction: 'from' });
  });

  it('lists the records past their review date with a purpose, and keeps one for another period with a reason', async () => {
    const due = (await officer.post(E, person({ names: ['Marta Kowalczyk'], documents: [], phones: [] }))).body;
    await t.ctx.database.rows(sql`UPDATE national_entities SET review_at = current_date - 1 WHERE id = ${due.id} RETURNING id`);
    expect((await officer.get('/api/v1/national/review')).status).toBe(400);
    const listed = await officer.get(`/api/v1/national/review${q({})}`);
    expect(listed.status, JSON.stringify(listed.body)).toBe(200);
    expect(listed.body.entities.map((e: { id: string }) => e.id)).toContain(due.id);
    const [audited] = await t.ctx.database.rows<{ detail: string | Record<string, unknown> }>(sql`SELECT detail FROM audit_log WHERE action = 'national.entity.review_list' ORDER BY id DESC LIMIT 1`);
    expect(JSON.stringify(audited.detail)).toContain(purpose);

    // The daily reminder tells the administration's writers how many, with the link, and never a name.
    await t.ctx.database.rows(sql`UPDATE users SET profile = profile || '{"mailAlerts": true}'::jsonb WHERE email = ${officerEmail} RETURNING id`);
    expect(await remindReviews(t.ctx)).toBeGreaterThan(0);
    const mails = await t.ctx.database.rows<{ payload: { subject: string; text: string } }>(sql`SELECT payload FROM jobs WHERE kind = 'mail.send' AND payload->>'to' = ${officerEmail}`);
    expect(mails.map((m) => m.payload.subject)).toContain('[OpenCEN] A record is past its review date');
    expect(mails[0].payload.text).toContain('/national/review');
    expect(JSON.stringify(mails)).not.toContain('Kowalczyk');

    expect((await officer.post(`${E}/${due.id}/keep`, { reason: '' })).status).toBe(400);
    const kept = await officer.post(`${E}/${due.id}/keep`, { reason: 'open investigation 2026/117' });
    expect(kept.status, JSON.stringify(kept.body)).toBe(200);
    expect(kept.body.reviewAt > new Date().toISOString().slice(0, 10)).toBe(true);
    expect((await officer.get(`/api/v1/national/review${q({})}`)).body.entities.map((e: { id: string }) => e.id)).not.toContain(due.id);
  });

  it('merges two records of one person and splits them again', async () => {
    const a = (await officer.post(E, person({ names: ['Youssef El Amrani'], documents: [], phones: [] }))).body;
    const b = (await officer.post(E, person({ names: ['يوسف العمراني'], documents: [{ type: 'passport', number: 'MA1234567' }], phones: [] }))).body;
    const seizureId = await newSeizure(ncp);
    await officer.post(`${E}/${b.id}/seizures`, { seizureId, role: 'driver' });

    const merged = await officer.post(`${E}/${a.id}/merge`, { otherId: b.id, reason: 'same passport holder' });
    expect(merged.status, JSON.stringify(merged.body)).toBe(200);
    expect(merged.body.seizures.map((s: { seizureId: string }) => s.seizureId)).toEqual([seizureId]);
    expect(merged.body.merges[0]).toMatchObject({ mergedId: b.id, reason: 'same passport holder', undoneAt: null });
    // The merged record's passport now finds the survivor; opening the merged id shows the survivor.
    expect((await reader.get(E + q({ q: 'MA1234567' }))).body.entities.map((e: { id: string }) => e.id)).toEqual([a.id]);
    expect((await reader.get(`${E}/${b.id}${q({})}`)).body.id).toBe(a.id);

    const undone = await officer.post(`/api/v1/national/merges/${merged.body.merges[0].id}/undo`, { reason: 'different fathers' });
    expect(undone.status, JSON.stringify(undone.body)).toBe(200);
    expect(undone.body).toMatchObject({ id: b.id, seizures: [expect.objectContaining({ seizureId, role: 'driver' })] });
    const survivor = (await reader.get(`${E}/${a.id}${q({})}`)).body;
    expect(survivor.seizures).toEqual([]);
    expect(survivor.merges[0].undoneAt).not.toBeNull();
    expect((await reader.get(E + q({ q: 'MA1234567' }))).body.entities.map((e: { id: string }) => e.id)).toEqual([b.id]);
  });

  it('draws the network around an entity and a case, and deletes an entity with its indexes', async () => {
    const p = (await officer.post(E, person({ names: ['Wei Zhang'], documents: [], phones: [] }))).body;
    const c = (await officer.post(E, { kind: 'company', purpose, fields: { names: ['Orient Logistics Ltd'] } })).body;
    await officer.post(`${E}/${p.id}/links`, { toId: c.id, kind: 'employee_of' });
    const seizureId = await newSeizure(ncp);
    await officer.post(`${E}/${c.id}/seizures`, { seizureId, role: 'consignee' });
    const kase = await officer.post('/api/v1/national/cases', { offenceType: 'Drug trafficking', legalBasis: 'Code des douanes, art. 414' });
    expect(kase.status, JSON.stringify(kase.body)).toBe(201);
    expect(kase.body.reference).toMatch(/^NC-\d{4}-\d{5}$/);
    expect((await officer.post(`/api/v1/national/cases/${kase.body.id}/entities`, { entityId: p.id, role: 'suspect' })).body.entities).toHaveLength(1);

    const g = await reader.get(`/api/v1/national/graph?${new URLSearchParams({ from: `entity:${p.id}`, hops: '2', purpose })}`);
    expect(g.status, JSON.stringify(g.body)).toBe(200);
    const ids = g.body.nodes.map((n: { id: string }) => n.id);
    expect(ids).toEqual(expect.arrayContaining([`entity:${p.id}`, `entity:${c.id}`, `case:${kase.body.id}`, `seizure:${seizureId}`]));
    expect(g.body.edges).toEqual(expect.arrayContaining([{ from: `entity:${p.id}`, to: `entity:${c.id}`, kind: 'employee_of' }]));
    const one = await reader.get(`/api/v1/national/graph?${new URLSearchParams({ from: `entity:${p.id}`, hops: '1', purpose })}`);
    expect(one.body.nodes.map((n: { id: string }) => n.id)).not.toContain(`seizure:${seizureId}`);
    expect((await reader.get(`/api/v1/national/graph?${new URLSearchParams({ from: `entity:${p.id}`, hops: '4', purpose })}`)).status).toBe(400);

    const del = await officer.call('DELETE', `${E}/${p.id}`, { reason: 'retention period over' });
    expect(del.status).toBe(204);
    expect(await t.ctx.database.rows(sql`SELECT 1 FROM national_blind_keys WHERE entity_id = ${p.id}`)).toEqual([]);
    expect((await reader.get(`${E}/${p.id}${q({})}`)).status).toBe(404);
  });
});

describe('a hub', () => {
  it('has no nCEN route', async () => {
    const hub = await startTestApp();
    try {
      const res = await fetch(`${hub.url}${E}?purpose=x`);
      expect(res.status).toBe(404);
    } finally {
      await hub.close();
    }
  });
});
