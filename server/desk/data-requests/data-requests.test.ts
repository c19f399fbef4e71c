import { sql } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../platform/config.ts';
import { startTestApp, type TestApp } from '../../platform/testing/test-app.ts';
import { referenceSets } from '../../reference/index.ts';
import { checkSeizure, createSeizureExtracts, insertSeizures } from '../../seizures/index.ts';
import { cocaineSeizure, signIn } from '../../seizures/testing.ts';

type Client = Awaited<ReturnType<typeof signIn>>;
let t: TestApp;
let frA: Client; // French customs: a member
let frB: Client; // a second administration reporting seizures made in France
let keC: Client;
let keD: Client;
let partner: Client; // a research organisation: aggregates only
let i2c: Client;

const line = (category: string, quantity = 1000) => ({ category, subcategory: category === 'DRUGS' ? 'DRUGS.COCAINE' : 'TOBACCO.RAW_TOBACCO', quantity, unit: 'kg' });

/**
 * Crafted seizures of 2025 (k = 5):
 *   FR × DRUGS    6 seizures by 2 administrations (one seizure has two lines): published
 *   FR × TOBACCO  4 seizures by 2 administrations: suppressed (fewer than k)
 *   KE × DRUGS    7 seizures by 1 administration: suppressed (one administration)
 *   KE × TOBACCO  5 seizures by 2 administrations: published (exactly k)
 * plus a draft in FR × DRUGS (never counted) and a seizure of 2024 (outside the period).
 */
async function craft() {
  const ref = await referenceSets(t.ctx.database);
  const rows: Parameters<typeof insertSeizures>[1] = [];
  const add = (who: Client, country: string, lines: ReturnType<typeof line>[], day: number, status: 'validated' | 'draft' = 'validated', year = 2025) => {
    const input = cocaineSeizure({ seizedAt: `${year}-03-${String(day).padStart(2, '0')}T10:00:00Z`, country, placeLocode: undefined, commodities: lines, route: [], narrative: 'Container of bananas, secret detail' });
    const { errors, prepared } = checkSeizure(input as never, ref, '');
    if (errors.length) throw new Error(JSON.stringify(errors));
    rows.push({ prepared, orgId: who.org.id, userId: who.user.id, status });
  };
  for (let i = 0; i < 3; i++) add(frA, 'FR', [line('DRUGS')], 1 + i);
  add(frB, 'FR', [line('DRUGS'), line('DRUGS', 500)], 4);
  for (let i = 0; i < 2; i++) add(frB, 'FR', [line('DRUGS')], 5 + i);
  for (let i = 0; i < 2; i++) add(frA, 'FR', [line('TOBACCO', 300)], 7 + i);
  for (let i = 0; i < 2; i++) add(frB, 'FR', [line('TOBACCO', 300)], 9 + i);
  for (let i = 0; i < 7; i++) add(keC, 'KE', [line('DRUGS', 20)], 1 + i);
  for (let i = 0; i < 3; i++) add(keC, 'KE', [line('TOBACCO', 70)], 10 + i);
  for (let i = 0; i < 2; i++) add(keD, 'KE', [line('TOBACCO', 70)], 15 + i);
  add(frA, 'FR', [line('DRUGS')], 20, 'draft');
  add(frA, 'FR', [line('DRUGS')], 20, 'validated', 2024);
  await t.ctx.database.db.transaction((tx) => insertSeizures(tx, rows));
}

const request = (over: Record<string, unknown> = {}) => ({
  purpose: 'Trends in drug and tobacco seizures for the annual illicit trade report.',
  from: '2025-01-01',
  to: '2025-12-31',
  riskAreas: [],
  regions: [],
  fields: ['country', 'year', 'category'],
  format: 'csv',
  ...over,
});

const count = async () => (await t.ctx.database.rows<{ n: number }>(sql`SELECT count(*)::int AS n FROM data_requests`))[0].n;
const stored = async (id: string) => (await t.ctx.database.rows(sql`SELECT * FROM data_requests WHERE id = ${id}`))[0];

