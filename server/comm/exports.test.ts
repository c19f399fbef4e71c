import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import initSqlJs from 'sql.js';
import { sql } from 'drizzle-orm';
import { randomUUID } from 'node:crypto';
import { startTestApp, type TestApp } from '../platform/testing/test-app.ts';
import { signIn } from '../seizures/testing.ts';

let t: TestApp;
type Client = Awaited<ReturnType<typeof signIn>>;
let people: Record<'coordinator' | 'ocu' | 'kenya' | 'france', Client>;
beforeAll(async () => {
  t = await startTestApp();
  people = {
    coordinator: await signIn(t, ['i2c_officer'], { country: 'BE' }),
    ocu: await signIn(t, ['rilo_analyst'], { country: 'BE' }),
    kenya: await signIn(t, ['ncp'], { country: 'KE' }),
    france: await signIn(t, ['ncp'], { country: 'FR' }),
  };
});
afterAll(() => t?.close());

/**
 * An operation with a WARNING from Kenya answered by a French SEIZURE (with two route legs and a
 * courier), a second SEIZURE from Kenya, an unanswered WARNING and a plain message.
 */
async function operation() {
  const { coordinator, ocu, kenya, france } = people;
  const code = `X${randomUUID().replace(/-/g, '').slice(0, 6)}`.toUpperCase();
  const op = await coordinator.client.post('/api/v1/operations', { code, name: 'Export test', status: 'active' });
  const base = `/api/v1/operations/${op.body.id}`;
  for (const [m, role] of [[ocu, 'ocu'], [kenya, 'ncp'], [france, 'ncp']] as const) expect((await coordinator.client.post(`${base}/members`, { userId: m.user.id, role })).status).toBe(201);
  const templates = (await kenya.client.get(`${base}/templates`)).body.items as { id: string; code: string }[];
  const tpl = (c: string) => templates.find((x) => x.code === c)!.id;
  const send = async (who: Client, code: string, fields: Record<string, unknown>, linkedWarningId?: string) => {
    const res = await who.client.post(`${base}/formatted`, { templateId: tpl(code), fields, to: { mode: 'all' }, submit: true, ...(linkedWarningId ? { linkedWarningId } : {}) });
    expect(res.status).toBe(201);
    return res.body as { id: string; number: string };
  };
  const warning = await send(kenya, 'WARNING', { motive: 'Ammonium nitrate declared as fertiliser', hs_code: '3102.30' });
  const open = await send(france, 'WARNING', { motive: 'Nitromethane in drums' });
  const first = await send(
    france,
    'SEIZURE',
    {
      commodity_type: 'EXPLOSIVES',
      seized_at: '2026-03-10T14:30:00Z',
      location: { locode: 'FRLEH' },
      seizure_country: 'FR',
      detection_method: 'RISK_PROFILING',
      port: 'Le Havre, terminal de France',
      narrative: 'Twelve drums behind bags of fertiliser.',
      goods: [{ description: 'Nitromethane in 12 drums', hs_code: '2904.20', quantity: 2400.5, unit: 'L' }],
      route: [
        { country: 'FR', location: { locode: 'FRLEH' }, transport: 'SEA', location_type: 'DEPARTURE', order: 1, date: '2026-03-01T08:00:00Z' },
        { country: 'KE', location: { text: 'Mombasa container terminal' }, transport: 'SEA', location_type: 'DESTINATION', order: 2 },
      ],
      offenders: [{ nationality: 'KE', gender: 'MALE', age: 41 }],
    },
    warning.id,
  );
  const second = await send(kenya, 'SEIZURE', { commodity_type: 'DRUGS', seized_at: '2026-03-12T09:00:00Z', seizure_country: 'KE', location: { text: 'Jomo Kenyatta airport cargo shed' } });
  await kenya.client.post(`${base}/messages`, { to: { mode: 'all' }, subject: 'Thanks', body: 'Noted.' });
  return { op: op.body as { id: string; code: string }, base, warning, open, first, second };
}

async function download(c: Client, url: string) {
  const res = await fetch(`${t.url}${url}`, { headers: { cookie: c.client.cookie } });
  return { status: res.status, type: res.headers.get('content-type'), disposition: res.headers.get('content-disposition'), data: Buffer.from(await res.arrayBuffer()) };
}

