import { describe, expect, it } from 'vitest';
import { composeMrz, type MrzContent } from './compose-mrz.ts';
import { mrzCheckDigit } from './mrz-check-digit.ts';
import { validateMrz } from './mrz.ts';

// Specimens of ICAO Doc 9303 (7th edition): Part 4 (TD3 passport), Part 5 (TD1 card), Part 6 (TD2).
const TD3 = ['P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<', 'L898902C36UTO7408122F1204159ZE184226B<<<<<10'];
const TD1 = ['I<UTOD231458907<<<<<<<<<<<<<<<', '7408122F1204159UTO<<<<<<<<<<<6', 'ERIKSSON<<ANNA<MARIA<<<<<<<<<<'];
const TD2 = ['I<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<', 'D231458907UTO7408122F1204159<<<<<<<6'];

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
const td3 = (changes: Partial<MrzContent>) => composeMrz('TD3', { ...ANNA, ...changes }).join('\n');

const replaceAt = (line: string, position: number, c: string) => line.slice(0, position - 1) + c + line.slice(position);
const messages = (r: ReturnType<typeof validateMrz>) => r.errors.map((e) => e.message);

describe('validateMrz: the Doc 9303 specimens', () => {
  it('reads the TD3 specimen passport, every check digit holding', () => {
    const r = validateMrz(TD3.join('\n'));
    expect(r).toMatchObject({ kind: 'mrz', valid: true, errors: [], warnings: [], normalised: TD3.join('\n') });
    expect(r.fields).toEqual({
      format: 'TD3',
      documentType: 'P',
      issuingState: 'UTO',
      surname: 'ERIKSSON',
      givenNames: 'ANNA MARIA',
      documentNumber: 'L898902C3',
      documentNumberCheck: { value: '6', expected: '6', holds: true },
      nationality: 'UTO',
      birthDate: '740812',
      birthDateCheck: { value: '2', expected: '2', holds: true },
      sex: 'F',
      expiryDate: '120415',
      expiryDateCheck: { value: '9', expected: '9', holds: true },
      optionalData: 'ZE184226B',
      optionalDataCheck: { value: '1', expected: '1', holds: true },
      compositeCheck: { value: '0', expected: '0', holds: true },
    });
  });

  it('reads the TD1 specimen identity card, with the composite over lines 1 and 2', () => {
    const r = validateMrz(TD1.join('\n'));
    expect(r.valid).toBe(true);
    expect(r.fields).toMatchObject({
      format: 'TD1',
      documentType: 'I',
      issuingState: 'UTO',
      documentNumber: 'D23145890',
      documentNumberCheck: { value: '7', holds: true },
      birthDate: '740812',
      sex: 'F',
      expiryDate: '120415',
      nationality: 'UTO',
      surname: 'ERIKSSON',
      givenNames: 'ANNA MARIA',
      optionalData: '',
      optionalData2: '',
      compositeCheck: { value: '6', expected: '6', holds: true },
    });
  });

  it('reads the TD2 specimen', () => {
    const r = validateMrz(TD2.join('\n'));
    expect(r.valid).toBe(true);
    expect(r.fields).toMatchObject({ format: 'TD2', documentNumber: 'D23145890', surname: 'ERIKSSON', givenNames: 'ANNA MARIA', compositeCheck: { holds: true } });
    expect(r.fields?.optionalDataCheck).toBeUndefined();
  });

  it('checks the TD3 second line alone (the line the issue quotes), saying what is missing', () => {
    const r = validateMrz(TD3[1]);
    expect(r.valid).toBe(true);
    expect(r.fields).toMatchObject({ format: 'TD3', documentNumber: 'L898902C3', nationality: 'UTO', compositeCheck: { holds: true } });
    expect(r.fields?.surname).toBeUndefined();
    expect(r.warnings.join()).toMatch(/only the second line/);
  });

  it('checks the TD2 second line alone', () => {
    const r = validateMrz(TD2[1]);
    expect(r.valid).toBe(true);
    expect(r.fields).toMatchObject({ format: 'TD2', documentNumber: 'D23145890', compositeCheck: { holds: true } });
  });
});