async function fetchFile(c: Client, path: string) {
  const res = await fetch(`${t.url}${path}`, { headers: { cookie: c.client.cookie } });
  return { status: res.status, type: res.headers.get('content-type') ?? '', body: Buffer.from(await res.arrayBuffer()) };
}
const csvRows = (b: Buffer) => parse(b.toString('utf8').replace(/^\uFEFF/, '')) as string[][];

async function approvedAndFulfilled(c: Client, body: Record<string, unknown>) {
  const created = await c.client.post('/api/v1/data-requests', body);
  expect(created.status, JSON.stringify(created.body)).toBe(201);
  const decided = await i2c.client.post(`/api/v1/data-requests/${created.body.id}/decision`, { decision: 'approve', reason: 'Fits the analytical purpose.' });
  expect(decided.status, JSON.stringify(decided.body)).toBe(200);
  const fulfilled = await i2c.client.post(`/api/v1/data-requests/${created.body.id}/fulfil`);
  expect(fulfilled.status, JSON.stringify(fulfilled.body)).toBe(200);
  return fulfilled.body;
}

beforeAll(async () => {
  t = await startTestApp();
  frA = await signIn(t, ['ncp'], { country: 'FR' });
  frB = await signIn(t, ['ncp'], { country: 'FR' });
  keC = await signIn(t, ['ncp'], { country: 'KE' });
  keD = await signIn(t, ['rilo_analyst'], { country: 'KE' });
  partner = await signIn(t, ['partner'], { kind: 'partner', country: 'AT' });
  i2c = await signIn(t, ['i2c_officer'], { kind: 'wco', country: 'BE' });
  await craft();
});
afterAll(() => t?.close());