describe('OCU export', () => {
  it('gives the OCU an XLSX workbook of seizures, route legs, warnings with response times and statistics', async () => {
    const { op, base, warning, open, first, second } = await operation();
    expect((await download(people.kenya, `${base}/export?format=xlsx`)).status).toBe(403);
    expect((await people.ocu.client.get(`${base}/export?format=csv`)).status).toBe(400);

    const file = await download(people.ocu, `${base}/export?format=xlsx`);
    expect(file.status).toBe(200);
    expect(file.type).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    expect(file.disposition).toMatch(new RegExp(`^attachment; filename="${op.code.toLowerCase()}-export-\\d{4}-\\d{2}-\\d{2}\\.xlsx"$`));
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(file.data as never);
    expect(wb.worksheets.map((w) => w.name)).toEqual(['readme', 'seizures', 'seizure_goods', 'seizure_route', 'seizure_offenders', 'warnings', 'messages_by_type', 'statistics', 'seizures_by_commodity', 'seizures_by_country', 'seizures_by_precursor']);
    const rows = (name: string) => {
      const ws = wb.getWorksheet(name)!;
      const head = (ws.getRow(1).values as unknown[]).slice(1) as string[];
      const out: Record<string, unknown>[] = [];
      ws.eachRow((row, i) => {
        if (i > 1) out.push(Object.fromEntries(head.map((h, j) => [h, row.getCell(j + 1).value ?? null])));
      });
      return out;
    };

    const seizures = rows('seizures');
    expect(seizures.map((s) => s.number)).toEqual([first.number, second.number]);
    expect(seizures[0]).toMatchObject({
      message_id: first.id,
      sender_country: 'FR',
      linked_warning_number: warning.number,
      commodity_type: 'EXPLOSIVES',
      commodity_type_label: 'Explosives and precursors',
      seizure_country: 'FR',
      location_locode: 'FRLEH',
      location_text: null,
      port: 'Le Havre, terminal de France',
      detection_method: 'RISK_PROFILING',
      narrative: 'Twelve drums behind bags of fertiliser.',
    });
    expect(seizures[0].seized_at).toEqual(new Date('2026-03-10T14:30:00Z'));
    expect(seizures[1]).toMatchObject({ sender_country: 'KE', commodity_type: 'DRUGS', location_locode: null, location_text: 'Jomo Kenyatta airport cargo shed', linked_warning_number: null });
    expect(rows('seizure_route')).toEqual([
      expect.objectContaining({ number: first.number, position: 1, country: 'FR', location_locode: 'FRLEH', transport: 'SEA', location_type: 'DEPARTURE', order: 1, date: new Date('2026-03-01T08:00:00Z') }),
      expect.objectContaining({ number: first.number, position: 2, country: 'KE', location_text: 'Mombasa container terminal', location_type: 'DESTINATION', order: 2 }),
    ]);
    expect(rows('seizure_goods')).toEqual([expect.objectContaining({ number: first.number, position: 1, description: 'Nitromethane in 12 drums', hs_code: '290420', quantity: 2400.5, unit: 'L', unit_label: 'litres' })]);
    expect(rows('seizure_offenders')).toEqual([expect.objectContaining({ number: first.number, nationality: 'KE', gender: 'MALE', age: 41 })]);

    const warnings = rows('warnings');
    expect(warnings.map((w) => [w.number, w.case_status, w.closed_by, w.first_answer_number])).toEqual([
      [warning.number, 'closed', 'answer', first.number],
      [open.number, 'open', null, null],
    ]);
    expect(typeof warnings[0].response_seconds).toBe('number');
    expect(warnings[1].response_seconds).toBeNull();
    expect(rows('messages_by_type').map((r) => [r.type_code, r.messages])).toEqual(
      expect.arrayContaining([
        ['SEIZURE', 2],
        ['WARNING', 2],
        [null, 1],
      ]),
    );
    expect(rows('statistics')).toEqual(expect.arrayContaining([expect.objectContaining({ metric: 'warnings_open', value: 1 }), expect.objectContaining({ metric: 'seizures_total', value: 2 })]));
    expect(rows('seizures_by_country').map((r) => [r.country_code, r.country_name, r.seizures])).toEqual([
      ['FR', 'France', 1],
      ['KE', 'Kenya', 1],
    ]);
    // The README describes every column of every sheet.
    const readme = rows('readme');
    for (const ws of wb.worksheets.filter((w) => w.name !== 'readme'))
      for (const h of (ws.getRow(1).values as unknown[]).slice(1)) expect(readme.some((r) => r.table_name === ws.name && r.column_name === h)).toBe(true);

    const [audit] = await t.ctx.database.rows<{ detail: { format: string; seizures: number } }>(sql`SELECT detail FROM audit_log WHERE action = 'comm.export' AND target_id = ${op.id}`);
    expect(audit.detail).toMatchObject({ format: 'xlsx', seizures: 2 });
  });

  it('gives the OCU a SQLite database with one typed table per sheet and a readme table', async () => {
    const { base, first, second, warning } = await operation();
    expect((await download(people.france, `${base}/export?format=sqlite`)).status).toBe(403);
    const file = await download(people.coordinator, `${base}/export?format=sqlite`);
    expect(file.status).toBe(200);
    expect(file.type).toBe('application/vnd.sqlite3');
    expect(file.data.subarray(0, 15).toString()).toBe('SQLite format 3');

    const SQL = await initSqlJs();
    const db = new SQL.Database(new Uint8Array(file.data));
    const all = (q: string) => {
      const [r] = db.exec(q);
      return r ? r.values.map((v) => Object.fromEntries(r.columns.map((c, i) => [c, v[i]]))) : [];
    };
    expect(all("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name").map((r) => r.name)).toEqual(
      ['messages_by_type', 'readme', 'seizure_goods', 'seizure_offenders', 'seizure_route', 'seizures', 'seizures_by_commodity', 'seizures_by_country', 'seizures_by_precursor', 'statistics', 'warnings'],
    );
    const types = Object.fromEntries(all('PRAGMA table_info(seizures)').map((c) => [c.name, c.type]));
    expect(types).toMatchObject({ number: 'TEXT', sent_at: 'TEXT', template_version: 'INTEGER', commodity_type: 'TEXT', seized_at: 'TEXT' });
    expect(Object.fromEntries(all('PRAGMA table_info(seizure_route)').map((c) => [c.name, c.type]))).toMatchObject({ position: 'INTEGER', order: 'INTEGER' });
    expect(all('SELECT quantity, typeof(quantity) AS t FROM seizure_goods')).toEqual([{ quantity: 2400.5, t: 'real' }]);
    expect(Object.fromEntries(all('PRAGMA table_info(warnings)').map((c) => [c.name, c.type]))).toMatchObject({ response_seconds: 'INTEGER', response_hours: 'REAL' });

    expect(all('SELECT number, commodity_type, seizure_country, seized_at FROM seizures ORDER BY sent_at')).toEqual([
      { number: first.number, commodity_type: 'EXPLOSIVES', seizure_country: 'FR', seized_at: '2026-03-10T14:30:00.000Z' },
      { number: second.number, commodity_type: 'DRUGS', seizure_country: 'KE', seized_at: '2026-03-12T09:00:00.000Z' },
    ]);
    // Tables join as a database should: the route legs of the seizure that answered the warning.
    expect(all(`SELECT r.position, r.country FROM seizure_route r JOIN seizures s ON s.message_id = r.message_id WHERE s.linked_warning_number = '${warning.number}' ORDER BY r.position`)).toEqual([
      { position: 1, country: 'FR' },
      { position: 2, country: 'KE' },
    ]);
    expect(all("SELECT typeof(response_seconds) AS t FROM warnings WHERE case_status = 'closed'")).toEqual([{ t: 'integer' }]);
    expect(all("SELECT type, description FROM readme WHERE table_name = 'seizures' AND column_name = 'sent_at'")).toEqual([
      { type: 'date and time, ISO 8601 in UTC (YYYY-MM-DDTHH:MM:SS.sssZ)', description: 'when the message was sent' },
    ]);
    db.close();
  });
});
