import { checkDigit, type CheckDigit, type IdentifierIssue, type IdentifierResult } from './identifier-result.ts';
import { foldKey } from './ocr-fold.ts';
import { readInput, SPACES_AND_DASHES } from './read-input.ts';

export interface ContainerFields {
  /** Three letters registered with the BIC. */
  ownerCode: string;
  categoryIdentifier: 'U' | 'J' | 'Z';
  category: string;
  serialNumber: string;
  checkDigit: CheckDigit;
}

const CATEGORIES = {
  U: 'freight container',
  J: 'detachable freight-container-related equipment',
  Z: 'trailer or chassis',
} as const;

/**
 * ISO 6346 letter values: A = 10 upwards, skipping 11, 22 and 33 (multiples of the modulus, which would
 * make a letter worth nothing in the sum).
 */
function letterValue(c: string): number {
  let value = 10 + (c.charCodeAt(0) - 65);
  for (const skipped of [11, 22, 33]) if (value >= skipped) value += 1;
  return value;
}

/** The weighted sum modulo 11 of the ten characters before the check digit (weights 2^0 … 2^9). */
function remainderOf(first10: string): number {
  let sum = 0;
  for (let i = 0; i < 10; i++) {
    const c = first10[i];
    sum += (c >= '0' && c <= '9' ? Number(c) : letterValue(c)) * 2 ** i;
  }
  return sum % 11;
}

/** The check digit of owner code, category identifier and serial number; a remainder of 10 is written 0. */
export function containerCheckDigit(first10: string): string {
  return String(remainderOf(first10) % 10);
}

/** Upper-case, without spaces, dashes and the frame often drawn around the check digit. */
export function normaliseContainer(raw: string): string {
  return readInput(raw).text.replace(SPACES_AND_DASHES, '').replace(/[[\]().]/g, '');
}

/** ISO 6346: owner code (3 letters), category identifier (U, J, Z), 6-digit serial number, check digit. */
export function validateContainer(raw: string): IdentifierResult<ContainerFields> {
  const input = readInput(raw);
  const normalised = input.errors.length ? '' : normaliseContainer(raw);
  const base = { kind: 'container' as const, normalised, folded: foldKey(normalised) };
  const errors: IdentifierIssue[] = [...input.errors];
  if (!errors.length) errors.push(...shapeErrors(normalised));
  if (errors.length) return { ...base, valid: false, warnings: input.warnings, errors };

  const warnings = [...input.warnings];
  const first10 = normalised.slice(0, 10);
  const check = checkDigit(normalised[10], containerCheckDigit(first10));
  if (!check.holds) errors.push({ field: 'checkDigit', message: `position 11: check digit is ${check.value}, expected ${check.expected}` });
  // ISO 6346 advises against serial numbers whose remainder is 10: their check digit 0 is shared with remainder 0.
  if (remainderOf(first10) === 10) warnings.push('the check digit is 0 from a remainder of 10, which ISO 6346 advises owners not to assign');
  const categoryIdentifier = normalised[3] as ContainerFields['categoryIdentifier'];
  const fields: ContainerFields = {
    ownerCode: normalised.slice(0, 3),
    categoryIdentifier,
    category: CATEGORIES[categoryIdentifier],
    serialNumber: normalised.slice(4, 10),
    checkDigit: check,
  };
  return { ...base, valid: errors.length === 0, fields, warnings, errors };
}

function shapeErrors(value: string): IdentifierIssue[] {
  const errors: IdentifierIssue[] = [];
  const at = (i: number) => `position ${i + 1}: '${value[i]}'`;
  for (let i = 0; i < Math.min(value.length, 11); i++) {
    const c = value[i];
    if (i < 3 && !/^[A-Z]$/.test(c)) errors.push({ field: 'ownerCode', message: `${at(i)} is not a letter; the owner code is three letters` });
    if (i === 3 && !(c in CATEGORIES))
      errors.push({ field: 'categoryIdentifier', message: `${at(i)} is not a category identifier (U freight container, J detachable equipment, Z trailer or chassis)` });
    if (i >= 4 && i < 10 && !/^[0-9]$/.test(c)) errors.push({ field: 'serialNumber', message: `${at(i)} is not a digit; the serial number is six digits` });
    if (i === 10 && !/^[0-9]$/.test(c)) errors.push({ field: 'checkDigit', message: `${at(i)} is not a digit` });
  }
  if (value.length === 10 && !errors.length)
    errors.push({ field: 'checkDigit', message: `the check digit is missing (it would be ${containerCheckDigit(value)})` });
  else if (value.length !== 11) errors.push({ field: 'value', message: `has ${value.length} characters; a container number (ISO 6346) has 11` });
  return errors.slice(0, 5);
}