describe('requests for WCO data', () => {
  it('a partner files a request; the I2C approves and fulfils it; the aggregate publishes only cells of at least k seizures from 2 administrations', async () => {
    const r = await approvedAndFulfilled(partner, request());
    expect(r).toMatchObject({ status: 'fulfilled', recordLevel: false, approved: { fields: ['country', 'year', 'category'] } });
    expect(r.reference).toMatch(/^DR-\d{4}-\d{4}$/);
    const expires = Date.parse(r.download.expiresAt);
    expect(expires - Date.now()).toBeGreaterThan(6.9 * 86_400_000);
    expect(expires - Date.now()).toBeLessThan(7.1 * 86_400_000);

    const file = await fetchFile(partner, r.download.path);
    expect(file.status).toBe(200);
    expect(file.type).toContain('text/csv');
    const [header, ...cells] = csvRows(file.body);
    expect(header).toEqual(['country', 'year', 'category', 'seizures', 'administrations', 'quantity_kg']);
    expect(cells).toEqual([
      ['FR', '2025', 'DRUGS', '6', '2', '6500'],
      ['FR', '2025', 'TOBACCO', 'suppressed', 'suppressed', 'suppressed'],
      ['KE', '2025', 'DRUGS', 'suppressed', 'suppressed', 'suppressed'],
      ['KE', '2025', 'TOBACCO', '5', '2', '350'],
    ]);
    for (const c of cells.filter((c) => c[3] !== 'suppressed')) {
      expect(Number(c[3])).toBeGreaterThanOrEqual(5);
      expect(Number(c[4])).toBeGreaterThanOrEqual(2);
    }

    // No total of one extract gives a suppressed cell away: no row, column or grand total, and no count of the
    // seizures selected, anywhere in the extract or its dictionary (all, by country, by category, or the cells).
    const text = file.body.toString('utf8');
    expect(text.toLowerCase()).not.toContain('total');
    const numbers = new Set(text.split(/[^0-9.]+/).filter(Boolean));
    for (const hidden of ['22', '10', '12', '13', '9', '4', '7', '1200', '140', '3900', '6850']) expect(numbers, hidden).not.toContain(hidden);
    const dict = await fetchFile(partner, r.download.dictionaryPath);
    expect(dict.status).toBe(200);
    const entries = csvRows(dict.body);
    expect(entries.find((e) => e[0] === 'suppression')?.[1]).toContain('at least 5 seizures reported by at least 2 distinct administrations');
    expect(entries.find((e) => e[0] === 'licence')?.[1]).toContain(r.reference);
    const figures = entries.filter((e) => !['extract', 'figures as of', 'period', 'licence', ''].includes(e[0])).map((e) => e[1]).join(' ');
    for (const hidden of ['22', '10', '12', '13', '9', '4', '7']) expect(figures.split(/[^0-9]+/)).not.toContain(hidden);

    // Each download is audited and counted.
    const [{ n }] = await t.ctx.database.rows<{ n: number }>(sql`SELECT count(*)::int AS n FROM audit_log WHERE action = 'data_request.download' AND target_id = ${r.id}`);
    expect(n).toBe(2);
    expect((await partner.client.get(`/api/v1/data-requests/${r.id}`)).body.downloads).toBe(2);
  });

  it('suppresses in the query itself and follows k: with k = 7 no cell of the crafted data is published', async () => {
    const extracts = createSeizureExtracts(t.ctx.database);
    const scope = { from: '2025-01-01', to: '2025-12-31', categories: [], regions: [] };
    const at5 = await extracts.aggregate(scope, ['country', 'category'], 5);
    expect(at5.filter((c) => c.published).map((c) => `${c.key.country}/${c.key.category}`)).toEqual(['FR/DRUGS', 'KE/TOBACCO']);
    for (const c of at5.filter((c) => !c.published)) expect([c.seizures, c.administrations, c.quantityKg]).toEqual([null, null, null]);
    const at7 = await extracts.aggregate(scope, ['country', 'category'], 7);
    expect(at7.every((c) => !c.published && c.seizures === null)).toBe(true);
    // By country alone: FR has 10 seizures by 2 administrations, KE 12 by 2: both published, as a cell, not as a total beside the others.
    const byCountry = await extracts.aggregate(scope, ['country'], 5);
    expect(byCountry.map((c) => [c.key.country, c.seizures])).toEqual([['FR', 10], ['KE', 12]]);
    expect(loadConfig({ OPENCEN_DATA_REQUEST_MIN_CELL: '8' }).dataRequestMinCell).toBe(8);
    expect(loadConfig({}).dataRequestMinCell).toBe(5);
    expect(() => loadConfig({ OPENCEN_DATA_REQUEST_MIN_CELL: '1' })).toThrow(/OPENCEN_DATA_REQUEST_MIN_CELL/);
  });

  it('a member gets record-level rows with only the approved fields, in XLSX with a dictionary and a licence sheet', async () => {
    const r = await approvedAndFulfilled(frA, request({ fields: ['reference', 'country', 'category', 'quantity'], riskAreas: ['TOBACCO'], format: 'xlsx' }));
    expect(r.recordLevel).toBe(true);
    const file = await fetchFile(frA, r.download.path);
    expect(file.status).toBe(200);
    expect(file.type).toContain('spreadsheetml');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(file.body as unknown as ArrayBuffer);
    expect(wb.worksheets.map((w) => w.name)).toEqual(['Data', 'Dictionary', 'Licence']);
    const data: string[][] = [];
    wb.getWorksheet('Data')!.eachRow((row) => data.push((row.values as unknown[]).slice(1).map(String)));
    expect(data[0]).toEqual(['reference', 'country', 'category', 'quantity']);
    expect(data.length - 1).toBe(9); // the 4 French and 5 Kenyan tobacco seizures of 2025, validated
    for (const row of data.slice(1)) {
      expect(row).toHaveLength(4);
      expect(row[2]).toBe('TOBACCO');
      expect(row[3]).toMatch(/^\d+ kg$/);
    }
    const everything = JSON.stringify(data);
    expect(everything).not.toContain('bananas'); // no narrative, no field not approved
    expect(everything).not.toContain('XRAY');
    const dict: string[] = [];
    wb.getWorksheet('Dictionary')!.eachRow((row) => dict.push(String(row.getCell(1).value)));
    expect(dict).toEqual(expect.arrayContaining(['column reference', 'column quantity', 'licence']));
  });

  it('narrowing approves a scope within the one requested; anything wider is refused and nothing changes', async () => {
    const created = await frA.client.post('/api/v1/data-requests', request({ from: '2024-01-01', to: '2025-12-31', regions: ['EUR', 'ESA'], riskAreas: ['DRUGS', 'TOBACCO'], fields: ['reference', 'seizedAt', 'country', 'category'] }));
    expect(created.status).toBe(201);
    const id = created.body.id;
    const before = await stored(id);
    const narrow = (scope: Record<string, unknown>) =>
      i2c.client.post(`/api/v1/data-requests/${id}/decision`, { decision: 'narrow', reason: 'Only what the analysis needs.', scope: { from: '2025-01-01', to: '2025-12-31', regions: ['EUR'], riskAreas: ['DRUGS'], fields: ['country', 'category'], ...scope } });

    for (const [wider, field] of [
      [{ from: '2023-06-01' }, 'from'],
      [{ to: '2026-01-31' }, 'to'],
      [{ fields: ['country', 'category', 'hsCode'] }, 'fields'],
      [{ regions: [] }, 'regions'], // "the world" is wider than two regions
      [{ regions: ['EUR', 'AP'] }, 'regions'],
      [{ riskAreas: ['WEAPONS'] }, 'riskAreas'],
    ] as const) {
      const res = await narrow(wider);
      expect(res.status, JSON.stringify(wider)).toBe(422);
      expect(res.body.detail).toContain(field);
      expect(res.body.detail).toMatch(/never widened/);
    }
    const same = await i2c.client.post(`/api/v1/data-requests/${id}/decision`, { decision: 'narrow', reason: 'x', scope: { from: '2024-01-01', to: '2025-12-31', regions: ['ESA', 'EUR'], riskAreas: ['TOBACCO', 'DRUGS'], fields: ['reference', 'seizedAt', 'country', 'category'] } });
    expect(same.status).toBe(422);
    expect((await i2c.client.post(`/api/v1/data-requests/${id}/decision`, { decision: 'narrow', reason: 'x' })).status).toBe(422);
    expect(await stored(id)).toEqual(before);

    const ok = await narrow({});
    expect(ok.status, JSON.stringify(ok.body)).toBe(200);
    expect(ok.body).toMatchObject({ status: 'narrowed', approved: { from: '2025-01-01', to: '2025-12-31', regions: ['EUR'], riskAreas: ['DRUGS'], fields: ['country', 'category'] }, requested: { from: '2024-01-01' } });
    // Decided once: a second decision is a conflict.
    expect((await i2c.client.post(`/api/v1/data-requests/${id}/decision`, { decision: 'approve' })).status).toBe(409);

    const f = await i2c.client.post(`/api/v1/data-requests/${id}/fulfil`);
    const [header, ...rows] = csvRows((await fetchFile(frA, f.body.download.path)).body);
    expect(header).toEqual(['country', 'category']);
    expect(rows).toHaveLength(6); // France's drug seizures of 2025 (EUR), validated; not 2024, not Kenya
    expect(rows.every((r) => r[0] === 'FR' && r[1] === 'DRUGS')).toBe(true);
  });

  it('refuses fields no request may have, record-level fields for a partner, a refusal without reason and a decision by anyone but the I2C; nothing stored changes', async () => {
    const n = await count();
    const bad = await frA.client.post('/api/v1/data-requests', request({ fields: ['country', 'narrative', 'offenderNames'] }));
    expect(bad.status).toBe(422);
    expect(bad.body.detail).toContain('narrative, offenderNames');
    expect(bad.body.errors[0].field).toBe('fields');
    const rec = await partner.client.post('/api/v1/data-requests', request({ fields: ['reference', 'country'] }));
    expect(rec.status).toBe(422);
    expect(rec.body.detail).toMatch(/reference: a partner organisation receives aggregates only/);
    expect((await frA.client.post('/api/v1/data-requests', request({ from: '2025-12-31', to: '2025-01-01', purpose: 'short' }))).status).toBe(400);
    expect((await i2c.client.post('/api/v1/data-requests', request())).status).toBe(403); // the I2C decides, it does not file
    expect(await count()).toBe(n);

    const created = await partner.client.post('/api/v1/data-requests', request());
    const id = created.body.id;
    const before = await stored(id);
    const noReason = await i2c.client.post(`/api/v1/data-requests/${id}/decision`, { decision: 'refuse', reason: '   ' });
    expect(noReason.status).toBe(422);
    expect(noReason.body.errors[0].field).toBe('reason');
    for (const who of [frA, partner, keD]) {
      expect((await who.client.post(`/api/v1/data-requests/${id}/decision`, { decision: 'approve', reason: 'self-approved' })).status).toBe(403);
      expect((await who.client.post(`/api/v1/data-requests/${id}/fulfil`)).status).toBe(403);
    }
    expect((await i2c.client.post(`/api/v1/data-requests/${id}/fulfil`)).status).toBe(409); // not approved yet
    expect(await stored(id)).toEqual(before);

    const refused = await i2c.client.post(`/api/v1/data-requests/${id}/decision`, { decision: 'refuse', reason: 'Record of another organisation requested for publication.' });
    expect(refused.body).toMatchObject({ status: 'refused', decisionReason: 'Record of another organisation requested for publication.', download: null });
  });

  it('each organisation sees its own requests, the I2C all with a status filter; another organisation cannot use a link', async () => {
    const mine = (await partner.client.get('/api/v1/data-requests')).body.requests as { orgId: string }[];
    expect(mine.length).toBeGreaterThan(0);
    expect(mine.every((r) => r.orgId === partner.org.id)).toBe(true);
    const all = (await i2c.client.get('/api/v1/data-requests')).body.requests as { orgId: string; status: string }[];
    expect(new Set(all.map((r) => r.orgId))).toEqual(new Set([partner.org.id, frA.org.id]));
    const refused = (await i2c.client.get('/api/v1/data-requests?status=refused')).body.requests as { status: string }[];
    expect(refused.length).toBe(1);
    expect((await i2c.client.get('/api/v1/data-requests?status=lost')).status).toBe(400);

    const frRequest = all.find((r) => r.orgId === frA.org.id && r.status === 'fulfilled') as unknown as { id: string; download: { path: string } };
    expect((await keC.client.get(`/api/v1/data-requests/${frRequest.id}`)).status).toBe(404);
    expect((await fetchFile(keC, frRequest.download.path)).status).toBe(404);
    expect((await fetch(`${t.url}${frRequest.download.path}`)).status).toBe(401);
  });

  it('a link past its expiry is a clear 410: the request reads as expired, no download is counted; a new link can be issued', async () => {
    const r = await approvedAndFulfilled(frA, request({ fields: ['country'] }));
    await t.ctx.database.rows(sql`UPDATE data_requests SET expires_at = now() - interval '1 minute' WHERE id = ${r.id}`);
    const before = await stored(r.id);
    const res = await fetch(`${t.url}${r.download.path}`, { headers: { cookie: frA.client.cookie } });
    expect(res.status).toBe(410);
    expect(((await res.json()) as { detail: string }).detail).toMatch(/expired/);
    expect((await fetchFile(frA, r.download.dictionaryPath)).status).toBe(410);
    expect(await stored(r.id)).toEqual(before);
    const seen = (await frA.client.get(`/api/v1/data-requests/${r.id}`)).body;
    expect(seen).toMatchObject({ status: 'expired', downloads: 0, download: { expired: true } });
    expect(((await i2c.client.get('/api/v1/data-requests?status=expired')).body.requests as { id: string }[]).map((x) => x.id)).toContain(r.id);

    const renewed = await i2c.client.post(`/api/v1/data-requests/${r.id}/fulfil`);
    expect(renewed.body.status).toBe('fulfilled');
    expect(renewed.body.download.path).not.toBe(r.download.path);
    expect((await fetchFile(frA, r.download.path)).status).toBe(404);
    expect((await fetchFile(frA, renewed.body.download.path)).status).toBe(200);
  });

  it('lists the fields an extract may carry and is closed to anyone not signed in', async () => {
    const f = await partner.client.get('/api/v1/data-requests/fields');
    expect(f.body.minCell).toBe(5);
    expect(f.body.fields.map((x: { key: string }) => x.key)).toContain('category');
    expect(f.body.fields.map((x: { key: string }) => x.key)).not.toContain('narrative');
    expect((await fetch(`${t.url}/api/v1/data-requests`)).status).toBe(401);
  });
});
