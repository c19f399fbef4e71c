import { checkDigit, type CheckDigit, type IdentifierIssue, type IdentifierResult } from './identifier-result.ts';
import { foldKey } from './ocr-fold.ts';
import { forbiddenCharacters, readInput, SPACES_AND_DASHES } from './read-input.ts';

/**
 * IMO numbers come in two schemes with the same look, "IMO" and seven digits: ships (Resolution A.600(15),
 * SOLAS XI-1/3) and companies and registered owners (Resolution MSC.160(78)). Only the check digit tells
 * them apart, and about one number in ten passes both.
 */
export interface ImoFields {
  number: string;
  type: 'ship' | 'company' | 'ship or company';
  shipCheck: CheckDigit;
  companyCheck: CheckDigit;
}

/** Ship numbers: the six digits weighted 7, 6, 5, 4, 3, 2; the check digit is the last digit of the sum. */
export function imoShipCheckDigit(six: string): string {
  let sum = 0;
  for (let i = 0; i < 6; i++) sum += Number(six[i]) * (7 - i);
  return String(sum % 10);
}

/** Company and registered-owner numbers: weights 8, 6, 4, 2, 9, 7; check digit (11 - sum mod 11) mod 10. */
export function imoCompanyCheckDigit(six: string): string {
  const weights = [8, 6, 4, 2, 9, 7];
  let sum = 0;
  for (let i = 0; i < 6; i++) sum += Number(six[i]) * weights[i];
  return String((11 - (sum % 11)) % 10);
}

/** The seven digits, without the "IMO" prefix (it carries no information), spaces and dashes. */
export function normaliseImo(raw: string): string {
  return readInput(raw).text.replace(SPACES_AND_DASHES, '').replace(/^IMO(NO\.?|:|\.)?/, '');
}

export function validateImo(raw: string): IdentifierResult<ImoFields> {
  const input = readInput(raw);
  const normalised = input.errors.length ? '' : normaliseImo(raw);
  const base = { kind: 'imo' as const, normalised, folded: foldKey(normalised), warnings: input.warnings };
  const errors: IdentifierIssue[] = [...input.errors];
  if (!errors.length) errors.push(...forbiddenCharacters(normalised, /^[0-9]$/, 'an IMO number is "IMO" and seven digits'));
  if (!input.errors.length && normalised.length !== 7)
    errors.push({ field: 'value', message: `has ${normalised.length} digits; an IMO number has 7` });
  if (!errors.length && /^0+$/.test(normalised)) errors.push({ field: 'value', message: 'is all zeros, which IMO never assigns' });
  if (errors.length) return { ...base, valid: false, errors };

  const six = normalised.slice(0, 6);
  const written = normalised[6];
  const shipCheck = checkDigit(written, imoShipCheckDigit(six));
  const companyCheck = checkDigit(written, imoCompanyCheckDigit(six));
  const warnings = [...input.warnings];
  if (shipCheck.holds && companyCheck.holds) warnings.push('passes both the ship and the company check: whether it names a ship or a company cannot be told from the number');
  if (!shipCheck.holds && !companyCheck.holds)
    errors.push({
      field: 'checkDigit',
      message: `position 7: check digit is ${written}; a ship number would end in ${shipCheck.expected}, a company number in ${companyCheck.expected}`,
    });
  const type = shipCheck.holds && companyCheck.holds ? 'ship or company' : companyCheck.holds ? 'company' : 'ship';
  return { ...base, valid: errors.length === 0, fields: { number: normalised, type, shipCheck, companyCheck }, warnings, errors };
}
