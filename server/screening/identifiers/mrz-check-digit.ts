/**
 * The ICAO Doc 9303 (Part 3, 4.9) check digit: each character's value ('<' = 0, '0'–'9' = 0–9,
 * 'A'–'Z' = 10–35) is multiplied by the repeating weights 7, 3, 1; the check digit is the sum modulo 10.
 * Shared by the MRZ and by travel document numbers, which carry the same check digit in the MRZ.
 */
const WEIGHTS = [7, 3, 1] as const;

export function mrzCharacterValue(c: string): number {
  if (c === '<') return 0;
  const code = c.charCodeAt(0);
  if (c.length === 1 && code >= 48 && code <= 57) return code - 48;
  if (c.length === 1 && code >= 65 && code <= 90) return code - 55;
  throw new RangeError(`'${c}' is not an MRZ character`);
}

/** The check digit ('0'–'9') of MRZ characters; throws on a character outside A–Z, 0–9 and '<'. */
export function mrzCheckDigit(characters: string): string {
  let sum = 0;
  for (let i = 0; i < characters.length; i++) sum += mrzCharacterValue(characters[i]) * WEIGHTS[i % 3];
  return String(sum % 10);
}
