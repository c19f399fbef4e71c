import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import type { TestClient } from '../platform/testing/test-app.ts';
import { composeMrz } from './identifiers/compose-mrz.ts';
import { flushScreeningQueryLogs } from './module.ts';
import { looksLikeMrz, readMrzForSearch } from './mrz-search.ts';
import { signedIn, startScreeningTestApp } from './test-app.ts';

const holder = { surname: 'MARTIN', givenNames: 'CLAIRE', nationality: 'FRA', birthDate: '850317', sex: 'F' as const, expiryDate: '310921' };
const french = composeMrz('TD3', { documentCode: 'P', issuingState: 'FRA', documentNumber: '19FX44871', ...holder });
const german = composeMrz('TD1', { documentCode: 'ID', issuingState: 'D', documentNumber: 'T22000129', ...holder, nationality: 'D' });

describe('reading an MRZ for a search', () => {
  const alpha3 = async (code: string) => ({ FRA: 'FR', DEU: 'DE' })[code] ?? null;

  it('tells an MRZ from an identifier', () => {
    expect(looksLikeMrz(french.join('\n'))).toBe(true);
    expect(looksLikeMrz(french[1])).toBe(true);
    expect(looksLikeMrz('19FX44871')).toBe(false);
    expect(looksLikeMrz('AB<12')).toBe(false);
  });

  it('gives the document number and the ISO country of the issuing state, with ICAO exceptions', async () => {
    expect(await readMrzForSearch(french.join('\n'), alpha3)).toMatchObject({ format: 'TD3', valid: true, documentNumber: '19FX44871', issuingState: 'FRA', issuingCountry: 'FR', documentType: 'P' });
    expect(await readMrzForSearch(german.join('\n'), alpha3)).toMatchObject({ format: 'TD1', documentNumber: 'T22000129', issuingState: 'D', issuingCountry: 'DE' });
    // The specimen's state, Utopia, is no country; line 2 alone names no issuing state.
    expect(await readMrzForSearch('P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<\nL898902C36UTO7408122F1204159ZE184226B<<<<<10', alpha3)).toMatchObject({ issuingState: 'UTO', issuingCountry: null, valid: true });
    expect(await readMrzForSearch(french[1], alpha3)).toMatchObject({ documentNumber: '19FX44871', issuingState: null, issuingCountry: null });
  });

  it("leaves the holder's data out, even from the errors", async () => {
    const badBirthCheck = french[1].slice(0, 19) + ((Number(french[1][19]) + 1) % 10) + french[1].slice(20);
    const r = await readMrzForSearch([french[0], badBirthCheck].join('\n'), alpha3);
    expect(r.valid).toBe(false);
    expect(JSON.stringify(r)).not.toMatch(/MARTIN|CLAIRE|850317/);
    // The composite digit covers the birth date too, so it fails with it; the birth date itself is only named.
    expect(r.errors.map((e) => e.field)).toEqual(['composite', 'holder']);
    expect(r.errors[1].message).toMatch(/holder's data/);
  });
});

type T = Awaited<ReturnType<typeof startScreeningTestApp>>;
let t: T;
let officer: TestClient;
let officerId: string;
const ids: Record<string, string> = {};
beforeAll(async () => {
  t = await startScreeningTestApp();
  const recorder = (await signedIn(t, ['ncp'])).client;
  const s = await signedIn(t, ['ncp']);
  officer = s.client;
  officerId = s.user.id;
  const add = async (body: object) => {
    const res = await recorder.post('/api/v1/screening/lists/travel_documents/records', body);
    if (res.status !== 201) throw new Error(JSON.stringify(res.body));
    return res.body.id as string;
  };
  ids.fr = await add({ number: '19FX44871', docType: 'passport', issuingCountry: 'FR', status: 'stolen' });
  // The same number issued by another state is another document.
  ids.be = await add({ number: '19FX44871', docType: 'passport', issuingCountry: 'BE', status: 'lost' });
  ids.de = await add({ number: 'T22000129', docType: 'identity_card', issuingCountry: 'DE', status: 'stolen' });
});
afterAll(async () => t?.close());

describe('POST /api/v1/screening/search with an MRZ', () => {
  it('searches the document the zone names, in its issuing country, and shows how it read the zone', async () => {
    const res = await officer.post('/api/v1/screening/search', { identifier: french.join('\n') });
    expect(res.status).toBe(200);
    expect(res.body.hits.map((h: { recordId: string }) => h.recordId)).toEqual([ids.fr]);
    expect(res.body.hits[0]).toMatchObject({ list: 'travel_documents', match: { type: 'exact' } });
    expect(res.body.mrz).toMatchObject({ format: 'TD3', valid: true, documentNumber: '19FX44871', issuingState: 'FRA', issuingCountry: 'FR', checks: { documentNumber: true, expiryDate: true, composite: true } });
    const card = await officer.post('/api/v1/screening/search', { identifier: german.join('\r\n') });
    expect(card.body.hits.map((h: { recordId: string }) => h.recordId)).toEqual([ids.de]);
    // Line 2 alone has no issuing state: both documents of that number.
    const line2 = await officer.post('/api/v1/screening/search', { identifier: french[1] });
    expect(new Set(line2.body.hits.map((h: { recordId: string }) => h.recordId))).toEqual(new Set([ids.fr, ids.be]));
  });

  it('still searches a zone whose document number check fails, and says so', async () => {
    const tampered = french[1].replace('19FX44871', '19FX44872');
    const res = await officer.post('/api/v1/screening/search', { identifier: [french[0], tampered].join('\n') });
    expect(res.status).toBe(200);
    expect(res.body.mrz).toMatchObject({ valid: false, documentNumber: '19FX44872', checks: { documentNumber: false } });
    expect(res.body.mrz.errors[0]).toMatchObject({ field: 'documentNumber' });
    expect(res.body.hits[0]).toMatchObject({ recordId: ids.fr, match: { type: 'one_edit' } });
  });

  it('logs the document searched, never the zone with the holder’s name', async () => {
    const res = await officer.post('/api/v1/screening/search', { identifier: french.join('\n') });
    await flushScreeningQueryLogs(t.ctx.database);
    const [q] = await t.ctx.database.rows<{ query: Record<string, unknown>; list: string }>(sql`SELECT query, list FROM screening_queries WHERE id = ${res.body.queryId} AND user_id = ${officerId}`);
    expect(q.list).toBe('travel_documents');
    expect(q.query).toMatchObject({ identifier: '19FX44871', fields: { issuingCountry: 'FR' }, mrz: { format: 'TD3', issuingState: 'FRA', valid: true } });
    expect(JSON.stringify(q.query)).not.toMatch(/MARTIN|CLAIRE|850317/);
  });

  it('refuses a zone it cannot read, and an MRZ searched in another list, naming the field', async () => {
    const broken = await officer.post('/api/v1/screening/search', { identifier: `${french[0]}\n${french[1].slice(0, 30)}` });
    expect(broken.status).toBe(400);
    expect(broken.body).toMatchObject({ type: 'urn:opencen:problem:screening:mrz-invalid', errors: [{ field: 'body.identifier' }] });
    const vehicles = await officer.post('/api/v1/screening/search', { identifier: french.join('\n'), list: 'vehicles' });
    expect(vehicles.status).toBe(400);
    expect(vehicles.body.errors[0].field).toBe('body.list');
  });
});
