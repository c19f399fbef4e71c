import { describe, expect, it } from 'vitest';
import { imoCompanyCheckDigit, imoShipCheckDigit, validateImo } from './imo.ts';

const messages = (r: { errors: { message: string }[] }) => r.errors.map((e) => e.message);

describe('validateImo: ship numbers (IMO Resolution A.600(15))', () => {
  it('reads IMO 9074729, the worked example: 9×7 + 0×6 + 7×5 + 4×4 + 7×3 + 2×2 = 139', () => {
    expect(imoShipCheckDigit('907472')).toBe('9');
    const r = validateImo('IMO 9074729');
    expect(r).toMatchObject({ kind: 'imo', valid: true, normalised: '9074729', errors: [] });
    expect(r.fields).toMatchObject({ number: '9074729', type: 'ship', shipCheck: { holds: true }, companyCheck: { holds: false } });
  });

  it('reads other published ship numbers', () => {
    for (const n of ['7625811', '9176187']) expect(validateImo(`IMO${n}`).fields?.type, n).toBe('ship');
  });

  it('has blind spots of its own: 7605811 differs from 7625811 in one digit and is valid too', () => {
    // Weight 5 times a change of 2 adds 10, which the last digit of the sum cannot see.
    expect(validateImo('IMO 7605811').valid).toBe(true);
  });

  it('refuses every wrong check digit that no company number explains either', () => {
    for (const digit of '012345678') {
      const r = validateImo(`IMO 907472${digit}`);
      if (digit === '2') {
        expect(r.fields?.type).toBe('company'); // 9074722 happens to be a valid company number
        continue;
      }
      expect(r.valid, digit).toBe(false);
      expect(messages(r)).toEqual([`position 7: check digit is ${digit}; a ship number would end in 9, a company number in 2`]);
    }
  });
});

describe('validateImo: company and registered-owner numbers (IMO Resolution MSC.160(78))', () => {
  it('reads 2041999, the worked example: (11 - 178 mod 11) mod 10 = 9', () => {
    expect(imoCompanyCheckDigit('204199')).toBe('9');
    expect(validateImo('2041999').fields).toMatchObject({ type: 'company', shipCheck: { holds: false }, companyCheck: { holds: true } });
  });

  it('takes 11 less the remainder, so remainders 0 and 10 both give 1 and remainder 1 gives 0', () => {
    expect(imoCompanyCheckDigit('000001')).toBe('4'); // 1 × 7 = 7; 11 - 7 = 4
    expect(imoCompanyCheckDigit('000010')).toBe('2'); // 1 × 9 = 9; 11 - 9 = 2
    expect(imoCompanyCheckDigit('100000')).toBe('3'); // 1 × 8 = 8; 11 - 8 = 3
    expect(imoCompanyCheckDigit('000034')).toBe('1'); // 27 + 28 = 55, remainder 0; 11 mod 10 = 1
    expect(imoCompanyCheckDigit('000060')).toBe('1'); // 54, remainder 10; 1
    expect(imoCompanyCheckDigit('000050')).toBe('0'); // 45, remainder 1; 10 mod 10 = 0
  });

  it('says when a number passes both checks', () => {
    // About one number in ten passes both; take the first from a run of candidates.
    const both = Array.from({ length: 1000 }, (_, i) => String(1000000 + i * 7)).find((n) => {
      const six = n.slice(0, 6);
      return imoShipCheckDigit(six) === imoCompanyCheckDigit(six);
    })!;
    const six = both.slice(0, 6);
    const r = validateImo(six + imoShipCheckDigit(six));
    expect(r.fields?.type).toBe('ship or company');
    expect(r.warnings).toEqual(['passes both the ship and the company check: whether it names a ship or a company cannot be told from the number']);
  });
});

describe('validateImo: form', () => {
  it('normalises the prefix, case, spaces and dashes away', () => {
    for (const input of ['IMO 9074729', 'imo9074729', 'IMO: 9074729', 'IMO No. 9074729', '907-4729', ' 9074729 ', 'IMO\u00A09074729'])
      expect(validateImo(input), input).toMatchObject({ valid: true, normalised: '9074729' });
  });

  it('refuses wrong lengths, letters, zeros and empty input', () => {
    expect(messages(validateImo('IMO 907472'))).toEqual(['has 6 digits; an IMO number has 7']);
    expect(messages(validateImo('IMO 90747290'))).toEqual(['has 8 digits; an IMO number has 7']);
    expect(messages(validateImo('IMO 9O74729'))).toEqual([`position 2: 'O' is not allowed (an IMO number is "IMO" and seven digits)`]);
    expect(messages(validateImo('0000000'))).toEqual(['is all zeros, which IMO never assigns']);
    expect(messages(validateImo(''))).toEqual(['is empty']);
    expect(messages(validateImo('IMO'))).toEqual(['has 0 digits; an IMO number has 7']);
    expect(messages(validateImo('9'.repeat(257)))).toEqual(['is 257 characters long; at most 256 are read']);
  });

  it('reads full-width digits with a warning', () => {
    const r = validateImo('IMO \uFF19\uFF10\uFF17\uFF14\uFF17\uFF12\uFF19');
    expect(r).toMatchObject({ valid: true, normalised: '9074729' });
    expect(r.warnings[0]).toMatch(/full-width/);
  });
});
