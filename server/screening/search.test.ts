import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import type { TestClient } from '../platform/testing/test-app.ts';
import { signedIn, startScreeningTestApp } from './test-app.ts';
import { flushScreeningQueryLogs } from './module.ts';

type T = Awaited<ReturnType<typeof startScreeningTestApp>>;
let t: T;
let recorder: TestClient;
let searcher: TestClient;
let searcherOrg: string;
const ids: Record<string, string> = {};
beforeAll(async () => {
  t = await startScreeningTestApp();
  recorder = (await signedIn(t, ['ncp'])).client;
  const s = await signedIn(t, ['rilo_analyst']);
  searcher = s.client;
  searcherOrg = s.org.id;
  const add = async (list: string, body: object) => {
    const res = await recorder.post(`/api/v1/screening/lists/${list}/records`, body);
    if (res.status !== 201) throw new Error(JSON.stringify(res.body));
    return res.body.id as string;
  };
  ids.passport = await add('travel_documents', { number: 'AB1234567', docType: 'passport', issuingCountry: 'FR', status: 'stolen', nationalReference: 'FR-2024-1' });
  ids.expired = await add('travel_documents', { number: 'ZZ7654321', docType: 'passport', issuingCountry: 'DE', status: 'lost', reviewOn: '2030-01-01' });
  ids.vehicle = await add('vehicles', { vin: '1G4AH59H45G118341', make: 'Buick', model: 'LaCrosse', colour: 'black', status: 'stolen' });
  ids.firearm = await add('firearms', { serialNumbers: ['GLK4471X2'], make: 'Glock', model: 'G17', calibre: '9mm Luger', firearmType: 'pistol', status: 'stolen' });
  ids.container = await add('containers', { number: 'CSQU3054383', reason: 'cocaine concealment 2024' });
  // Review date passed: moved into the past directly, as time would.
  await t.ctx.database.rows(sql`UPDATE screening_travel_documents SET review_on = current_date - 1 WHERE id = ${ids.expired}`);
});
afterAll(async () => t?.close());

const search = (body: object, c = searcher) => c.post('/api/v1/screening/search', body);

