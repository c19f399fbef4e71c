import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { randomUUID } from 'node:crypto';
import { startTestApp, type TestApp } from '../platform/testing/test-app.ts';
import type { Principal } from '../platform/http/access.ts';
import { createReferenceService } from '../reference/index.ts';
import { signIn } from '../seizures/testing.ts';
import { createCommServices } from './module.ts';
import { createSeizureServices } from '../seizures/index.ts';
import { seedFormattedDemo } from './formatted-demo.ts';
import { TEMPLATE_LANGS } from './templates-schema.ts';

let t: TestApp;
/** The same people take part in every operation of these tests (sign-ins per address are limited). */
let people: Record<'coordinator' | 'ocu' | 'kenya' | 'france' | 'pu', Client>;
beforeAll(async () => {
  t = await startTestApp();
  people = {
    coordinator: await signIn(t, ['i2c_officer'], { country: 'BE' }),
    ocu: await signIn(t, ['rilo_analyst'], { country: 'BE' }),
    kenya: await signIn(t, ['ncp'], { country: 'KE' }),
    france: await signIn(t, ['ncp'], { country: 'FR' }),
    pu: await signIn(t, ['ncp'], { country: 'KE' }),
  };
});
afterAll(() => t?.close());

const YEAR = new Date().getUTCFullYear();
type Client = Awaited<ReturnType<typeof signIn>>;

/** A new operation opened by an I2C officer (OCU+), with an OCU, NCPs of Kenya and France and a participating user. */
async function operation() {
  const { coordinator, ocu, kenya, france, pu } = people;
  const code = `T${randomUUID().replace(/-/g, '').slice(0, 6)}`.toUpperCase();
  const op = await coordinator.client.post('/api/v1/operations', { code, name: 'Operation Test', status: 'active' });
  expect(op.status).toBe(201);
  const base = `/api/v1/operations/${op.body.id}`;
  for (const [m, role] of [[ocu, 'ocu'], [kenya, 'ncp'], [france, 'ncp'], [pu, 'pu']] as const)
    expect((await coordinator.client.post(`${base}/members`, { userId: m.user.id, role })).status).toBe(201);
  const templates = (await kenya.client.get(`${base}/templates`)).body.items as { id: string; code: string }[];
  const tpl = (c: string) => templates.find((x) => x.code === c)!.id;
  return { coordinator, ocu, kenya, france, pu, op: op.body as { id: string; code: string }, base, tpl };
}

const warningFields = (over: Record<string, unknown> = {}) => ({
  telephone: '+254 20 281 0000',
  office_in_charge: 'Port of Mombasa, enforcement unit',
  route: [
    { country: 'FR', location: { locode: 'FRLEH' }, port_code: 'FRLEH', transport: 'SEA', location_type: 'DEPARTURE', order: 1, date: '2026-03-01T08:00:00Z' },
    { country: 'KE', location: { text: 'Mombasa container terminal' }, transport: 'SEA', location_type: 'DESTINATION', order: 2 },
  ],
  offenders: [{ nationality: 'KE', gender: 'MALE', age: 41, description: 'Consignee, company registered last month' }],
  motive: '24 t of ammonium nitrate declared as fertiliser; the consignee was registered last month.',
  hs_code: '3102.30',
  ...over,
});
const feedbackFields = (over: Record<string, unknown> = {}) => ({ feedback_type: 'POST_ARRIVAL', control: 'CONTROLLED', result: 'NOTHING_FOUND', narrative: 'Container examined, goods as declared.', ...over });
const seizureFields = (over: Record<string, unknown> = {}) => ({
  commodity_type: 'EXPLOSIVES',
  seized_at: '2026-03-10T14:30:00Z',
  location: { locode: 'FRLEH' },
  location_type: 'SEAPORT',
  seizure_country: 'FR',
  detection_method: 'RISK_PROFILING',
  technical_device: 'XRAY_SCANNER',
  narrative: 'Twelve drums of nitromethane hidden behind bags of fertiliser.',
  ...over,
});

async function countMessages(opId: string) {
  const [{ n }] = await t.ctx.database.rows<{ n: number }>(sql`SELECT count(*)::int AS n FROM comm_messages WHERE operation_id = ${opId}`);
  return n;
}

