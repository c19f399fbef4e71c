import i18next from 'i18next';
import { beforeAll, describe, expect, it } from 'vitest';
import en from '../locales/en.json' with { type: 'json' };
import fr from '../locales/fr.json' with { type: 'json' };
import { fieldLabel, problemDetail } from './field-labels.ts';

const i18n = i18next.createInstance();
beforeAll(async () => {
  await i18n.init({ lng: 'en', resources: { en: { translation: en }, fr: { translation: fr } }, interpolation: { escapeValue: false } });
});

describe('fieldLabel', () => {
  it('names a field by the label its form registered, whatever the path prefix of the problem', () => {
    expect(fieldLabel('body.fields.feedback_type', { 'fields.feedback_type': 'Type of feedback' }, i18n.t)).toBe('Type of feedback');
    expect(fieldLabel('fields.feedback_type', { 'fields.feedback_type': 'Type of feedback' }, i18n.t)).toBe('Type of feedback');
  });

  it('falls back to the last named segment in words, in a translated frame, never the raw path', () => {
    const en = fieldLabel('body.mapping.commodity_1_category', {}, i18n.t);
    expect(en).toBe('The field “commodity 1 category”');
    expect(fieldLabel('body.offenders.0.ageBand', {}, i18n.getFixedT('fr'))).toBe('Le champ « age band »');
    expect(fieldLabel('body.fields.offenders.2.nationality', { nationality: 'Nationalité' }, i18n.t)).toBe('Nationalité');
    expect(fieldLabel('body', {}, i18n.t)).toBe('This field');
  });
});

describe('problemDetail', () => {
  it('drops a detail that only repeats field paths, and keeps any other', () => {
    const errors = [{ field: 'body.mapping.commodity_1_category', message: 'is required: map a column to it' }];
    expect(problemDetail({ status: 422, title: 'Unprocessable Content', detail: 'body.mapping.commodity_1_category: is required: map a column to it', errors })).toBeUndefined();
    expect(problemDetail({ status: 409, title: 'Conflict', detail: 'The import is committing.', errors })).toBe('The import is committing.');
  });
});
