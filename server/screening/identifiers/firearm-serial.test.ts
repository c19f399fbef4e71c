import { describe, expect, it } from 'vitest';
import { firearmSerialMatchKey, validateFirearmSerial } from './firearm-serial.ts';

const messages = (r: { errors: { message: string }[] }) => r.errors.map((e) => e.message);

describe('validateFirearmSerial (NCIC serial-number practice)', () => {
  it('strips spaces, hyphens and symbols and upper-cases', () => {
    for (const input of ['ab-123 456', 'AB 123/456', 'ab.123#456', '(AB) 123-456', 'AB_123_456'])
      expect(validateFirearmSerial(input), input).toMatchObject({ kind: 'firearm_serial', valid: true, normalised: 'AB123456' });
  });

  it('reads the letter O as zero, as NCIC converts it, with a warning', () => {
    const r = validateFirearmSerial('O12 3O4');
    expect(r).toMatchObject({ valid: true, normalised: '012304' });
    expect(r.warnings).toContain('the letter O was read as the digit 0');
    expect(validateFirearmSerial('o1234').normalised).toBe('01234');
    expect(validateFirearmSerial('\u041E1234').normalised).toBe('01234'); // a Cyrillic О too
    expect(validateFirearmSerial('123456').warnings).toEqual([]);
  });

  it('keys matching on the serial without embedded letters: 369J257 meets 369257 and 369M257', () => {
    // The NCIC example: an inquiry on 369J257 retrieves records 369257, 369M257 and 369J257.
    const keys = ['369J257', '369257', '369M257', '369 j-257'].map((s) => validateFirearmSerial(s).fields?.ncicMatchKey);
    expect(new Set(keys)).toEqual(new Set(['369257']));
  });

  it('keeps prefix and suffix letters in the match key, and drops every letter run between digits', () => {
    expect(firearmSerialMatchKey('AB369257')).toBe('AB369257');
    expect(firearmSerialMatchKey('369257XY')).toBe('369257XY');
    expect(firearmSerialMatchKey('A12BC34D')).toBe('A1234D');
    expect(firearmSerialMatchKey('1A2B3C4')).toBe('1234');
    expect(firearmSerialMatchKey('ABC')).toBe('ABC');
    // O is zero before the embedded-letter rule applies, so "12O34" keeps its zero.
    expect(validateFirearmSerial('12O34').fields?.ncicMatchKey).toBe('12034');
  });

  it('refuses what NCIC reads as "serial not known": zeros only, letters only, a single letter', () => {
    expect(messages(validateFirearmSerial('0'))).toEqual(['is only zeros, which says the serial number is not known']);
    expect(messages(validateFirearmSerial('000-000'))).toEqual(['is only zeros, which says the serial number is not known']);
    expect(messages(validateFirearmSerial('OOO'))).toEqual(['is only zeros, which says the serial number is not known']);
    expect(messages(validateFirearmSerial('UNK'))).toEqual(['is only letters, which says the serial number is not known']);
    expect(messages(validateFirearmSerial('X'))).toEqual(['is only letters, which says the serial number is not known']);
  });

  it('refuses empty, symbol-only and over-long serials', () => {
    expect(messages(validateFirearmSerial(''))).toEqual(['is empty']);
    expect(messages(validateFirearmSerial('--- ///'))).toEqual(['has no letters or digits']);
    expect(messages(validateFirearmSerial('1'.repeat(21)))).toEqual(['has 21 letters and digits; a serial number has at most 20 (NCIC SER field)']);
    expect(validateFirearmSerial('1'.repeat(20)).valid).toBe(true);
    expect(messages(validateFirearmSerial('1'.repeat(5000)))).toEqual(['is 5000 characters long; at most 256 are read']);
  });

  it('refuses letters outside A-Z rather than drop them', () => {
    expect(messages(validateFirearmSerial('12\u00C934'))).toEqual(["'\u00C9' is not allowed; a serial number is written with the letters A-Z and digits"]);
    expect(messages(validateFirearmSerial('12\u044F34'))).toEqual(["'\u044F' is not allowed; a serial number is written with the letters A-Z and digits"]);
  });

  it('folds the remaining OCR confusions for searching', () => {
    expect(validateFirearmSerial('BS-1Z').folded).toBe('8512');
    expect(validateFirearmSerial('8512').folded).toBe('8512');
  });
});