/** Every label of a template (names, sections, fields, group fields, options) in every UI language. */
function missingLanguages(tpl: { names: Record<string, string>; definition: { sections: any[] } }): string[] {
  const missing: string[] = [];
  const need = (labels: Record<string, string>, where: string) => {
    for (const l of TEMPLATE_LANGS) if (!labels?.[l]?.trim()) missing.push(`${where} ${l}`);
  };
  need(tpl.names, 'name');
  for (const s of tpl.definition.sections) {
    need(s.labels, s.key);
    for (const f of s.fields) {
      need(f.labels, `${s.key}.${f.key}`);
      for (const o of f.options ?? []) need(o.labels, `${f.key}.${o.code}`);
      for (const g of f.fields ?? []) {
        need(g.labels, `${f.key}.${g.key}`);
        for (const o of g.options ?? []) need(o.labels, `${f.key}.${g.key}.${o.code}`);
      }
    }
  }
  return missing;
}

describe('templates', () => {
  it('gives a new operation WARNING, FEEDBACK and SEIZURE in all seven languages; only the OCU+ changes templates', async () => {
    const { coordinator, ocu, kenya, base, tpl } = await operation();
    const list = await kenya.client.get(`${base}/templates`);
    expect(list.status).toBe(200);
    expect(list.body.items.map((x: { code: string; prefix: string }) => `${x.code}/${x.prefix}`).sort()).toEqual(['FEEDBACK/F', 'SEIZURE/S', 'WARNING/W']);
    for (const x of list.body.items) expect(missingLanguages(x)).toEqual([]);
    const seizure = list.body.items.find((x: { code: string }) => x.code === 'SEIZURE');
    const keys = seizure.definition.sections.flatMap((s: { fields: { key: string }[] }) => s.fields.map((f) => f.key));
    expect(keys).toEqual(expect.arrayContaining(['originator', 'commodity_type', 'seized_at', 'location', 'location_type', 'seizure_country', 'port', 'detection_method', 'technical_device', 'route', 'offenders', 'conveyance', 'parties', 'declared_goods', 'pictures', 'other_attachments', 'narrative']));
    const route = seizure.definition.sections.flatMap((s: { fields: any[] }) => s.fields).find((f: { key: string }) => f.key === 'route');
    expect(route.fields.map((f: { key: string; type: string }) => `${f.key}:${f.type}`)).toEqual(['country:country', 'location:place', 'port_code:text', 'date:datetime', 'transport:select', 'location_type:select', 'order:number']);

    const custom = {
      code: 'info',
      prefix: 'i',
      names: { en: 'Information report', fr: 'Rapport d’information' },
      definition: { sections: [{ key: 'main', labels: { en: 'Report' }, fields: [{ key: 'summary', type: 'textarea', labels: { en: 'Summary' }, required: true }, { key: 'quantity', type: 'number', labels: { en: 'Quantity (kg)' }, min: 0 }] }] },
    };
    // NCPs and the OCU read templates but do not change them.
    expect((await kenya.client.post(`${base}/templates`, custom)).status).toBe(403);
    expect((await ocu.client.post(`${base}/templates`, custom)).status).toBe(403);
    const warning = (await kenya.client.get(`${base}/templates/${tpl('WARNING')}`)).body;
    expect((await ocu.client.put(`${base}/templates/${tpl('WARNING')}`, { prefix: 'W', names: warning.names, definition: warning.definition })).status).toBe(403);

    const made = await coordinator.client.post(`${base}/templates`, custom);
    expect(made.status).toBe(201);
    expect(made.body).toMatchObject({ code: 'INFO', prefix: 'I', version: 1, builtin: false });
    expect((await coordinator.client.post(`${base}/templates`, { ...custom, code: 'OTHER' })).status).toBe(409);

    // The definition is checked: field types, duplicate keys, options, settings.
    const bad = await coordinator.client.post(`${base}/templates`, {
      ...custom,
      code: 'BAD',
      prefix: 'B',
      definition: {
        sections: [
          {
            key: 'main',
            labels: { en: 'Main' },
            fields: [
              { key: 'a', type: 'colour', labels: { en: 'A' } },
              { key: 'b', type: 'select', labels: { en: 'B' }, options: [] },
              { key: 'c', type: 'number', labels: { en: 'C' }, min: 5, max: 1 },
              { key: 'c', type: 'text', labels: { en: 'C again' } },
            ],
          },
        ],
      },
    });
    expect(bad.status).toBe(400);
    const fields = bad.body.errors.map((e: { field: string }) => e.field);
    expect(fields).toEqual(expect.arrayContaining(['body.definition.sections.0.fields.0.type', 'body.definition.sections.0.fields.1.options']));
    const dup = await coordinator.client.post(`${base}/templates`, {
      ...custom,
      code: 'DUP',
      prefix: 'D',
      definition: { sections: [{ key: 'main', labels: { en: 'Main' }, fields: [{ key: 'c', type: 'number', labels: { en: 'C' }, min: 5, max: 1 }, { key: 'c', type: 'text', labels: { en: 'C' } }] }] },
    });
    expect(dup.status).toBe(400);
    expect(dup.body.errors.map((e: { field: string }) => e.field).sort()).toEqual(['body.definition.sections.0.fields.0.min', 'body.definition.sections.0.fields.1.key']);

    // An operation opened before templates existed gets the built-ins when they are first asked for.
    const older = await operation();
    await t.ctx.database.rows(sql`DELETE FROM comm_templates WHERE operation_id = ${older.op.id}`);
    expect((await older.kenya.client.get(`${older.base}/templates`)).body.items.map((x: { code: string }) => x.code).sort()).toEqual(['FEEDBACK', 'SEIZURE', 'WARNING']);

    // A change makes a new version; the OCU+ may edit the built-ins too.
    const changed = await coordinator.client.put(`${base}/templates/${made.body.id}`, { ...custom, names: { en: 'Intelligence report' } });
    expect(changed.status).toBe(200);
    expect(changed.body).toMatchObject({ code: 'INFO', version: 2, names: { en: 'Intelligence report' } });
  });

  it('ships the Global Shield variant with the 14 precursors and their HS codes, and the pre-arrival risk indicators', async () => {
    const { user, org } = people.coordinator;
    const p: Principal = { userId: user.id, orgId: org.id, roles: ['i2c_officer'], via: 'session', secondFactorPending: false };
    const comm = createCommServices(t.ctx, { seizures: createSeizureServices(t.ctx) });
    const op = await comm.operations.create(p, { code: `G${randomUUID().slice(0, 5)}`.toUpperCase(), name: 'Global Shield test', description: '', status: 'active', newsletterHour: 7, newsletterTimeZone: 'UTC' }, {}, { globalShield: true });
    const items = await comm.templates.list(p, op.id);
    const field = (code: string, key: string) => items.find((x) => x.code === code)!.definition.sections.flatMap((s) => s.fields).find((f) => f.key === key) as { options: { code: string; hsCode?: string; labels: Record<string, string> }[] };
    const reference = await createReferenceService(t.ctx.database).globalShieldPrecursors();
    expect(reference).toHaveLength(14);
    const precursors = field('WARNING', 'precursors').options;
    expect(precursors.map((o) => [o.code, o.hsCode])).toEqual(reference.map((r) => [r.code, r.hsCode]));
    expect(precursors.find((o) => o.code.endsWith('ACETIC_ANHYDRIDE'))!.labels).toMatchObject({ en: 'Acetic anhydride (HS 2915.24)', fr: 'Anhydride acétique (HS 2915.24)' });
    expect(field('SEIZURE', 'precursors').options).toHaveLength(14);
    const indicators = field('WARNING', 'risk_indicators').options;
    expect(indicators.map((o) => o.labels.en)).toContain('Consignee – same as the shipper');
    expect(indicators).toHaveLength(9);
    for (const x of items) expect(missingLanguages(x as never)).toEqual([]);
  });
});