describe('validateMrz: how the zone may be given', () => {
  it('accepts any line break, surrounding blank lines and indentation', () => {
    for (const text of [TD3.join('\r\n'), TD3.join('\r'), `\n  ${TD3[0]}  \n\n${TD3[1]}\n`]) expect(validateMrz(text).valid, JSON.stringify(text)).toBe(true);
  });

  it('accepts the lines run together, for each format', () => {
    expect(validateMrz(TD3.join('')).fields?.format).toBe('TD3');
    expect(validateMrz(TD1.join('')).fields?.format).toBe('TD1');
    expect(validateMrz(TD2.join('')).fields?.format).toBe('TD2');
    expect(validateMrz(TD1.join('')).valid).toBe(true);
    expect(validateMrz(TD3.join('')).normalised).toBe(TD3.join('\n'));
  });

  it('reads lower case as upper case', () => {
    const r = validateMrz(TD3.join('\n').toLowerCase());
    expect(r.valid).toBe(true);
    expect(r.fields?.surname).toBe('ERIKSSON');
  });

  it('removes spaces inside lines with a warning', () => {
    const r = validateMrz(`P<UTO ERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<\nL898902C3 6 UTO 740812 2 F 120415 9 ZE184226B<<<<< 1 0`);
    expect(r.valid).toBe(true);
    expect(r.warnings.join()).toMatch(/spaces inside the lines were removed/);
  });

  it("reads angle quotes and full-width '<' as the filler, with a warning", () => {
    const r = validateMrz(TD3.join('\n').replace(/<<<<<<<<<<<<<<<<<<<$/m, '\u00AB'.repeat(19)));
    expect(r.valid).toBe(true);
    expect(r.warnings.join()).toMatch(/angle quotes/);
    const wide = validateMrz(TD3[1].replace(/</g, '\uFF1C'));
    expect(wide.valid).toBe(true);
    expect(wide.warnings.join()).toMatch(/full-width/);
  });

  it('reads Cyrillic look-alike letters as Latin, with a warning', () => {
    const r = validateMrz(TD3.join('\n').replace('ERIKSSON', '\u0415RIKSSON'));
    expect(r.valid).toBe(true);
    expect(r.fields?.surname).toBe('ERIKSSON');
    expect(r.warnings.join()).toMatch(/U\+0415/);
  });
});

