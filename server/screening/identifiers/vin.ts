import { checkDigit, type CheckDigit, type IdentifierIssue, type IdentifierResult } from './identifier-result.ts';
import { foldKey } from './ocr-fold.ts';
import { forbiddenCharacters, readInput, SPACES_AND_DASHES } from './read-input.ts';

export interface VinFields {
  /** World manufacturer identifier, positions 1-3 (ISO 3780); a '9' in position 3 means a small maker, completed by positions 12-14. */
  wmi: string;
  /** Vehicle descriptor section, positions 4-9. */
  vds: string;
  /** Vehicle indicator section, positions 10-17. */
  vis: string;
  /** Position 9 under the North-American rule (49 CFR 565); European VINs need not carry one. */
  checkDigit: CheckDigit;
  modelYearCode: string;
  /** The years the code can mean (it repeats every 30 years); empty when position 10 is not a year code. */
  modelYears: number[];
}

const VIN_LENGTH = 17;

/** 49 CFR 565.15: the values letters take in the check-digit sum (I, O and Q never occur). */
const TRANSLITERATION: Readonly<Record<string, number>> = {
  A: 1, B: 2, C: 3, D: 4, E: 5, F: 6, G: 7, H: 8,
  J: 1, K: 2, L: 3, M: 4, N: 5, P: 7, R: 9,
  S: 2, T: 3, U: 4, V: 5, W: 6, X: 7, Y: 8, Z: 9,
};
/** Position 9 carries the check digit itself, hence its weight 0. */
const WEIGHTS = [8, 7, 6, 5, 4, 3, 2, 10, 0, 9, 8, 7, 6, 5, 4, 3, 2] as const;

/**
 * Model-year codes in order from 1980: letters without I, O, Q, U, Z (and the digit 0), then 1-9 for
 * 2001-2009; the cycle then starts again at A for 2010.
 */
const MODEL_YEAR_CODES = 'ABCDEFGHJKLMNPRSTVWXY123456789';

const vinValue = (c: string) => (c >= '0' && c <= '9' ? Number(c) : TRANSLITERATION[c]);

/** The North-American check digit ('0'-'9' or 'X') of a 17-character VIN of allowed characters. */
export function vinCheckDigit(vin: string): string {
  let sum = 0;
  for (let i = 0; i < VIN_LENGTH; i++) sum += vinValue(vin[i]) * WEIGHTS[i];
  const remainder = sum % 11;
  return remainder === 10 ? 'X' : String(remainder);
}

export function modelYearsOf(code: string): number[] {
  const i = MODEL_YEAR_CODES.indexOf(code);
  return i < 0 ? [] : [1980 + i, 2010 + i];
}

/** Upper-case, without spaces, dashes and the asterisks that frame a VIN on titles and in barcodes. */
export function normaliseVin(raw: string): string {
  return readInput(raw).text.replace(SPACES_AND_DASHES, '').replace(/[*.]/g, '');
}

/** ISO 3779: 17 characters from 0-9 and A-Z without I, O and Q. A wrong check digit warns, never refuses. */
export function validateVin(raw: string): IdentifierResult<VinFields> {
  const input = readInput(raw);
  const normalised = input.errors.length ? '' : normaliseVin(raw);
  const base = { kind: 'vin' as const, normalised, folded: foldKey(normalised), warnings: input.warnings };
  const errors: IdentifierIssue[] = [...input.errors];
  if (!errors.length) errors.push(...vinCharacterErrors(normalised));
  if (!input.errors.length && normalised.length !== VIN_LENGTH)
    errors.push({ field: 'value', message: `has ${normalised.length} characters; a VIN (ISO 3779) has ${VIN_LENGTH}` });
  if (errors.length) return { ...base, valid: false, errors };

  const warnings = [...input.warnings];
  const written = normalised[8];
  const check = checkDigit(written, vinCheckDigit(normalised));
  if (!check.holds)
    warnings.push(
      /^[0-9X]$/.test(written)
        ? `position 9: check digit is ${written}, expected ${check.expected} (North-American VINs carry one; others need not)`
        : `position 9: '${written}' is not a check digit, expected ${check.expected} (North-American VINs carry one; others need not)`,
    );
  const modelYearCode = normalised[9];
  const modelYears = modelYearsOf(modelYearCode);
  if (!modelYears.length) warnings.push(`position 10: '${modelYearCode}' is not a model-year code`);
  const fields: VinFields = { wmi: normalised.slice(0, 3), vds: normalised.slice(3, 9), vis: normalised.slice(9), checkDigit: check, modelYearCode, modelYears };
  return { ...base, valid: true, fields, warnings, errors };
}

function vinCharacterErrors(vin: string): IdentifierIssue[] {
  const errors: IdentifierIssue[] = [];
  [...vin].forEach((c, i) => {
    // ISO 3779 leaves out I, O and Q because they are read as 1 and 0; say which digit was probably meant.
    if (c === 'I' || c === 'O' || c === 'Q')
      errors.push({ field: 'value', message: `position ${i + 1}: the letter ${c} is not used in a VIN (ISO 3779); did you mean ${c === 'I' ? 1 : 0}?` });
  });
  return [...errors, ...forbiddenCharacters(vin, /^[A-Z0-9]$/, 'a VIN has only 0-9 and A-Z')].slice(0, 5);
}
