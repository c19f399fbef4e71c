import { describe, expect, it } from 'vitest';
import { mrzCharacterValue, mrzCheckDigit } from './mrz-check-digit.ts';

describe('mrzCheckDigit (Doc 9303 Part 3, 4.9)', () => {
  it('gives the check digits of the Part 4 specimen passport', () => {
    expect(mrzCheckDigit('L898902C3')).toBe('6'); // document number
    expect(mrzCheckDigit('740812')).toBe('2'); // birth date
    expect(mrzCheckDigit('120415')).toBe('9'); // expiry date
    expect(mrzCheckDigit('ZE184226B<<<<<')).toBe('1'); // optional data
    expect(mrzCheckDigit('L898902C36' + '7408122' + '1204159ZE184226B<<<<<1')).toBe('0'); // composite
  });

  it('gives the check digit of the Part 5 and 6 specimen document number', () => {
    expect(mrzCheckDigit('D23145890')).toBe('7');
  });

  it('values < as 0, digits as themselves and A-Z as 10-35', () => {
    expect(mrzCharacterValue('<')).toBe(0);
    expect(mrzCharacterValue('7')).toBe(7);
    expect(mrzCharacterValue('A')).toBe(10);
    expect(mrzCharacterValue('Z')).toBe(35);
    expect(mrzCheckDigit('')).toBe('0');
    expect(mrzCheckDigit('<<<<<<<<<')).toBe('0');
  });

  it('refuses characters outside the MRZ set rather than guess', () => {
    expect(() => mrzCheckDigit('a')).toThrow(RangeError);
    expect(() => mrzCheckDigit('#')).toThrow(RangeError);
  });
});
