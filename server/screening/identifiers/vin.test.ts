import { describe, expect, it } from 'vitest';
import { modelYearsOf, validateVin, vinCheckDigit } from './vin.ts';

const messages = (r: { errors: { message: string }[] }) => r.errors.map((e) => e.message);

describe('validateVin (ISO 3779, check digit of 49 CFR 565)', () => {
  it('reads the VIN of the issue, 1G4AH59H45G118341', () => {
    const r = validateVin('1G4AH59H45G118341');
    expect(r).toMatchObject({ kind: 'vin', valid: true, normalised: '1G4AH59H45G118341', warnings: [], errors: [] });
    expect(r.fields).toEqual({
      wmi: '1G4',
      vds: 'AH59H4',
      vis: '5G118341',
      checkDigit: { value: '4', expected: '4', holds: true },
      modelYearCode: '5',
      modelYears: [2005, 2035],
    });
  });

  it('computes the check digit X (remainder 10) and the all-ones VIN', () => {
    // 1M8GDM9AXKP042788 is the worked example of the North-American rule; 11111111111111111 sums to 89 = 8 × 11 + 1.
    expect(vinCheckDigit('1M8GDM9AXKP042788')).toBe('X');
    expect(validateVin('1M8GDM9AXKP042788').fields).toMatchObject({ checkDigit: { holds: true }, modelYears: [1989, 2019] });
    expect(validateVin('11111111111111111').fields?.checkDigit.holds).toBe(true);
  });

  it('only warns when position 9 is wrong, for every wrong digit and a letter: European VINs carry none', () => {
    for (const c of '012356789XA') {
      const vin = `1G4AH59H${c}5G118341`;
      const r = validateVin(vin);
      expect(r.valid, c).toBe(true);
      expect(r.errors).toEqual([]);
      expect(r.fields?.checkDigit).toEqual({ value: c, expected: '4', holds: false });
      expect(r.warnings[0]).toMatch(/^position 9: /);
      expect(r.warnings[0]).toMatch(/expected 4 \(North-American VINs carry one; others need not\)$/);
    }
    // A European VIN (Volkswagen, WVW): a letter in position 9 and the check digit not kept.
    expect(validateVin('WVWZZZ1JZXW000001')).toMatchObject({ valid: true, errors: [] });
  });

  it('a changed character is caught by the check digit (as a warning)', () => {
    const vin = '1G4AH59H45G118341';
    for (let i = 0; i < 17; i++) {
      if (i === 8) continue;
      const changed = vin.slice(0, i) + (vin[i] === '2' ? '3' : '2') + vin.slice(i + 1);
      expect(validateVin(changed).fields?.checkDigit.holds, `position ${i + 1}`).toBe(false);
    }
  });

  it('refuses I, O and Q, suggesting the digit meant', () => {
    const r = validateVin('1G4AH59H45GO18341');
    expect(r.valid).toBe(false);
    expect(messages(r)).toEqual(['position 12: the letter O is not used in a VIN (ISO 3779); did you mean 0?']);
    expect(messages(validateVin('IG4AH59H45G118341'))).toEqual(['position 1: the letter I is not used in a VIN (ISO 3779); did you mean 1?']);
    expect(messages(validateVin('1G4AH59H45G11834Q'))[0]).toMatch(/^position 17: the letter Q/);
    // The folded key still matches the VIN with the digit, so a search finds it either way.
    expect(validateVin('1G4AH59H45GO18341').folded).toBe(validateVin('1G4AH59H45G018341').folded);
  });

  it('refuses other characters and wrong lengths', () => {
    expect(messages(validateVin('1G4AH59H45G11834#'))).toEqual(["position 17: '#' is not allowed (a VIN has only 0-9 and A-Z)"]);
    expect(messages(validateVin('1G4AH59H45G11834'))).toEqual(['has 16 characters; a VIN (ISO 3779) has 17']);
    expect(messages(validateVin('1G4AH59H45G1183411'))).toEqual(['has 18 characters; a VIN (ISO 3779) has 17']);
    expect(messages(validateVin(''))).toEqual(['is empty']);
    expect(messages(validateVin('   '))).toEqual(['is empty']);
    expect(messages(validateVin('1'.repeat(300)))).toEqual(['is 300 characters long; at most 256 are read']);
  });

  it('normalises lower case, spaces, dashes and the asterisks that frame a VIN', () => {
    for (const input of ['1g4ah59h45g118341', ' 1G4 AH59H4 5G118341 ', '1G4-AH59H4-5G118341', '*1G4AH59H45G118341*'])
      expect(validateVin(input), input).toMatchObject({ valid: true, normalised: '1G4AH59H45G118341' });
  });

  it('reads Cyrillic and full-width look-alikes as Latin, with a warning', () => {
    const cyrillic = validateVin('1G4\u0410H59H45G118341');
    expect(cyrillic).toMatchObject({ valid: true, normalised: '1G4AH59H45G118341' });
    expect(cyrillic.warnings[0]).toMatch(/\(U\+0410\) at position 4 as A/);
    const wide = validateVin('\uFF11\uFF27\uFF14AH59H45G118341');
    expect(wide).toMatchObject({ valid: true, normalised: '1G4AH59H45G118341' });
    expect(wide.warnings[0]).toMatch(/full-width/);
  });

  it('refuses other non-Latin letters', () => {
    expect(messages(validateVin('1G4\u0416H59H45G118341'))).toEqual(["position 4: '\u0416' is not allowed (a VIN has only 0-9 and A-Z)"]);
  });

  it('decodes model-year codes, which repeat every 30 years, and warns on a code that is none', () => {
    expect(modelYearsOf('A')).toEqual([1980, 2010]);
    expect(modelYearsOf('Y')).toEqual([2000, 2030]);
    expect(modelYearsOf('1')).toEqual([2001, 2031]);
    expect(modelYearsOf('9')).toEqual([2009, 2039]);
    expect(modelYearsOf('R')).toEqual([1994, 2024]);
    for (const none of ['0', 'U', 'Z']) expect(modelYearsOf(none)).toEqual([]);
    const r = validateVin('WVWZZZ1JZZW000001');
    expect(r.fields?.modelYears).toEqual([]);
    expect(r.warnings).toContain("position 10: 'Z' is not a model-year code");
  });
});