describe('validateMrz: wrong check digits, located', () => {
  const td3CheckPositions = [
    { position: 10, field: 'documentNumber', label: 'check digit of the document number', right: '6' },
    { position: 20, field: 'birthDate', label: 'check digit of the birth date', right: '2' },
    { position: 28, field: 'expiryDate', label: 'check digit of the expiry date', right: '9' },
    { position: 43, field: 'optionalData', label: 'check digit of the optional data', right: '1' },
    { position: 44, field: 'composite', label: 'composite check digit', right: '0' },
  ];
  for (const { position, field, label, right } of td3CheckPositions) {
    it(`TD3 line 2, position ${position}: every wrong digit is named, and the composite follows`, () => {
      for (const digit of '0123456789'.replace(right, '')) {
        const r = validateMrz([TD3[0], replaceAt(TD3[1], position, digit)].join('\n'));
        expect(r.valid).toBe(false);
        expect(r.errors).toContainEqual({ field, message: `line 2, position ${position}: ${label} is ${digit}, expected ${right}` });
        // The composite digit covers the other check digits, so it fails with them.
        if (position !== 44) expect(r.errors.map((e) => e.field)).toContain('composite');
      }
    });
  }

  it('names the example of the brief: a document number check digit 3 where 6 is expected', () => {
    expect(messages(validateMrz(replaceAt(TD3[1], 10, '3')))).toContain('line 2, position 10: check digit of the document number is 3, expected 6');
  });

  it('TD1: wrong digits at line 1 position 15 and line 2 positions 7, 15 and 30', () => {
    const cases: [number, number, string][] = [
      [1, 15, 'check digit of the document number is 1, expected 7'],
      [2, 7, 'check digit of the birth date is 1, expected 2'],
      [2, 15, 'check digit of the expiry date is 1, expected 9'],
      [2, 30, 'composite check digit is 1, expected 6'],
    ];
    for (const [line, position, message] of cases) {
      const lines = [...TD1];
      lines[line - 1] = replaceAt(lines[line - 1], position, '1');
      expect(messages(validateMrz(lines.join('\n')))).toContain(`line ${line}, position ${position}: ${message}`);
    }
  });

  it('TD2: wrong digits at line 2 positions 10, 20, 28 and 36', () => {
    for (const [position, message] of [
      [10, 'check digit of the document number is 1, expected 7'],
      [20, 'check digit of the birth date is 1, expected 2'],
      [28, 'check digit of the expiry date is 1, expected 9'],
      [36, 'composite check digit is 1, expected 6'],
    ] as const)
      expect(messages(validateMrz([TD2[0], replaceAt(TD2[1], position, '1')].join('\n')))).toContain(`line 2, position ${position}: ${message}`);
  });

  it('a changed character in a guarded field breaks its check digit', () => {
    expect(messages(validateMrz(replaceAt(TD3[1], 1, 'M')))).toContain(
      `line 2, position 10: check digit of the document number is 6, expected ${mrzCheckDigit('M898902C3')}`,
    );
    expect(validateMrz(replaceAt(TD3[1], 14, '8')).errors.map((e) => e.field)).toEqual(['birthDate', 'composite']);
    expect(validateMrz(replaceAt(TD3[1], 27, '6')).errors.map((e) => e.field)).toEqual(['expiryDate', 'composite']);
    expect(validateMrz(replaceAt(TD3[1], 30, 'F')).errors.map((e) => e.field)).toEqual(['optionalData', 'composite']);
  });

  it('says when a check digit is not a digit at all', () => {
    expect(messages(validateMrz(replaceAt(TD3[1], 10, 'A')))).toContain("line 2, position 10: check digit of the document number is 'A', which is not a digit (expected 6)");
    expect(messages(validateMrz(replaceAt(TD3[1], 20, '<')))).toContain("line 2, position 20: check digit of the birth date is '<', which is not a digit (expected 2)");
  });
});

