import ExcelJS from 'exceljs';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../platform/testing/test-app.ts';
import { commit, csvLine, download, settle, upload, uploadAndValidate, XLSX_MIME } from './import-test-helpers.ts';
import { signIn } from './test-helpers.ts';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
  await t.gazetteer;
});
afterAll(() => t?.close());

const HEADER = [
  'external_ref',
  'seized_at',
  'country',
  'place_locode',
  'location_type',
  'direction',
  'detection_methods',
  'commodity_1_category',
  'commodity_1_subcategory',
  'commodity_1_hs_code',
  'commodity_1_quantity',
  'commodity_1_unit',
  'departure_country',
  'destination_country',
  'narrative',
];
function row(i: number, over: Record<string, string> = {}): Record<string, string> {
  return {
    external_ref: `T-${i}`,
    seized_at: '2025-06-01',
    country: 'FR',
    place_locode: 'FRLEH',
    location_type: 'seaport',
    direction: 'import',
    detection_methods: 'XRAY_SCANNER|CANINE',
    commodity_1_category: 'DRUGS',
    commodity_1_subcategory: 'COCAINE',
    commodity_1_hs_code: '293972',
    commodity_1_quantity: '12.5',
    commodity_1_unit: 'kg',
    departure_country: 'EC',
    destination_country: 'FR',
    narrative: `Container ${i} selected by risk profiling`,
    ...over,
  };
}
const csvOf = (rows: Record<string, string>[], sep = ',', header = HEADER, eol = '\n') =>
  [csvLine(header, sep), ...rows.map((r) => csvLine(header.map((h) => r[h] ?? ''), sep))].join(eol) + eol;

const count = async (orgId: string) => (await t.ctx.database.rows<{ n: number }>(sql`SELECT count(*)::int AS n FROM seizures WHERE org_id = ${orgId}`))[0].n;

