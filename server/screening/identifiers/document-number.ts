import type { IdentifierIssue, IdentifierResult } from './identifier-result.ts';
import { mrzCheckDigit } from './mrz-check-digit.ts';
import { foldKey } from './ocr-fold.ts';
import { forbiddenCharacters, readInput, SPACES_AND_DASHES } from './read-input.ts';

export interface DocumentNumberFields {
  /** The check digit the number carries in an MRZ (Doc 9303 Part 3), to compare with a zone read separately. */
  mrzCheckDigit: string;
  /** False when the number is longer than the nine characters of the MRZ field (only TD1 and TD2 continue it). */
  fitsMrzField: boolean;
}

const MRZ_FIELD_LENGTH = 9;
/** A TD1 zone can continue a number into its 15 characters of optional data, less the check digit and a filler. */
const MAX_DOCUMENT_NUMBER_LENGTH = MRZ_FIELD_LENGTH + 13;

/** Upper-case without spaces, dashes and the MRZ filler '<'. */
export function normaliseDocumentNumber(raw: string): string {
  return readInput(raw).text.replace(SPACES_AND_DASHES, '').replace(/</g, '');
}

/** A travel document number as Doc 9303 writes it: letters A-Z and digits, nine in the MRZ field. */
export function validateDocumentNumber(raw: string): IdentifierResult<DocumentNumberFields> {
  const input = readInput(raw);
  const normalised = input.errors.length ? '' : normaliseDocumentNumber(raw);
  const base = { kind: 'document_number' as const, normalised, folded: foldKey(normalised) };
  const errors: IdentifierIssue[] = [...input.errors];
  const warnings = [...input.warnings];
  if (!errors.length) {
    errors.push(...forbiddenCharacters(normalised, /^[A-Z0-9]$/, 'a travel document number has only A-Z and 0-9'));
    if (!normalised) errors.push({ field: 'value', message: 'has no letters or digits' });
    else if (normalised.length > MAX_DOCUMENT_NUMBER_LENGTH)
      errors.push({ field: 'value', message: `has ${normalised.length} characters; a travel document number has at most ${MAX_DOCUMENT_NUMBER_LENGTH}` });
  }
  if (errors.length) return { ...base, valid: false, warnings, errors };
  const fitsMrzField = normalised.length <= MRZ_FIELD_LENGTH;
  if (!fitsMrzField) warnings.push(`is longer than the ${MRZ_FIELD_LENGTH} characters of the MRZ field; only identity cards (TD1, TD2) can carry it`);
  return { ...base, valid: true, fields: { mrzCheckDigit: mrzCheckDigit(normalised), fitsMrzField }, warnings, errors };
}
