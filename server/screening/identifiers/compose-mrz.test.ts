import { describe, expect, it } from 'vitest';
import { composeMrz, type MrzContent } from './compose-mrz.ts';
import { validateMrz } from './mrz.ts';

const ANNA: MrzContent = {
  documentCode: 'P',
  issuingState: 'UTO',
  surname: 'ERIKSSON',
  givenNames: 'ANNA MARIA',
  documentNumber: 'L898902C3',
  nationality: 'UTO',
  birthDate: '740812',
  sex: 'F',
  expiryDate: '120415',
  optionalData: 'ZE184226B',
};

describe('composeMrz', () => {
  it('writes the Doc 9303 specimens back, character for character', () => {
    expect(composeMrz('TD3', ANNA)).toEqual(['P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<', 'L898902C36UTO7408122F1204159ZE184226B<<<<<10']);
    const card = { ...ANNA, documentCode: 'I', documentNumber: 'D23145890', optionalData: '' };
    expect(composeMrz('TD1', card)).toEqual(['I<UTOD231458907<<<<<<<<<<<<<<<', '7408122F1204159UTO<<<<<<<<<<<6', 'ERIKSSON<<ANNA<MARIA<<<<<<<<<<']);
    expect(composeMrz('TD2', card)).toEqual(['I<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<', 'D231458907UTO7408122F1204159<<<<<<<6']);
  });

  it('writes zones that validate, in every format, including long document numbers', () => {
    for (const format of ['TD1', 'TD2', 'TD3', 'MRV-A', 'MRV-B'] as const) {
      const documentCode = format.startsWith('MRV') ? 'V' : format === 'TD3' ? 'P' : 'I';
      const r = validateMrz(composeMrz(format, { ...ANNA, documentCode }).join('\n'));
      expect(r.errors, format).toEqual([]);
      expect(r.fields?.format).toBe(format);
    }
    for (const format of ['TD1', 'TD2'] as const) {
      const r = validateMrz(composeMrz(format, { ...ANNA, documentCode: 'I', documentNumber: 'D23145890AB12', optionalData: '' }).join('\n'));
      expect(r.errors, format).toEqual([]);
      expect(r.fields).toMatchObject({ documentNumber: 'D23145890AB12', documentNumberCheck: { holds: true }, optionalData: '' });
    }
  });
});