describe('validateMrz: malformed zones get a clear, located error', () => {
  it('refuses an empty value', () => {
    expect(validateMrz('')).toMatchObject({ valid: false, errors: [{ field: 'value', message: 'is empty' }] });
    expect(validateMrz(' \n ')).toMatchObject({ valid: false, errors: [{ field: 'value', message: 'is empty' }] });
  });

  it('refuses a line of the wrong length, naming the line', () => {
    expect(messages(validateMrz([TD3[0], TD3[1].slice(0, 43)].join('\n')))).toEqual(['line 2 has 43 characters; a TD3 line has 44']);
    expect(messages(validateMrz([TD1[0], TD1[1] + '<', TD1[2]].join('\n')))).toEqual(['line 2 has 31 characters; a TD1 line has 30']);
    expect(messages(validateMrz([TD3[0] + '<', TD3[1]].join('\n')))).toEqual(['line 1 has 45 characters; a TD3 line has 44']);
  });

  it('refuses a run-together value of no MRZ length', () => {
    expect(messages(validateMrz(TD3.join('').slice(1)))[0]).toMatch(/^is 87 characters on one line; an MRZ is 3 lines of 30/);
    expect(messages(validateMrz('P<UTO'))[0]).toMatch(/^is 5 characters on one line/);
  });

  it('refuses a wrong number of lines', () => {
    expect(messages(validateMrz([TD1[0], TD1[1]].join('\n')))).toEqual(['has 2 lines of 30 characters; a TD1 zone has 3']);
    expect(messages(validateMrz(TD1[0]))).toEqual(['one line of 30 characters was given; a TD1 zone has 3 lines of 30']);
    expect(messages(validateMrz([...TD1, TD1[2]].join('\n')))[0]).toMatch(/^has 4 lines/);
    expect(messages(validateMrz(['P<UTO', 'L898'].join('\n')))[0]).toMatch(/^has lines of 5 and 4 characters/);
  });

  it('refuses the first line alone: it has no number to check', () => {
    expect(messages(validateMrz(TD3[0]))[0]).toMatch(/^only the first line/);
  });

  it('refuses characters the standard forbids, each located', () => {
    const r = validateMrz([TD3[0], replaceAt(replaceAt(TD3[1], 3, '#'), 30, 'é')].join('\n'));
    expect(r.valid).toBe(false);
    expect(r.fields).toBeUndefined();
    expect(messages(r)).toEqual([
      "line 2, position 3: '#' is not allowed in an MRZ (only A-Z, 0-9 and <)",
      "line 2, position 30: 'é' is not allowed in an MRZ (only A-Z, 0-9 and <)",
    ]);
  });

  it('locates forbidden characters on the given lines even when the length is also wrong', () => {
    expect(messages(validateMrz('L898902C3-6UTO'))).toEqual([
      expect.stringMatching(/^is 14 characters/),
      "line 1, position 10: '-' is not allowed in an MRZ (only A-Z, 0-9 and <)",
    ]);
  });

  it('refuses a very long value before reading it', () => {
    expect(messages(validateMrz('<'.repeat(10_000)))).toEqual(['is 10000 characters long; at most 256 are read']);
  });

  it('refuses dates that are not dates, but not 29 February of a leap year', () => {
    expect(messages(validateMrz(replaceAt(replaceAt(TD3[1], 16, '1'), 17, '3')))).toContain('line 2, positions 14-19: birth date 741312 is not a date (month 13)');
    const feb30 = validateMrz(TD3[1].replace('740812', '740230'));
    expect(messages(feb30)).toContain('line 2, positions 14-19: birth date 740230 is not a date (day 30)');
    // 00 is a leap year in 2000; 29 February 1900 never was, but the two digits cannot say which century.
    expect(validateMrz(td3({ birthDate: '000229' })).valid).toBe(true);
    expect(validateMrz(td3({ birthDate: '960229' })).valid).toBe(true);
    expect(messages(validateMrz(td3({ birthDate: '010229' })))).toEqual(['line 2, positions 14-19: birth date 010229 is not a date (day 29)']);
    expect(messages(validateMrz(td3({ expiryDate: '300431' })))).toEqual(['line 2, positions 22-27: expiry date 300431 is not a date (day 31)']);
    expect(messages(validateMrz(td3({ expiryDate: '300400' })))).toEqual(['line 2, positions 22-27: expiry date 300400 is not a date (day 00)']);
  });

  it('accepts an unknown birth day as fillers, with a warning', () => {
    const r = validateMrz(td3({ birthDate: '7408<<' }));
    expect(r.valid).toBe(true);
    expect(r.fields?.birthDate).toBe('7408<<');
    expect(r.warnings.join()).toMatch(/birth date is partly unknown/);
  });

  it('refuses a sex other than F, M or <, and reads X with a warning', () => {
    expect(messages(validateMrz(replaceAt(TD3[1], 21, 'Q')))).toContain("line 2, position 21: sex 'Q' must be F, M or '<'");
    const unspecified = validateMrz(replaceAt(TD3[1], 21, '<'));
    expect(unspecified.fields?.sex).toBe('unspecified');
    expect(validateMrz(replaceAt(TD3[1], 21, 'X')).warnings.join()).toMatch(/sex 'X' is written '<'/);
  });

  it('refuses digits in state codes and names', () => {
    expect(messages(validateMrz(replaceAt(TD3[1], 12, '1')))).toContain("line 2, positions 11-13: nationality 'U1O' must be letters (a three-letter code, '<'-filled)");
    expect(messages(validateMrz([replaceAt(TD3[0], 4, '7'), TD3[1]].join('\n')))).toContain("line 1, positions 3-5: issuing state 'U7O' must be letters (a three-letter code, '<'-filled)");
    expect(messages(validateMrz([replaceAt(TD3[0], 8, '1'), TD3[1]].join('\n')))).toContain("line 1, position 8: a name has no digits ('1')");
  });

  it('warns about an unusual document code and a name that fills its field', () => {
    expect(validateMrz([replaceAt(TD3[0], 1, 'X'), TD3[1]].join('\n')).warnings.join()).toMatch(/does not start with P/);
    const full = validateMrz(['P<UTO' + 'ERIKSSON<<ANNA<MARIA<' + 'X'.repeat(18), TD3[1]].join('\n'));
    expect(full.warnings.join()).toMatch(/may have been truncated/);
  });
});

