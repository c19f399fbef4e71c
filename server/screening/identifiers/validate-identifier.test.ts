import { describe, expect, it } from 'vitest';
import { foldKey, IDENTIFIER_KINDS, normaliseKey, validateIdentifier } from './index.ts';

describe('validateIdentifier', () => {
  it('dispatches each kind to its rules', () => {
    expect(validateIdentifier('mrz', 'L898902C36UTO7408122F1204159ZE184226B<<<<<10')).toMatchObject({ kind: 'mrz', valid: true, fields: { format: 'TD3' } });
    expect(validateIdentifier('vin', '1G4AH59H45G118341')).toMatchObject({ kind: 'vin', valid: true, fields: { wmi: '1G4' } });
    expect(validateIdentifier('container', 'CSQU3054383')).toMatchObject({ kind: 'container', valid: true });
    expect(validateIdentifier('imo', 'IMO 9074729')).toMatchObject({ kind: 'imo', valid: true, fields: { type: 'ship' } });
    expect(validateIdentifier('firearm_serial', '369J257')).toMatchObject({ kind: 'firearm_serial', valid: true, fields: { ncicMatchKey: '369257' } });
    expect(validateIdentifier('document_number', 'L898902C3')).toMatchObject({ kind: 'document_number', valid: true });
  });

  it('answers the same value differently by kind', () => {
    expect(validateIdentifier('container', '1G4AH59H45G118341').valid).toBe(false);
    expect(validateIdentifier('vin', 'CSQU3054383').valid).toBe(false);
  });

  it('gives folded = foldKey(normalised) for every kind', () => {
    const samples = { mrz: 'L898902C36UTO7408122F1204159ZE184226B<<<<<10', vin: '1g4ah59h45g118341', container: 'csqu 305438 3', imo: 'IMO 9074729', firearm_serial: 'bs-12o', document_number: 'l898 902c3' };
    for (const kind of IDENTIFIER_KINDS) {
      const r = validateIdentifier(kind, samples[kind]);
      expect(r.folded, kind).toBe(foldKey(r.normalised));
    }
  });
});

describe('normaliseKey', () => {
  it('is the normalised key validation gives, for valid values', () => {
    expect(normaliseKey('vin', ' 1g4-ah59h45g118341 ')).toBe('1G4AH59H45G118341');
    expect(normaliseKey('container', 'csqu 305438 3')).toBe('CSQU3054383');
    expect(normaliseKey('imo', 'IMO 9074729')).toBe('9074729');
    expect(normaliseKey('firearm_serial', 'ab-o12')).toBe('AB012');
    expect(normaliseKey('document_number', 'l898-902<c3')).toBe('L898902C3');
    expect(normaliseKey('mrz', 'p<utoeriksson<<anna<maria<<<<<<<<<<<<<<<<<<<l898902c36uto7408122f1204159ze184226b<<<<<10')).toBe(
      'P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<\nL898902C36UTO7408122F1204159ZE184226B<<<<<10',
    );
  });

  it('is lenient: values the standard refuses still get a key to search with', () => {
    expect(normaliseKey('vin', '1g4ah59h4')).toBe('1G4AH59H4');
    expect(normaliseKey('container', 'CSQU30543')).toBe('CSQU30543');
    expect(normaliseKey('document_number', '')).toBe('');
    expect(normaliseKey('firearm_serial', '   ')).toBe('');
    expect(normaliseKey('vin', 'x'.repeat(10_000))).toBe('');
  });
});

describe('never throws', () => {
  // Characters from every corner that matter: ASCII, separators, look-alikes, full-width, accents, emoji, lone surrogates.
  const alphabet = ['A', 'z', 'O', '0', '9', '<', ' ', '-', '\n', '#', '\u0410', '\uFF21', '\u00E9', '\u0301', '\u{1F600}', '\uD800', '\u00A0', '\t'];
  let seed = 7;
  const random = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);

  it('on 1,000 random strings of every kind, and valid always means no errors', () => {
    for (let n = 0; n < 1000; n++) {
      const length = Math.floor(random() * 100);
      const value = Array.from({ length }, () => alphabet[Math.floor(random() * alphabet.length)]).join('');
      for (const kind of IDENTIFIER_KINDS) {
        const r = validateIdentifier(kind, value);
        expect(r.valid).toBe(r.errors.length === 0);
        expect(() => normaliseKey(kind, value)).not.toThrow();
      }
    }
  });
});