describe('formatted messages', () => {
  it('keeps a draft for its author alone, then numbers it on submission and delivers it readable in each language', async () => {
    const { op, base, tpl, kenya, france, pu } = await operation();
    // A draft need not be complete; only its author sees it.
    const draft = await kenya.client.post(`${base}/formatted`, { templateId: tpl('WARNING'), subject: 'Ammonium nitrate to Mombasa', fields: { motive: 'to be completed' } });
    expect(draft.status).toBe(201);
    expect(draft.body).toMatchObject({ status: 'draft', number: null, templateCode: 'WARNING', sentAt: null });
    // Prefilled from the author: name, country, date of notification.
    expect(draft.body.fields).toMatchObject({ originator: kenya.user.displayName, country: 'KE' });
    expect((await france.client.get(`${base}/formatted/${draft.body.id}`)).status).toBe(404);
    expect((await france.client.get(`${base}/formatted?status=draft`)).body.items).toEqual([]);
    expect((await kenya.client.get(`${base}/formatted?status=draft`)).body.items.map((x: { id: string }) => x.id)).toEqual([draft.body.id]);
    // Not in the outbox either, and it cannot be moved there.
    expect((await kenya.client.get(`${base}/messages?folder=outbox`)).body.items).toEqual([]);
    expect((await kenya.client.post(`${base}/messages/${draft.body.id}/move`, { folder: 'outbox' })).status).toBe(404);

    const edited = await kenya.client.put(`${base}/formatted/${draft.body.id}`, { subject: 'Ammonium nitrate to Mombasa', fields: warningFields(), to: { mode: 'chosen', userIds: [france.user.id] } });
    expect(edited.status).toBe(200);
    const submitted = await kenya.client.post(`${base}/formatted/${draft.body.id}/submit`, {});
    expect(submitted.status).toBe(200);
    expect(submitted.body).toMatchObject({ id: draft.body.id, status: 'sent', number: `${op.code}-W-${YEAR}-0001`, recipientCount: 1 });
    expect(submitted.body.subject).toBe(`${op.code}-W-${YEAR}-0001 Ammonium nitrate to Mombasa`);
    // A draft is submitted once.
    expect((await kenya.client.post(`${base}/formatted/${draft.body.id}/submit`, {})).status).toBe(404);

    // The recipient finds it in the mailbox, as text.
    const inbox = await france.client.get(`${base}/messages?folder=inbox`);
    expect(inbox.body.items.map((m: { id: string }) => m.id)).toEqual([draft.body.id]);
    const mail = await france.client.get(`${base}/messages/${draft.body.id}`);
    expect(mail.body.body).toContain(`Number: ${op.code}-W-${YEAR}-0001`);
    expect(mail.body.body).toContain('Motive of suspicion: 24 t of ammonium nitrate');
    expect(mail.body.body).toContain('Le Havre (FRLEH)');
    expect((await pu.client.get(`${base}/formatted/${draft.body.id}`)).status).toBe(404);

    // Read in French: labels, options and country names in French.
    await t.ctx.database.rows(sql`UPDATE users SET language = 'fr' WHERE id = ${france.user.id}`);
    const fr = await france.client.get(`${base}/formatted/${draft.body.id}`);
    await t.ctx.database.rows(sql`UPDATE users SET language = 'en' WHERE id = ${france.user.id}`);
    expect(fr.body.lang).toBe('fr');
    expect(fr.body.templateName).toBe('Message d’alerte');
    expect(fr.body.text).toContain('Motif de suspicion');
    expect(fr.body.text).toContain('Maritime');
    const general = fr.body.sections.find((s: { key: string }) => s.key === 'general');
    expect(general.label).toBe('Remarques générales');
    expect(general.fields.find((f: { key: string }) => f.key === 'country')).toMatchObject({ label: 'Pays', value: 'KE', display: expect.stringContaining('(KE)') });
    const route = fr.body.sections.find((s: { key: string }) => s.key === 'route').fields[0];
    expect(route.entries[0].find((e: { key: string }) => e.key === 'transport')).toMatchObject({ label: 'Transport', display: 'Maritime' });

    // Two submissions at once get consecutive numbers; each letter has its own sequence.
    const [a, b] = await Promise.all(
      [1, 2].map((i) => kenya.client.post(`${base}/formatted`, { templateId: tpl('WARNING'), subject: `Warning ${i}`, fields: warningFields(), to: { mode: 'all' }, submit: true })),
    );
    expect([a.status, b.status]).toEqual([201, 201]);
    expect([a.body.number, b.body.number].sort()).toEqual([`${op.code}-W-${YEAR}-0002`, `${op.code}-W-${YEAR}-0003`]);
    const fb = await france.client.post(`${base}/formatted`, { templateId: tpl('FEEDBACK'), fields: feedbackFields(), to: { mode: 'all' }, submit: true });
    expect(fb.body.number).toBe(`${op.code}-F-${YEAR}-0001`);
    expect(fb.body.subject).toBe(`${op.code}-F-${YEAR}-0001 Feedback message`);
  });

  it('refuses fields that do not match the template, naming each, and stores nothing', async () => {
    const { op, base, tpl, kenya } = await operation();
    const before = await countMessages(op.id);
    const send = (templateId: string, fields: Record<string, unknown>, submit = true) => kenya.client.post(`${base}/formatted`, { templateId, fields, to: { mode: 'all' }, submit });
    const route0 = (over: Record<string, unknown>) => ({ route: [{ ...warningFields().route[0], ...over }] });
    const cases: [string, Record<string, unknown>, string, string][] = [
      ['WARNING', warningFields(route0({ order: 'first' })), 'body.fields.route.0.order', 'must be a number'],
      ['WARNING', warningFields(route0({ order: 1.5 })), 'body.fields.route.0.order', 'must be a whole number'],
      ['WARNING', warningFields(route0({ country: 'XX' })), 'body.fields.route.0.country', 'is not a known country code'],
      ['WARNING', warningFields(route0({ location: { locode: 'ZZQQQ' } })), 'body.fields.route.0.location.locode', 'is not a known UN/LOCODE'],
      ['WARNING', warningFields(route0({ transport: 'SUBMARINE' })), 'body.fields.route.0.transport', 'is not one of the options'],
      ['WARNING', warningFields(route0({ date: '10/03/2026' })), 'body.fields.route.0.date', expect.stringContaining('ISO 8601') as never],
      ['WARNING', warningFields(route0({ colour: 'red' })), 'body.fields.route.0.colour', 'is not a field of this group'],
      ['WARNING', warningFields({ hs_code: '9999.99' }), 'body.fields.hs_code', 'is not a known HS code'],
      ['WARNING', warningFields({ motive: 42 }), 'body.fields.motive', 'must be text'],
      ['WARNING', warningFields({ motive: undefined }), 'body.fields.motive', 'is required'],
      ['WARNING', warningFields({ colour: 'red' }), 'body.fields.colour', 'is not a field of this template'],
      ['WARNING', warningFields({ route: { country: 'FR' } }), 'body.fields.route', 'must be a list of entries'],
      ['WARNING', warningFields({ offenders: [{ age: 300 }] }), 'body.fields.offenders.0.age', 'must be at most 120'],
      ['SEIZURE', seizureFields({ commodity_type: 'SWEETS' }), 'body.fields.commodity_type', 'is not one of the options'],
      ['SEIZURE', seizureFields({ seized_at: '2026-02-30T10:00:00Z' }), 'body.fields.seized_at', expect.stringContaining('ISO 8601') as never],
      ['SEIZURE', seizureFields({ pictures: ['not-a-file'] }), 'body.fields.pictures.0', 'must be the id of an uploaded file'],
      ['SEIZURE', seizureFields({ pictures: [randomUUID()] }), 'body.fields.pictures.0', 'is not an upload of yours'],
    ];
    for (const [code, fields, field, message] of cases) {
      const res = await send(tpl(code), fields);
      expect({ field, status: res.status, errors: res.body.errors }).toEqual({ field, status: 422, errors: [{ field, message }] });
    }
    // Drafts may be incomplete, but not wrong.
    expect((await send(tpl('WARNING'), { motive: 'x' }, false)).status).toBe(201);
    expect((await send(tpl('WARNING'), { route: [{ country: 'XX' }] }, false)).body.errors).toEqual([{ field: 'body.fields.route.0.country', message: 'is not a known country code' }]);
    // A template of another operation is not one of this operation's.
    const other = await operation();
    expect((await send(other.tpl('WARNING'), warningFields())).body.errors).toEqual([{ field: 'body.templateId', message: 'is not a template of this operation' }]);
    expect(await countMessages(op.id)).toBe(before + 1);
  });

  it('carries attachment fields as message attachments the recipients can download', async () => {
    const { base, tpl, kenya, france } = await operation();
    const up = await fetch(`${t.url}${base}/attachments?name=drums.jpg`, {
      method: 'POST',
      headers: { cookie: france.client.cookie, 'x-csrf-token': france.client.csrf, 'content-type': 'application/octet-stream' },
      body: new Uint8Array(Buffer.from('photo of the drums')),
    });
    const file = (await up.json()) as { id: string };
    const sent = await france.client.post(`${base}/formatted`, { templateId: tpl('SEIZURE'), fields: seizureFields({ pictures: [file.id] }), to: { mode: 'chosen', userIds: [kenya.user.id] }, submit: true });
    expect(sent.status).toBe(201);
    const mail = await kenya.client.get(`${base}/messages/${sent.body.id}`);
    expect(mail.body.attachmentList.map((a: { id: string }) => a.id)).toEqual([file.id]);
    expect((await kenya.client.get(`${base}/messages/${sent.body.id}/attachments/${file.id}`)).body).toBe('photo of the drums');
  });
});