describe('POST /api/v1/screening/search', () => {
  it('says why each candidate matched: exact, normalised, folded, one edit, transposition, wildcard', async () => {
    const exact = await search({ identifier: 'AB1234567' });
    expect(exact.status).toBe(200);
    expect(exact.body.hits[0]).toMatchObject({ list: 'travel_documents', recordId: ids.passport, match: { type: 'exact' } });
    expect((await search({ identifier: 'ab 1234-567' })).body.hits[0].match.type).toBe('normalised');
    const folded = await search({ identifier: 'A81234567' });
    expect(folded.body.hits[0]).toMatchObject({ recordId: ids.passport, match: { type: 'folded' } });
    const typo = await search({ identifier: 'AB1234568' });
    expect(typo.body.hits[0]).toMatchObject({ recordId: ids.passport, match: { type: 'one_edit', edit: { op: 'substitution', position: 9 } } });
    const swap = await search({ identifier: 'AB1243567' });
    expect(swap.body.hits[0].match).toMatchObject({ type: 'one_edit', edit: { op: 'transposition', position: 5 } });
    expect(swap.body.hits[0].match.detail).toMatch(/swapped/);
    const missing = await search({ identifier: 'AB123567' });
    expect(missing.body.hits[0].match.edit.op).toBe('missing_character');
    const wild = await search({ identifier: 'GLK44?1*', list: 'firearms' });
    expect(wild.body.hits[0]).toMatchObject({ recordId: ids.firearm, match: { type: 'wildcard' } });
    expect((await search({ identifier: 'AB1234567', oneEdit: false, list: 'vehicles' })).body.hits).toEqual([]);
  });

  it('gives the first level with the hit in one statement, and narrows an identifier by the fields given with it', async () => {
    const exact = await search({ identifier: 'AB1234567', oneEdit: false });
    expect(exact.body.hits).toHaveLength(1);
    expect(exact.body.hits[0].firstLevel).toEqual({ number: 'AB1234567', docType: 'passport', issuingCountry: 'FR' });
    // The same identifier said to be German matches nothing; said to be French it does.
    expect((await search({ identifier: 'AB1234567', oneEdit: false, fields: { issuingCountry: 'DE' } })).body.hits).toEqual([]);
    const fr = await search({ identifier: 'AB1234567', oneEdit: false, fields: { issuingCountry: 'FR' } });
    expect(fr.body.hits.map((h: { recordId: string }) => h.recordId)).toEqual([ids.passport]);
    // Past its review date a record is out of the searchable set, even by its exact number.
    expect((await search({ identifier: 'ZZ7654321', oneEdit: false })).body.hits).toEqual([]);
  });

  it('finds an obliterated serial whose first characters are unreadable, and a value read as several kinds once', async () => {
    const leading = await search({ identifier: '?LK4471*', list: 'firearms' });
    expect(leading.body.hits.map((h: { recordId: string }) => h.recordId)).toEqual([ids.firearm]);
    const inner = await search({ identifier: '*K447?X2' });
    expect(inner.body.hits[0]).toMatchObject({ recordId: ids.firearm, match: { type: 'wildcard' } });
    // GLK4471X3 is read as a document number and as a firearm serial: still one hit per record, one edit away.
    const typo = await search({ identifier: 'GLK4471X3' });
    expect(typo.body.hits).toHaveLength(1);
    expect(typo.body.hits[0]).toMatchObject({ recordId: ids.firearm, match: { type: 'one_edit', edit: { op: 'substitution', position: 9 } } });
  });

  it('refuses a wildcard pattern that would match everything, naming the field', async () => {
    const res = await search({ identifier: 'A?*1' });
    expect(res.status).toBe(400);
    expect(res.body.errors[0].field).toBe('body.identifier');
  });

  it('answers the first level only: the identifying fields', async () => {
    const doc = (await search({ identifier: 'AB1234567' })).body.hits[0].firstLevel;
    expect(doc).toEqual({ number: 'AB1234567', docType: 'passport', issuingCountry: 'FR' });
    expect((await search({ identifier: '1G4AH59H45G118341' })).body.hits[0].firstLevel).toEqual({ vin: '1G4AH59H45G118341', make: 'Buick' });
    expect((await search({ identifier: 'GLK4471X2' })).body.hits[0].firstLevel).toEqual({ serialNumbers: ['GLK4471X2'], make: 'Glock', model: 'Glock 17' });
    const opened = await searcher.get(`/api/v1/screening/lists/travel_documents/records/${ids.passport}`);
    expect(opened.body.nationalReference).toBe('FR-2024-1');
    const [{ n }] = await t.ctx.database.rows<{ n: number }>(sql`SELECT count(*)::int AS n FROM audit_log WHERE action = 'screening.record.open' AND target_id = ${ids.passport}`);
    expect(n).toBe(1);
  });

  it('searches by structured fields through the reference aliases', async () => {
    const res = await search({ list: 'firearms', fields: { make: 'GLOCK GmbH', calibre: '9mm Parabellum' } });
    expect(res.body.hits.map((h: { recordId: string }) => h.recordId)).toEqual([ids.firearm]);
    expect(res.body.hits[0].match.type).toBe('fields');
  });

  it('leaves out records past their review date', async () => {
    expect((await search({ identifier: 'ZZ7654321' })).body.hits).toEqual([]);
  });

  it('records an I2C search under the member administration, and refuses it to an NCP', async () => {
    const i2c = (await signedIn(t, ['i2c_officer'])).client;
    const res = await search({ identifier: 'CSQU3054383', onBehalfOfOrgId: searcherOrg }, i2c);
    expect(res.status).toBe(200);
    expect(res.body.hits[0].recordId).toBe(ids.container);
    // The query log writes in batches; store what waits before reading its table.
    await flushScreeningQueryLogs(t.ctx.database);
    const [q] = await t.ctx.database.rows<{ for_org_id: string; on_behalf_of_org_id: string; hits: number }>(sql`SELECT * FROM screening_queries WHERE id = ${res.body.queryId}`);
    expect(q).toMatchObject({ for_org_id: searcherOrg, on_behalf_of_org_id: searcherOrg, hits: 1 });
    const [h] = await t.ctx.database.rows<{ for_org_id: string }>(sql`SELECT for_org_id FROM screening_hits WHERE query_id = ${res.body.queryId}`);
    expect(h.for_org_id).toBe(searcherOrg);
    const ncp = await search({ identifier: 'CSQU3054383', onBehalfOfOrgId: searcherOrg }, recorder);
    expect(ncp.status).toBe(403);
  });

  it('shows administrators every query, with filters', async () => {
    const admin = (await signedIn(t, ['admin'])).client;
    const all = await admin.get(`/api/v1/screening/queries?forOrgId=${searcherOrg}&mode=search`);
    expect(all.status).toBe(200);
    expect(all.body.total).toBeGreaterThan(5);
    expect(all.body.items[0]).toMatchObject({ mode: 'search', forOrgId: searcherOrg });
    expect((await searcher.get('/api/v1/screening/queries')).status).toBe(403);
    const [{ n }] = await t.ctx.database.rows<{ n: number }>(sql`SELECT count(*)::int AS n FROM audit_log WHERE action = 'screening.search'`);
    expect(n).toBe(all.body.total);
  });
});