describe('seizure import', () => {
  it('imports the template as it is, once: a second import of the same file adds nothing', async () => {
    const fr = await signIn(t, ['ncp'], { country: 'FR' });
    const tpl = await download(fr.client, '/api/v1/seizures/import-template?format=csv');
    expect(tpl.status).toBe(200);
    expect(tpl.headers.get('content-disposition')).toContain('seizure-import-template.csv');

    const up = await upload(fr.client, 'template.csv', tpl.data);
    expect(up.status).toBe(201);
    expect(up.body).toMatchObject({ status: 'uploaded', format: 'csv', encoding: 'utf-8', delimiter: ',', fileName: 'template.csv' });
    expect(up.body.columns[0]).toBe('external_ref');
    expect(up.body.sample).toHaveLength(2);
    expect(up.body.suggestedMapping).toMatchObject({ external_ref: 'external_ref', seized_at: 'seized_at', commodity_2_category: 'commodity_2_category' });

    const preview = await fr.client.get(`/api/v1/seizures/imports/${up.body.id}/preview`);
    expect(preview.status).toBe(200);
    expect(preview.body.rows.map((r: { errors: unknown[] }) => r.errors)).toEqual([[], []]);
    expect(preview.body.rows[1].input).toMatchObject({ externalRef: 'CDG-2026-0107', seizedAt: '2026-02-15T00:00:00Z', placeIata: 'CDG' });
    expect(preview.body.rows[1].input.route).toEqual([
      { role: 'departure', country: 'NG', placeIata: 'LOS', placeLocode: null, placeText: null, date: null },
      { role: 'destination', country: 'CN', placeLocode: null, placeIata: null, placeText: null, date: null },
    ].map((l) => expect.objectContaining({ role: l.role, country: l.country })));

    const v = await fr.client.post(`/api/v1/seizures/imports/${up.body.id}/validate`, { mapping: up.body.suggestedMapping });
    expect(v.status).toBe(202);
    const validated = (await settle(fr.client, up.body.id)).body;
    expect(validated).toMatchObject({ status: 'validated', totalRows: 2, processedRows: 2, validRows: 2, errorRows: 0, alreadyStored: 0, errors: [] });

    const done = await commit(fr.client, up.body.id, { mode: 'all', submit: true });
    expect(done.body).toMatchObject({ status: 'committed', inserted: 2, skipped: 0, commitMode: 'all', submit: true });
    const list = (await fr.client.get('/api/v1/seizures?status=submitted')).body;
    expect(list.total).toBe(2);
    const one = (await fr.client.get(`/api/v1/seizures/${list.items.find((i: { headline: string }) => /IVORY/.test(i.headline)).id}`)).body;
    expect(one).toMatchObject({ provenance: 'imported', status: 'submitted', externalRef: 'CDG-2026-0107', placeIata: 'CDG', seizedAt: '2026-02-15T00:00:00.000Z' });
    expect(one.commodities.map((c: { subcategory: string }) => c.subcategory)).toEqual(['ENVIRONMENT.IVORY', 'ENVIRONMENT.PANGOLIN']);
    expect(one.offenders).toEqual([{ nationality: 'NG', gender: 'female', ageBand: '36_45', count: 1 }]);
    expect((await fr.client.get(`/api/v1/seizures/${one.id}/history`)).body.items.map((h: { action: string }) => h.action)).toEqual(['imported']);
    const audit = await t.ctx.database.rows<{ detail: { inserted: number } }>(sql`SELECT detail FROM audit_log WHERE action = 'seizure.import' AND target_id = ${up.body.id}`);
    expect(audit).toHaveLength(1);
    expect(audit[0].detail.inserted ?? JSON.parse(audit[0].detail as unknown as string).inserted).toBe(2);

    // The same file again: validation says both are stored, and the commit adds nothing.
    const again = await uploadAndValidate(fr.client, 'template.csv', tpl.data);
    expect(again.validated).toMatchObject({ validRows: 2, alreadyStored: 2 });
    const second = await commit(fr.client, again.upload.id, { mode: 'all' });
    expect(second.body).toMatchObject({ status: 'committed', inserted: 0, skipped: 2 });
    expect(await count(fr.org.id)).toBe(2);

    const mine = (await fr.client.get('/api/v1/seizures/imports')).body.items;
    expect(mine.map((i: { id: string }) => i.id)).toEqual([again.upload.id, up.body.id]);
  });

  it('reads a CSV with a BOM, semicolons, CRLF and quoted line breaks, and locates errors on the line a person sees', async () => {
    const fr = await signIn(t, ['ncp'], { country: 'FR' });
    const rows = [
      row(1, { narrative: 'First line;\r\nsecond line\r\nthird "quoted" line', commodity_1_quantity: '1 234,5' }),
      row(2, { country: 'XX' }), // starts on line 5 of the file
      row(3, { seized_at: '01/03/2025 14:30' }),
    ];
    const file = '\uFEFF' + csvOf(rows, ';', HEADER, '\r\n');
    const { upload: up, validated } = await uploadAndValidate(fr.client, 'semi.csv', file);
    expect(up).toMatchObject({ delimiter: ';', encoding: 'utf-8' });
    expect(up.columns[0]).toBe('external_ref');
    expect(up.sample[0][14]).toBe('First line;\r\nsecond line\r\nthird "quoted" line');
    expect(validated).toMatchObject({ validRows: 2, errorRows: 1 });
    expect(validated.errors).toEqual([
      { row: 5, column: 'country', field: 'country', message: 'XX is not a known ISO 3166 country' },
      { row: 5, column: 'place_locode', field: 'place_locode', message: 'FRLEH is not in XX' },
    ]);

    const done = await commit(fr.client, up.id, { mode: 'valid' });
    expect(done.body).toMatchObject({ status: 'committed', inserted: 2 });
    const items = (await fr.client.get('/api/v1/seizures?sort=seizedAt')).body.items;
    const first = (await fr.client.get(`/api/v1/seizures/${items.find((i: { seizedAt: string }) => i.seizedAt.startsWith('2025-06')).id}`)).body;
    expect(first.narrative).toBe('First line;\r\nsecond line\r\nthird "quoted" line');
    expect(first.commodities[0].quantity).toBe(1234.5);
    expect(items.map((i: { seizedAt: string }) => i.seizedAt)).toContain('2025-03-01T14:30:00.000Z');
  });

  it('reads a Latin-1 (Windows-1252) CSV with headers in French', async () => {
    const fr = await signIn(t, ['ncp'], { country: 'FR' });
    const header = ['Référence', 'Date de saisie', 'Pays', 'Type de lieu', 'Direction', 'Catégorie', 'Quantité', 'Unité', 'Observations'];
    const lines = [csvLine(header, ';'), csvLine(['R-1', '02/01/2025', 'FR', 'airport', 'import', 'TOBACCO', '200', 'cartons', 'Cartouches découvertes à l’aéroport, contrôle aléatoire'], ';')];
    const latin1 = Buffer.from(
      [...(lines.join('\n') + '\n')].map((ch) => {
        const cp = ch.codePointAt(0)!;
        if (ch === '’') return 0x92; // Windows-1252's right single quote
        if (cp > 255) throw new Error('not Latin-1');
        return cp;
      }),
    );
    const { upload: up, validated } = await uploadAndValidate(fr.client, 'saisies.csv', latin1, 'application/vnd.ms-excel');
    expect(up).toMatchObject({ encoding: 'windows-1252', delimiter: ';' });
    expect(up.columns).toEqual(header);
    expect(up.suggestedMapping).toEqual({
      external_ref: 'Référence',
      seized_at: 'Date de saisie',
      country: 'Pays',
      location_type: 'Type de lieu',
      direction: 'Direction',
      commodity_1_category: 'Catégorie',
      commodity_1_quantity: 'Quantité',
      commodity_1_unit: 'Unité',
      narrative: 'Observations',
    });
    expect(validated).toMatchObject({ validRows: 1, errorRows: 0 });
    await commit(fr.client, up.id, { mode: 'all' });
    const id = (await fr.client.get('/api/v1/seizures')).body.items[0].id;
    expect((await fr.client.get(`/api/v1/seizures/${id}`)).body.narrative).toBe('Cartouches découvertes à l’aéroport, contrôle aléatoire');
  });

  it('reads an XLSX with date cells, numbers and a second sheet it ignores', async () => {
    const fr = await signIn(t, ['ncp'], { country: 'FR' });
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('Saisies');
    ws.addRow(HEADER);
    ws.addRow(HEADER.map((h) => (h === 'seized_at' ? new Date(Date.UTC(2025, 4, 17)) : h === 'commodity_1_quantity' ? 3.25 : h === 'commodity_1_hs_code' ? 293972 : row(1)[h])));
    ws.addRow([]);
    ws.addRow(HEADER.map((h) => (h === 'seized_at' ? new Date(Date.UTC(2025, 4, 18, 9, 15)) : h === 'commodity_1_unit' ? 'heads' : row(2)[h])));
    wb.addWorksheet('Notes').addRow(['ignored']);
    const data = Buffer.from(await wb.xlsx.writeBuffer());
    const { upload: up, validated } = await uploadAndValidate(fr.client, 'saisies.xlsx', data, XLSX_MIME);
    expect(up).toMatchObject({ format: 'xlsx', encoding: null, columns: HEADER });
    expect(up.sample[0][1]).toBe('2025-05-17');
    expect(validated).toMatchObject({ processedRows: 2, validRows: 1, errorRows: 1 });
    expect(validated.errors).toEqual([
      { row: 4, column: 'commodity_1_unit', field: 'commodity_1_unit', message: expect.stringMatching(/^heads does not fit DRUGS.COCAINE/) },
    ]);
    const done = await commit(fr.client, up.id, { mode: 'valid' });
    expect(done.body).toMatchObject({ inserted: 1 });
    const s = (await fr.client.get('/api/v1/seizures')).body.items[0];
    expect(s.seizedAt).toBe('2025-05-17T00:00:00.000Z');
    expect(s.headline).toBe('3.25 kg DRUGS.COCAINE');
  });

  it('names each bad value by row, column and field; all-or-nothing stores nothing; personal data needs a confirmation', async () => {
    const fr = await signIn(t, ['ncp'], { country: 'FR' });
    const future = new Date(Date.now() + 5 * 86_400_000).toISOString().slice(0, 10);
    const rows = [
      row(1),
      row(2, { country: 'XX' }),
      row(3, { place_locode: 'FR000' }),
      row(4, { commodity_1_hs_code: '999999' }),
      row(5, { commodity_1_quantity: '-3' }),
      row(6, { seized_at: future }),
      row(7, { commodity_1_unit: 'sticks' }),
      row(8, { seized_at: '31/02/2025' }),
      row(9, { commodity_1_quantity: 'twelve' }),
      row(10, { external_ref: '' }),
      row(11, { location_type: 'harbour' }),
      row(12, { narrative: 'Courier reachable at courier@example.org' }),
      row(13, { external_ref: 'T-1' }),
    ];
    const { upload: up, validated } = await uploadAndValidate(fr.client, 'bad.csv', csvOf(rows));
    expect(validated).toMatchObject({ processedRows: 13, validRows: 1, errorRows: 12, nominalRows: 1 });
    const byRow = Object.fromEntries(validated.errors.toReversed().map((e: { row: number }) => [e.row, e])); // the first error of each row
    expect(byRow[3]).toEqual({ row: 3, column: 'country', field: 'country', message: 'XX is not a known ISO 3166 country' });
    expect(validated.errors.filter((e: { row: number }) => e.row === 5)).toHaveLength(1);
    expect(byRow[4]).toMatchObject({ column: 'place_locode', message: 'FR000 is not a known UN/LOCODE' });
    expect(byRow[5]).toMatchObject({ column: 'commodity_1_hs_code', message: '999999 is not an HS 2022 chapter, heading or subheading' });
    expect(byRow[6]).toMatchObject({ column: 'commodity_1_quantity', message: 'must be greater than zero' });
    expect(byRow[7]).toMatchObject({ column: 'seized_at', message: 'must not be in the future' });
    expect(byRow[8]).toMatchObject({ column: 'commodity_1_unit', message: expect.stringMatching(/sticks does not fit DRUGS.COCAINE/) });
    expect(byRow[9]).toMatchObject({ column: 'seized_at', message: expect.stringMatching(/is not a date/) });
    expect(byRow[10]).toMatchObject({ column: 'commodity_1_quantity', message: '"twelve" is not a number' });
    expect(byRow[11]).toMatchObject({ column: 'external_ref', field: 'external_ref', message: expect.stringMatching(/^is required/) });
    expect(byRow[12]).toMatchObject({ column: 'location_type', message: expect.stringMatching(/^must be one of: airport, seaport/) });
    expect(byRow[13]).toMatchObject({ column: 'narrative', nominal: true, message: 'looks like email: "courier@example.org"' });
    expect(byRow[14]).toMatchObject({ column: 'external_ref', message: 'T-1 is already used at row 2 of the file' });

    const refused = await fr.client.post(`/api/v1/seizures/imports/${up.id}/commit`, { mode: 'all' });
    expect(refused.status).toBe(409);
    expect(await count(fr.org.id)).toBe(0);

    // A file whose only problem is flagged text goes in once the user confirms it is not personal data.
    const nominal = await uploadAndValidate(fr.client, 'nominal.csv', csvOf([row(20), row(21, { narrative: 'Call +33 6 12 34 56 78 for the pick-up' })]));
    expect(nominal.validated).toMatchObject({ validRows: 1, errorRows: 1, nominalRows: 1 });
    expect((await fr.client.post(`/api/v1/seizures/imports/${nominal.upload.id}/commit`, { mode: 'all' })).status).toBe(409);
    const accepted = await commit(fr.client, nominal.upload.id, { mode: 'all', acceptNominalWarnings: true });
    expect(accepted.body).toMatchObject({ status: 'committed', inserted: 2, acceptNominalWarnings: true });

    const valid = await commit(fr.client, up.id, { mode: 'valid' });
    expect(valid.body).toMatchObject({ status: 'committed', inserted: 1, skipped: 0 });
    expect(await count(fr.org.id)).toBe(3);
  });

  it('refuses a mapping without the required fields, an .xls file, an empty file, and another administration', async () => {
    const fr = await signIn(t, ['ncp'], { country: 'FR' });
    const ke = await signIn(t, ['ncp'], { country: 'KE' });
    const up = await upload(fr.client, 'x.csv', csvOf([row(1)]));
    const bad = await fr.client.post(`/api/v1/seizures/imports/${up.body.id}/validate`, { mapping: { country: 'country', nonsense: 'country', seized_at: 'nope' } });
    expect(bad.status).toBe(422);
    const fields = bad.body.errors.map((e: { field: string }) => e.field);
    expect(fields).toEqual(expect.arrayContaining(['body.mapping.nonsense', 'body.mapping.seized_at', 'body.mapping.external_ref', 'body.mapping.commodity_1_unit']));
    expect((await fr.client.post(`/api/v1/seizures/imports/${up.body.id}/commit`, { mode: 'valid' })).status).toBe(409);

    expect((await upload(fr.client, 'old.xls', Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), 'application/vnd.ms-excel')).status).toBe(415);
    expect((await upload(fr.client, 'empty.csv', '')).status).toBe(400);

    // Kenya neither sees nor touches France's import.
    expect((await ke.client.get(`/api/v1/seizures/imports/${up.body.id}`)).status).toBe(404);
    expect((await ke.client.get(`/api/v1/seizures/imports/${up.body.id}/preview`)).status).toBe(404);
    expect((await ke.client.post(`/api/v1/seizures/imports/${up.body.id}/validate`, { mapping: up.body.suggestedMapping })).status).toBe(404);
    expect((await ke.client.post(`/api/v1/seizures/imports/${up.body.id}/commit`, { mode: 'valid' })).status).toBe(404);
    expect((await ke.client.get('/api/v1/seizures/imports')).body.items).toEqual([]);
    await uploadAndValidate(fr.client, 'x.csv', csvOf([row(1)]));
    expect((await ke.client.post(`/api/v1/seizures/imports/${up.body.id}/commit`, { mode: 'valid' })).status).toBe(404);
    expect(await count(fr.org.id)).toBe(0);

    const viewer = await signIn(t, ['viewer']);
    expect((await upload(viewer.client, 'x.csv', csvOf([row(1)]))).status).toBe(403);
  });

  it('takes the category from the subcategory, lists every error of a row, and stores nothing from a file without a valid row', async () => {
    const fr = await signIn(t, ['ncp'], { country: 'FR' });
    const header = HEADER.filter((h) => h !== 'commodity_1_category');
    const derived = await uploadAndValidate(fr.client, 'sub.csv', csvOf([row(40, { commodity_1_subcategory: 'DRUGS.COCAINE' }), row(41)], ',', header));
    expect(derived.validated).toMatchObject({ status: 'validated', validRows: 2, errorRows: 0 });

    const bad = await uploadAndValidate(fr.client, 'bad-only.csv', csvOf([row(42, { seized_at: 'yesterday', country: 'XX' })]));
    expect(bad.validated).toMatchObject({ validRows: 0, errorRows: 1 });
    expect(bad.validated.errors.map((e: { field: string }) => e.field)).toEqual(['seized_at', 'country', 'place_locode']);
    const refused = await fr.client.post(`/api/v1/seizures/imports/${bad.upload.id}/commit`, { mode: 'valid' });
    expect(refused.status).toBe(409);
    expect(refused.body.detail).toMatch(/No row of the file can be stored/);
    expect(await count(fr.org.id)).toBe(0);
  });

  it('tells the importing user how the passes end, as realtime events', async () => {
    const fr = await signIn(t, ['ncp'], { country: 'FR' });
    const stream = await fetch(`${t.url}/api/v1/events`, { headers: { cookie: fr.client.cookie } });
    expect(stream.status).toBe(200);
    const reader = stream.body!.getReader();
    const seen: { status: string; validRows: number; inserted?: number }[] = [];
    const listening = (async () => {
      const decoder = new TextDecoder();
      let text = '';
      while (!seen.some((e) => e.status === 'committed')) {
        const { value, done } = await reader.read();
        if (done) return;
        text += decoder.decode(value, { stream: true });
        let end: number;
        while ((end = text.indexOf('\n\n')) >= 0) {
          const frame = text.slice(0, end);
          text = text.slice(end + 2);
          if (frame.includes('event: seizure.import')) seen.push(JSON.parse(frame.split('\ndata: ')[1]));
        }
      }
    })();
    await new Promise((r) => setTimeout(r, 200));
    const { upload: up } = await uploadAndValidate(fr.client, 'events.csv', csvOf([row(1), row(2)]));
    await commit(fr.client, up.id, { mode: 'all' });
    await listening;
    await reader.cancel();
    expect(seen.find((e) => e.status === 'validated')).toMatchObject({ id: up.id, validRows: 2, progress: 1 });
    expect(seen.find((e) => e.status === 'committed')).toMatchObject({ id: up.id, inserted: 2, skipped: 0 });
  });

  it('lists the template fields with their allowed values', async () => {
    const fr = await signIn(t, ['ncp'], { country: 'FR' });
    const res = await fr.client.get('/api/v1/seizures/import-fields');
    expect(res.status).toBe(200);
    const byName = Object.fromEntries(res.body.items.map((f: { name: string }) => [f.name, f]));
    expect(byName.external_ref.required).toBe(true);
    expect(byName.location_type.values).toContain('land_border');
    expect(byName.detection_methods.values).toContain('XRAY_SCANNER');
    expect(byName.commodity_3_category.values).toContain('TOBACCO');
    expect(byName.commodity_5_cites_species).toBeDefined();
  });
});