describe('links and cases', () => {
  async function submit(c: Client, base: string, templateId: string, fields: Record<string, unknown>, extra: Record<string, unknown> = {}) {
    const res = await c.client.post(`${base}/formatted`, { templateId, fields, to: { mode: 'all' }, submit: true, ...extra });
    expect(res.status).toBe(201);
    return res.body as { id: string; number: string; sentAt: string };
  }

  it('links answers only to warnings of the same operation', async () => {
    const { op, base, tpl, kenya, france } = await operation();
    const warning = await submit(kenya, base, tpl('WARNING'), warningFields());
    const feedback = await submit(france, base, tpl('FEEDBACK'), feedbackFields(), { linkedWarningId: warning.id });
    const other = await operation();
    const foreign = await submit(other.kenya, other.base, other.tpl('WARNING'), warningFields());
    const before = await countMessages(op.id);
    const refused = [
      { templateId: tpl('FEEDBACK'), fields: feedbackFields(), linkedWarningId: feedback.id }, // a FEEDBACK is not a warning
      { templateId: tpl('SEIZURE'), fields: seizureFields(), linkedWarningId: foreign.id }, // another operation's warning
      { templateId: tpl('FEEDBACK'), fields: feedbackFields(), linkedWarningId: randomUUID() },
      { templateId: tpl('WARNING'), fields: warningFields(), linkedWarningId: warning.id }, // a warning answers nothing
    ];
    for (const body of refused) {
      const res = await france.client.post(`${base}/formatted`, { ...body, to: { mode: 'all' }, submit: true });
      expect(res.status).toBe(422);
      expect(res.body.errors.map((e: { field: string }) => e.field)).toEqual(['body.linkedWarningId']);
      const draft = await france.client.post(`${base}/formatted`, { ...body, submit: false });
      expect(draft.status).toBe(422);
    }
    expect(await countMessages(op.id)).toBe(before);
  });

  it('closes a case with its first linked answer, gives response times and statistics to the OCU, and lets the OCU close a case by hand', async () => {
    const { base, tpl, kenya, france, ocu, coordinator } = await operation();
    const w1 = await submit(kenya, base, tpl('WARNING'), warningFields(), { subject: 'Nitromethane to Le Havre' });
    const w2 = await submit(kenya, base, tpl('WARNING'), warningFields());
    const w3 = await submit(france, base, tpl('WARNING'), warningFields());
    const w4 = await submit(france, base, tpl('WARNING'), warningFields());

    // Only the OCU and the OCU+ see cases and statistics.
    expect((await kenya.client.get(`${base}/cases`)).status).toBe(403);
    expect((await kenya.client.get(`${base}/stats`)).status).toBe(403);
    const open = await ocu.client.get(`${base}/cases?status=open`);
    expect(open.status).toBe(200);
    expect(open.body.items.map((c: { warningId: string }) => c.warningId)).toEqual([w1.id, w2.id, w3.id, w4.id]);
    expect(open.body.items[0]).toMatchObject({ number: w1.number, subject: `${w1.number} Nitromethane to Le Havre`, senderCountry: 'KE', status: 'open', responseSeconds: null, answers: 0 });
    expect(open.body.items[0].ageSeconds).toBeGreaterThanOrEqual(0);

    // Answers: w1 by a SEIZURE then a FEEDBACK (the first counts), w2 and w3 by a FEEDBACK. Times are set to known values.
    const s1 = await submit(france, base, tpl('SEIZURE'), seizureFields(), { linkedWarningId: w1.id });
    const f1 = await submit(france, base, tpl('FEEDBACK'), feedbackFields(), { linkedWarningId: w1.id });
    const f2 = await submit(france, base, tpl('FEEDBACK'), feedbackFields({ control: 'NOT_CONTROLLED', no_control_motive: 'NOT_ARRIVED' }), { linkedWarningId: w2.id });
    const f3 = await submit(kenya, base, tpl('FEEDBACK'), feedbackFields(), { linkedWarningId: w3.id });
    await submit(kenya, base, tpl('SEIZURE'), seizureFields({ commodity_type: 'DRUGS', seizure_country: 'KE', location: { text: 'Nairobi airport' } }));
    const at = async (id: string, iso: string) => t.ctx.database.rows(sql`UPDATE comm_messages SET sent_at = ${iso}::timestamptz WHERE id = ${id}`);
    for (const w of [w1, w2, w3]) await at(w.id, '2026-03-01T10:00:00Z');
    await at(s1.id, '2026-03-01T11:00:00Z'); // 1 h
    await at(f1.id, '2026-03-01T15:00:00Z');
    await at(f2.id, '2026-03-01T12:00:00Z'); // 2 h
    await at(f3.id, '2026-03-01T20:00:00Z'); // 10 h

    const closed = await ocu.client.get(`${base}/cases?status=closed`);
    const byId = new Map(closed.body.items.map((c: { warningId: string }) => [c.warningId, c]));
    expect(byId.get(w1.id)).toMatchObject({ status: 'closed', closedBy: 'answer', responseSeconds: 3600, answers: 2, ageSeconds: null, firstAnswer: { id: s1.id, number: s1.number, templateCode: 'SEIZURE' } });
    expect(byId.get(w2.id)).toMatchObject({ responseSeconds: 7200, answers: 1 });
    expect(byId.get(w3.id)).toMatchObject({ responseSeconds: 36000 });
    expect((await ocu.client.get(`${base}/cases?status=open`)).body.items.map((c: { warningId: string }) => c.warningId)).toEqual([w4.id]);
    // The warning shows its case and answers to whoever reads it.
    const read = await kenya.client.get(`${base}/formatted/${w1.id}`);
    expect(read.body.case).toMatchObject({ status: 'closed' });
    expect(read.body.case.answers.map((a: { id: string }) => a.id)).toEqual([s1.id, f1.id]);
    const answer = await kenya.client.get(`${base}/formatted/${s1.id}`);
    expect(answer.body).toMatchObject({ linkedWarningId: w1.id, linkedWarningNumber: w1.number });
    expect(answer.body.text).toContain(`In answer to warning: ${w1.number}`);

    // Closed by hand, with a note; not twice, and not an answered one.
    expect((await kenya.client.post(`${base}/cases/${w4.id}/close`, { note: 'x' })).status).toBe(403);
    const byHand = await coordinator.client.post(`${base}/cases/${w4.id}/close`, { note: 'Consignment never left the port of loading.' });
    expect(byHand.status).toBe(200);
    expect(byHand.body).toMatchObject({ warningId: w4.id, status: 'closed', closedBy: 'hand', closeNote: 'Consignment never left the port of loading.', responseSeconds: null, closedByName: coordinator.user.displayName });
    expect((await ocu.client.post(`${base}/cases/${w4.id}/close`, { note: 'again' })).status).toBe(409);
    expect((await ocu.client.post(`${base}/cases/${w1.id}/close`, { note: 'answered' })).status).toBe(409);
    expect((await ocu.client.post(`${base}/cases/${s1.id}/close`, { note: 'not a warning' })).status).toBe(404);
    expect((await ocu.client.get(`${base}/cases?status=open`)).body.items).toEqual([]);

    // A plain message counts too, without a template.
    await kenya.client.post(`${base}/messages`, { to: { mode: 'all' }, subject: 'Hello' });
    const stats = await ocu.client.get(`${base}/stats`);
    expect(stats.status).toBe(200);
    expect(stats.body.messages).toMatchObject({ total: 10, plain: 1 });
    expect(Object.fromEntries(stats.body.messages.byTemplate.map((x: { code: string; count: number }) => [x.code, x.count]))).toEqual({ WARNING: 4, FEEDBACK: 3, SEIZURE: 2 });
    expect(stats.body.warnings).toEqual({ total: 4, open: 0, closed: 4, answered: 3 });
    expect(stats.body.responseTime).toEqual({ answered: 3, medianSeconds: 7200, meanSeconds: 15600 });
    expect(stats.body.seizures.total).toBe(2);
    expect(stats.body.seizures.byCommodity).toEqual([
      { code: 'DRUGS', label: 'Drugs', count: 1 },
      { code: 'EXPLOSIVES', label: 'Explosives and precursors', count: 1 },
    ]);
    expect(stats.body.seizures.byCountry).toEqual([
      { country: 'FR', count: 1 },
      { country: 'KE', count: 1 },
    ]);
  });
});

