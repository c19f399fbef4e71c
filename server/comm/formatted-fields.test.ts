import { describe, expect, it } from 'vitest';
import type { ReferenceSets } from '../reference/index.ts';
import { builtinTemplates } from './builtin-templates.ts';
import { applyPrefills, checkFields, labelledFields, renderText, type Lookups } from './formatted-fields.ts';
import { templateDefinition, type TemplateDefinition } from './templates-schema.ts';

const sets = {
  countries: new Set(['FR', 'KE', 'BE']),
  locodes: new Set(['FRLEH', 'KEMBA']),
  hsCodes: new Set(['3102', '310230', '31']),
} as unknown as ReferenceSets;
const look: Lookups = { country: (c) => ({ FR: 'France', KE: 'Kenya' })[c], locode: (c) => ({ FRLEH: 'Le Havre' })[c] };
const [WARNING, , SEIZURE] = builtinTemplates(null).map((t) => t);

describe('checking field values', () => {
  it('stores values in one form: codes upper-cased, HS dots and LOCODE spaces removed, times in UTC', () => {
    const res = checkFields(
      WARNING.definition,
      {
        originator: '  Agnes  ',
        country: 'ke',
        notified_at: '2026-03-19T21:41:00+01:00',
        motive: 'Consignee registered last month',
        hs_code: '3102.30',
        route: [{ country: 'fr', location: { locode: 'fr leh' }, order: 1 }],
      },
      sets,
      { draft: false },
    );
    expect(res.errors).toEqual([]);
    expect(res.values).toEqual({
      originator: 'Agnes',
      country: 'KE',
      notified_at: '2026-03-19T20:41:00.000Z',
      motive: 'Consignee registered last month',
      hs_code: '310230',
      route: [{ country: 'FR', location: { locode: 'FRLEH' }, order: 1 }],
    });
  });

  it('lets a draft leave required fields empty but reports every wrong value with its path', () => {
    expect(checkFields(WARNING.definition, {}, sets, { draft: true }).errors).toEqual([]);
    expect(checkFields(WARNING.definition, {}, sets, { draft: false }).errors.map((e) => e.field)).toEqual([
      'body.fields.originator',
      'body.fields.country',
      'body.fields.notified_at',
      'body.fields.motive',
    ]);
    const res = checkFields(
      SEIZURE.definition,
      { seized_at: '2026-02-30T10:00:00Z', location: { locode: 'FRLEH', text: 'x' }, route: Array.from({ length: 21 }, () => ({ country: 'FR' })), offenders: [null], precursors: ['X'] },
      sets,
      { draft: true },
    );
    expect(res.errors).toEqual([
      { field: 'body.fields.precursors', message: 'is not a field of this template' },
      { field: 'body.fields.seized_at', message: 'must be a date and time as ISO 8601 with a time zone, e.g. 2026-03-01T14:30:00Z' },
      { field: 'body.fields.location', message: 'must have exactly one of locode or text' },
      { field: 'body.fields.route', message: 'at most 20 entries' },
      { field: 'body.fields.offenders.0', message: 'must be an object of field values by key' },
    ]);
    expect(checkFields(WARNING.definition, ['not', 'an', 'object'], sets, { draft: true }).errors).toEqual([{ field: 'body.fields', message: 'must be an object of field values by key' }]);
  });

  it('fills the author’s name, country, phone and the time where the template says so and the author left them empty', () => {
    const now = new Date('2026-03-19T20:41:00Z');
    const filled = applyPrefills(WARNING.definition, { originator: 'Desk officer' }, { name: 'Agnes', phone: '+32 2 209 92 11', country: 'BE', office: 'WCO' }, now);
    expect(filled).toEqual({ originator: 'Desk officer', telephone: '+32 2 209 92 11', country: 'BE', notified_at: '2026-03-19T20:41:00.000Z', office_notifying: 'WCO' });
  });
});

describe('reading a formatted message', () => {
  const values = {
    originator: 'Agnes',
    country: 'KE',
    motive: 'Line one\nLine two',
    route: [
      { country: 'FR', location: { locode: 'FRLEH' }, transport: 'SEA', order: 1 },
      { country: 'KE', location: { text: 'Mombasa terminal' }, transport: 'SEA', order: 2 },
    ],
  };

  it('renders sections, groups and options as text in the reader’s language', () => {
    const en = renderText(WARNING.definition, WARNING.names, values, 'en', look, { number: 'GS-W-2026-0001' });
    expect(en.split('\n').slice(0, 6)).toEqual(['WARNING MESSAGE', 'Number: GS-W-2026-0001', '', '== General remarks ==', 'Originator: Agnes', 'Country: Kenya (KE)']);
    expect(en).toContain('  Entry 1\n    Country: France (FR)\n    Location: Le Havre (FRLEH)\n    Transport: Sea\n    Order: 1');
    expect(en).toContain('Motive of suspicion: \n    Line one\n    Line two');
    const ur = renderText(WARNING.definition, WARNING.names, values, 'ur', look, { number: null });
    expect(ur).toContain('انتباہی پیغام');
    expect(ur).toContain('نمبر: مسودہ (ابھی نمبر نہیں)');
    expect(ur).toContain('نقل و حمل: بحری');
    const ru = labelledFields(WARNING.definition, values, 'ru', look);
    expect(ru.map((s) => s.label)).toEqual(['Общие сведения', 'Маршрут', 'Основание для подозрения']);
  });

  it('checks a template definition: a prefill must suit its field', () => {
    const bad = templateDefinition.safeParse({ sections: [{ key: 's', labels: { en: 'S' }, fields: [{ key: 'x', type: 'number', labels: { en: 'X' }, prefill: 'user.country' }] }] });
    expect(bad.success).toBe(false);
    expect(bad.error!.issues.map((i) => [i.path.join('.'), i.message])).toEqual([['sections.0.fields.0.prefill', 'does not suit a number field']]);
    const def: TemplateDefinition = templateDefinition.parse({ sections: [{ key: 's', labels: { en: 'S' }, fields: [{ key: 'x', type: 'text', labels: { en: 'X' } }] }] }) as TemplateDefinition;
    expect(def.sections[0].fields[0]).toMatchObject({ required: false, maxLength: 500 });
  });
});