describe('validateMrz: variants the standard allows', () => {
  it('reads a German-style one-letter state code', () => {
    const r = validateMrz(['P<D<<MUSTERMANN<<ERIKA<<<<<<<<<<<<<<<<<<<<<<', TD3[1]].join('\n'));
    expect(r.fields?.issuingState).toBe('D');
  });

  it('accepts filler or 0 as the check digit of empty optional data', () => {
    const [line1, line2] = composeMrz('TD3', { ...ANNA, optionalData: '' });
    expect(line2[42]).toBe('<');
    // The composite is the same for both: '<' and '0' both count 0.
    for (const optionalCheck of ['<', '0']) {
      const r = validateMrz([line1, replaceAt(line2, 43, optionalCheck)].join('\n'));
      expect(r.valid, optionalCheck).toBe(true);
      expect(r.fields?.optionalData).toBe('');
    }
    expect(messages(validateMrz([line1, replaceAt(line2, 43, '1')].join('\n')))).toContain('line 2, position 43: check digit of the optional data is 1, expected 0');
  });

  it('reads a TD1 document number longer than nine characters from the optional data', () => {
    // Part 5, note j: '<' in position 15, the rest of the number in the optional data, then its check digit.
    const check = mrzCheckDigit('D23145890AB12');
    const line1 = `I<UTOD23145890<AB12${check}<OPT<<<<<<`;
    const line2 = '7408122F1204159UTO<<<<<<<<<<<';
    const lines = [line1, line2 + mrzCheckDigit(line1.slice(5) + line2.slice(0, 7) + line2.slice(8, 15) + line2.slice(18)), TD1[2]];
    const r = validateMrz(lines.join('\n'));
    expect(r.errors).toEqual([]);
    expect(r.fields).toMatchObject({ documentNumber: 'D23145890AB12', documentNumberCheck: { value: check, holds: true }, optionalData: 'OPT' });
    const wrong = String((Number(check) + 1) % 10);
    expect(messages(validateMrz([replaceAt(line1, 20, wrong), ...lines.slice(1)].join('\n')))).toContain(
      `line 1, position 20: check digit of the document number is ${wrong}, expected ${check}`,
    );
  });

  it('reads a machine-readable visa (MRV-A, after the Part 7 specimen), which has no composite check digit', () => {
    const r = validateMrz(['V<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<', 'L8988901C4XXX4009078F9612109<<<<<<<<<<<<<<<<'].join('\n'));
    expect(r.fields?.format).toBe('MRV-A');
    expect(r.fields?.compositeCheck).toBeUndefined();
    expect(r.fields?.optionalDataCheck).toBeUndefined();
    expect(r.fields).toMatchObject({ documentNumber: 'L8988901C', nationality: 'XXX', birthDate: '400907', expiryDate: '961210' });
    expect(r.valid).toBe(true);
  });

  it('folds the normalised zone for OCR confusions', () => {
    expect(validateMrz(TD3.join('\n')).folded).toBe('P<UT0ER1K550N<<ANNA<MAR1A<<<<<<<<<<<<<<<<<<<\nL898902C36UT07408122F12041592E1842268<<<<<10');
  });
});