describe('demo', () => {
  it('gives the Global Shield demo a warning answered in 26 hours and one still open', async () => {
    const principal = (c: Client): Principal => ({ userId: c.user.id, orgId: c.org.id, roles: [], via: 'session', secondFactorPending: false });
    const comm = createCommServices(t.ctx, { seizures: createSeizureServices(t.ctx) });
    const p = principal(people.coordinator);
    const op = await comm.operations.create(p, { code: `D${randomUUID().slice(0, 5)}`.toUpperCase(), name: 'Demo', description: '', status: 'active', newsletterHour: 7, newsletterTimeZone: 'UTC' }, {}, { globalShield: true });
    for (const c of [people.ocu, people.kenya, people.france, people.pu]) await comm.operations.addMember(p, op.id, c.user.id, c === people.ocu ? 'ocu' : 'ncp');
    await seedFormattedDemo(t.ctx.database, comm, op.id, { france: principal(people.france), kenya: principal(people.kenya), brazil: principal(people.pu) });
    const base = `/api/v1/operations/${op.id}`;
    const closed = (await people.ocu.client.get(`${base}/cases?status=closed`)).body.items;
    expect(closed.map((c: { number: string; responseSeconds: number; answers: number }) => [c.number, c.responseSeconds, c.answers])).toEqual([[`${op.code}-W-${YEAR}-0001`, 26 * 3600, 2]]);
    const open = (await people.ocu.client.get(`${base}/cases?status=open`)).body.items;
    expect(open.map((c: { number: string }) => c.number)).toEqual([`${op.code}-W-${YEAR}-0002`]);
    const stats = (await people.ocu.client.get(`${base}/stats`)).body;
    expect(stats.seizures.byPrecursor).toEqual([{ code: 'EXPLOSIVES.AMMONIUM_NITRATE', label: 'Ammonium nitrate (HS 3102.30)', count: 1 }]);
  });
});

describe('API description', () => {
  it('lists the template, formatted message, case and statistics routes in the OpenAPI document', async () => {
    const doc = await (await fetch(`${t.url}/api/openapi.json`)).json();
    const paths = Object.keys(doc.paths).filter((x) => /\/operations\/\{opId\}\/(templates|formatted|cases|stats)/.test(x));
    expect(paths.sort()).toEqual([
      '/api/v1/operations/{opId}/cases',
      '/api/v1/operations/{opId}/cases/{messageId}/close',
      '/api/v1/operations/{opId}/formatted',
      '/api/v1/operations/{opId}/formatted/{messageId}',
      '/api/v1/operations/{opId}/formatted/{messageId}/submit',
      '/api/v1/operations/{opId}/stats',
      '/api/v1/operations/{opId}/templates',
      '/api/v1/operations/{opId}/templates/{templateId}',
    ]);
  });
});
