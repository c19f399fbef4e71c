import { describe, expect, it } from 'vitest';
import { emptyDraft, fieldErrorsOf, fieldsToSave, matchingFields, type Draft } from './entity-form-state.ts';

describe('entity form state', () => {
  it('saves a person without blanks, empty aliases or untouched rows', () => {
    const draft: Draft = {
      kind: 'person',
      fields: {
        names: [' Aleksandr Petrov ', ''],
        birthDate: '1980-04-12',
        birthPlace: '',
        documents: [{ type: 'passport', number: '' }, { type: 'passport', number: '75 1234567', country: 'RU' }],
        addresses: [{ line: '', city: '' }],
        phones: [''],
        emails: ['a.petrov@example.org'],
      },
    };
    expect(fieldsToSave(draft)).toEqual({
      names: ['Aleksandr Petrov'],
      birthDate: '1980-04-12',
      documents: [{ type: 'passport', number: '75 1234567', country: 'RU' }],
      emails: ['a.petrov@example.org'],
    });
  });

  it('compares only once there is a name or an identifier', () => {
    expect(matchingFields(emptyDraft('person'))).toBeNull();
    expect(matchingFields(emptyDraft('transport'))).toBeNull();
    expect(matchingFields(emptyDraft('document'))).toBeNull();
    expect(matchingFields({ kind: 'person', fields: { names: ['Александр Петров'], birthDate: '1980-04-12', notes: 'seen at the border' } })).toEqual({
      names: ['Александр Петров'],
      birthDate: '1980-04-12',
    });
    expect(matchingFields({ kind: 'transport', fields: { type: 'vehicle', vin: 'WVWPV5U77HL210920', notes: 'grey' } })).toEqual({ type: 'vehicle', vin: 'WVWPV5U77HL210920' });
  });

  it('names the API field errors as the form does', () => {
    expect(fieldErrorsOf({ 'fields.names.0': 'must not be empty', purpose: 'Required.' })).toEqual({ 'names.0': 'must not be empty' });
  });
});
