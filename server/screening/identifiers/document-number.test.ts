import { describe, expect, it } from 'vitest';
import { validateDocumentNumber } from './document-number.ts';

const messages = (r: { errors: { message: string }[] }) => r.errors.map((e) => e.message);

describe('validateDocumentNumber (Doc 9303 document number field)', () => {
  it('reads the specimen numbers with the check digits their zones carry', () => {
    expect(validateDocumentNumber('L898902C3')).toMatchObject({
      kind: 'document_number',
      valid: true,
      normalised: 'L898902C3',
      folded: 'L898902C3',
      fields: { mrzCheckDigit: '6', fitsMrzField: true },
    });
    expect(validateDocumentNumber('D23145890').fields?.mrzCheckDigit).toBe('7');
  });

  it('normalises case, spaces, dashes and MRZ fillers away', () => {
    for (const input of ['l898902c3', 'L898 902 C3', 'L898-902-C3', 'L898902C3<<', '\u2009L898902C3\u2013'])
      expect(validateDocumentNumber(input).normalised, input).toBe('L898902C3');
  });

  it('folds OCR confusions so that 0/O, 1/I, 8/B, 5/S, 2/Z meet', () => {
    expect(validateDocumentNumber('AO1234S').folded).toBe(validateDocumentNumber('A012345').folded);
    expect(validateDocumentNumber('ZB1').folded).toBe('281');
  });

  it('warns over nine characters and refuses past what a TD1 can carry', () => {
    const ten = validateDocumentNumber('D23145890A');
    expect(ten).toMatchObject({ valid: true, fields: { fitsMrzField: false } });
    expect(ten.warnings[0]).toMatch(/longer than the 9 characters of the MRZ field/);
    expect(validateDocumentNumber('1'.repeat(22)).valid).toBe(true);
    expect(messages(validateDocumentNumber('1'.repeat(23)))).toEqual(['has 23 characters; a travel document number has at most 22']);
  });

  it('refuses characters an MRZ cannot write, located', () => {
    expect(messages(validateDocumentNumber('AB/123'))).toEqual(["position 3: '/' is not allowed (a travel document number has only A-Z and 0-9)"]);
    expect(messages(validateDocumentNumber('AB\u00C7123'))).toEqual(["position 3: '\u00C7' is not allowed (a travel document number has only A-Z and 0-9)"]);
  });

  it('refuses empty values', () => {
    expect(messages(validateDocumentNumber(''))).toEqual(['is empty']);
    expect(messages(validateDocumentNumber('<<<'))).toEqual(['has no letters or digits']);
    expect(messages(validateDocumentNumber(' - '))).toEqual(['has no letters or digits']);
  });

  it('reads Greek look-alikes as Latin, with a warning', () => {
    const r = validateDocumentNumber('\u039A1234567');
    expect(r).toMatchObject({ valid: true, normalised: 'K1234567' });
    expect(r.warnings[0]).toMatch(/U\+039A/);
  });
});
