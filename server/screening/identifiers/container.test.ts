import { describe, expect, it } from 'vitest';
import { containerCheckDigit, validateContainer } from './container.ts';

const messages = (r: { errors: { message: string }[] }) => r.errors.map((e) => e.message);

describe('validateContainer (ISO 6346)', () => {
  it('reads the number of the issue, CSQU3054383', () => {
    const r = validateContainer('CSQU3054383');
    expect(r).toMatchObject({ kind: 'container', valid: true, normalised: 'CSQU3054383', folded: 'C5QU3054383', warnings: [], errors: [] });
    expect(r.fields).toEqual({
      ownerCode: 'CSQ',
      categoryIdentifier: 'U',
      category: 'freight container',
      serialNumber: '305438',
      checkDigit: { value: '3', expected: '3', holds: true },
    });
  });

  it('computes the check digits of published examples', () => {
    expect(containerCheckDigit('CSQU305438')).toBe('3');
    // MWCU605978: the letter values 24, 35, 13, 32 with weights 1, 2, 4, 8 … sum to 7858, and 7858 mod 11 = 4.
    expect(containerCheckDigit('MWCU605978')).toBe('4');
  });

  it('values letters from A = 10, skipping 11, 22 and 33', () => {
    // Only the owner code's first letter changes; its weight is 1, so the check digit moves by the letter value.
    const values: Record<string, number> = { A: 10, K: 21, L: 23, U: 32, V: 34, Z: 38 };
    const base = Number(containerCheckDigit('ASQU305438'));
    for (const [letter, value] of Object.entries(values)) {
      const remainder = (((base - 10 + value) % 11) + 11) % 11;
      expect(containerCheckDigit(`${letter}SQU305438`), letter).toBe(String(remainder % 10));
    }
  });

  it('refuses every wrong check digit, naming the right one', () => {
    for (const digit of '012456789') {
      const r = validateContainer(`CSQU305438${digit}`);
      expect(r.valid).toBe(false);
      expect(messages(r)).toEqual([`position 11: check digit is ${digit}, expected 3`]);
      expect(r.fields?.checkDigit).toEqual({ value: digit, expected: '3', holds: false });
    }
  });

  it('catches any changed digit of the serial number', () => {
    const number = 'CSQU3054383';
    for (let i = 4; i < 10; i++) {
      const changed = number.slice(0, i) + (number[i] === '1' ? '2' : '1') + number.slice(i + 1);
      expect(validateContainer(changed).valid, changed).toBe(false);
    }
  });

  it('says what the missing check digit would be', () => {
    expect(messages(validateContainer('CSQU305438'))).toEqual(['the check digit is missing (it would be 3)']);
  });

  it('refuses each part that breaks the format, located', () => {
    expect(messages(validateContainer('C5QU3054383'))).toEqual(["position 2: '5' is not a letter; the owner code is three letters"]);
    expect(messages(validateContainer('CSQX3054383'))).toEqual([
      "position 4: 'X' is not a category identifier (U freight container, J detachable equipment, Z trailer or chassis)",
    ]);
    expect(messages(validateContainer('CSQU30S4383'))).toEqual(["position 7: 'S' is not a digit; the serial number is six digits"]);
    expect(messages(validateContainer('CSQU305438X'))).toEqual(["position 11: 'X' is not a digit"]);
    expect(messages(validateContainer('CSQU30543833'))).toEqual(['has 12 characters; a container number (ISO 6346) has 11']);
    expect(messages(validateContainer('CSQU'))).toEqual(['has 4 characters; a container number (ISO 6346) has 11']);
    expect(messages(validateContainer('CSQU305#383'))).toEqual(["position 8: '#' is not a digit; the serial number is six digits"]);
    expect(messages(validateContainer(''))).toEqual(['is empty']);
    expect(messages(validateContainer('C'.repeat(1000)))).toEqual(['is 1000 characters long; at most 256 are read']);
  });

  it('reads J and Z equipment', () => {
    const j = `ABCJ123456${containerCheckDigit('ABCJ123456')}`;
    expect(validateContainer(j).fields).toMatchObject({ categoryIdentifier: 'J', category: 'detachable freight-container-related equipment' });
    const z = `ABCZ123456${containerCheckDigit('ABCZ123456')}`;
    expect(validateContainer(z).fields).toMatchObject({ categoryIdentifier: 'Z', category: 'trailer or chassis' });
  });

  it('normalises lower case, spaces, dashes and the box drawn around the check digit', () => {
    for (const input of ['csqu3054383', 'CSQU 305438 3', 'CSQU-305438-3', 'CSQU 305438 [3]', 'CSQU 305438 (3)'])
      expect(validateContainer(input), input).toMatchObject({ valid: true, normalised: 'CSQU3054383' });
  });

  it('reads a Cyrillic owner code as Latin, with a warning', () => {
    const r = validateContainer('\u0421SQU3054383');
    expect(r).toMatchObject({ valid: true, normalised: 'CSQU3054383' });
    expect(r.warnings[0]).toMatch(/Cyrillic or Greek/);
  });

  it('warns about a check digit 0 that comes from a remainder of 10', () => {
    // Find a serial whose remainder is 10 by trying serials in order; ISO 6346 advises owners not to use them.
    const serial = Array.from({ length: 100 }, (_, i) => `CSQU${String(i).padStart(6, '0')}`).find((s) => {
      const r = validateContainer(`${s}0`);
      return r.valid && r.warnings.length > 0;
    });
    expect(serial).toBeDefined();
    expect(validateContainer(`${serial}0`).warnings).toEqual(['the check digit is 0 from a remainder of 10, which ISO 6346 advises owners not to assign']);
  });
});