describe('POST /api/v1/screening/batch', () => {
  it('answers every hit of a manifest in one reply', async () => {
    const items = [
      { ref: 'seat 1A', identifier: 'AB1234567' },
      { ref: 'seat 1B', identifier: 'NOTLISTED1' },
      { ref: 'box 7', identifier: 'CSQU 305438-3' },
      { identifier: '1G4AH59H45G118341', list: 'vehicles' },
    ];
    const res = await searcher.post('/api/v1/screening/batch', { items });
    expect(res.status).toBe(200);
    expect(res.body.items).toBe(4);
    expect(res.body.hits.map((h: { item: number; ref?: string; match: { type: string } }) => [h.item, h.ref, h.match.type])).toEqual([
      [0, 'seat 1A', 'exact'],
      [2, 'box 7', 'normalised'],
      [3, undefined, 'exact'],
    ]);
    const typo = await searcher.post('/api/v1/screening/batch', { items: [{ identifier: 'AB1243567' }], oneEdit: true });
    expect(typo.body.hits[0].match.edit.op).toBe('transposition');
  });

  it('refuses an empty batch and one of 10,001 items', async () => {
    const empty = await searcher.post('/api/v1/screening/batch', { items: [] });
    expect(empty.status).toBe(400);
    expect(empty.body.errors[0].field).toBe('body.items');
    const big = await searcher.post('/api/v1/screening/batch', { items: Array.from({ length: 10_001 }, (_, i) => ({ identifier: `X${i}` })) });
    expect(big.status).toBe(400);
    expect(big.body.errors[0].field).toBe('body.items');
  });
});

describe('POST /api/v1/screening/lists/:list/import', () => {
  const csv = (body: string) => fetch(`${t.screeningUrl}/api/v1/screening/lists/containers/import?mode=${mode}`, {
    method: 'POST',
    headers: { 'content-type': 'text/csv', cookie: recorder.cookie, 'x-csrf-token': recorder.csrf },
    body,
  });
  let mode = 'all_or_nothing';
  const file = 'number,reason\nMSCU1234566,seen in 2024\nBROKEN!!,bad\nTGHU9876542,again\n';

  it('reports the broken row and stores nothing, or the valid rows only', async () => {
    const before = (await t.ctx.database.rows<{ n: number }>(sql`SELECT count(*)::int AS n FROM screening_containers`))[0].n;
    const all = await (await csv(file)).json();
    expect(all).toMatchObject({ status: 'done', rows: 3, stored: 0 });
    expect(all.errors[0]).toMatchObject({ row: 2, field: 'number' });
    mode = 'valid_rows';
    const some = await (await csv(file)).json();
    expect(some).toMatchObject({ status: 'done', rows: 3, stored: 2 });
    const after = (await t.ctx.database.rows<{ n: number }>(sql`SELECT count(*)::int AS n FROM screening_containers`))[0].n;
    expect(after - before).toBe(2);
    expect((await search({ identifier: 'TGHU9876542' })).body.hits[0].match.type).toBe('exact');
    expect((await recorder.get(`/api/v1/screening/imports/${some.importId}`)).body.stored).toBe(2);
  });
});
