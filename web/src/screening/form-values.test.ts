import { describe, expect, it } from 'vitest';
import { byFormField, fromRecord, toApiValues } from './form-values.ts';
import { RECORD_FIELDS } from './list-fields.ts';

describe('record form values', () => {
  it('leaves empty fields out and types years, countries and serials', () => {
    const vehicles = toApiValues(RECORD_FIELDS.vehicles, { vin: ' 1G4AH59H45G118341 ', make: 'Buick', model: '', year: '2005', plateCountry: 'fr', status: 'stolen' });
    expect(vehicles).toEqual({ vin: '1G4AH59H45G118341', make: 'Buick', year: 2005, plateCountry: 'FR', status: 'stolen' });
    const firearms = toApiValues(RECORD_FIELDS.firearms, { serialNumbers: 'AB123\n\n  CD456 \r\n', make: 'Glock' });
    expect(firearms).toEqual({ serialNumbers: ['AB123', 'CD456'], make: 'Glock' });
  });

  it('reads a stored record back into the form', () => {
    const values = fromRecord(RECORD_FIELDS.firearms, { serialNumbers: ['A1', 'B2'], make: 'Glock', model: null, reviewOn: '2036-01-01' });
    expect(values.serialNumbers).toBe('A1\nB2');
    expect(values.model).toBe('');
    expect(values.reviewOn).toBe('2036-01-01');
  });

  it('puts API errors beside the form field they belong to', () => {
    expect(byFormField({ 'serialNumbers.1': 'bad', 'fields.make': 'unknown', identifier: 'too broad' })).toEqual({ serialNumbers: 'bad', make: 'unknown', identifier: 'too broad' });
  });
});
