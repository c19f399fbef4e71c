/** The kinds of identifier OpenCEN knows the rules of; the watch lists key their records by these. */
export const IDENTIFIER_KINDS = ['mrz', 'vin', 'container', 'imo', 'firearm_serial', 'document_number'] as const;
export type IdentifierKind = (typeof IDENTIFIER_KINDS)[number];

/** A problem located in the value, e.g. { field: 'documentNumber', message: 'line 2, position 10: …' }. */
export interface IdentifierIssue {
  field: string;
  message: string;
}

/** A check digit as written and as computed from the characters it guards. */
export interface CheckDigit {
  value: string;
  expected: string;
  holds: boolean;
}

export const checkDigit = (value: string, expected: string): CheckDigit => ({ value, expected, holds: value === expected });

/**
 * What validating one identifier tells: `normalised` is the key a record is stored and matched under,
 * `folded` the same key with OCR confusions folded (see ocr-fold.ts), so that a search matches either way.
 * `valid` is false exactly when `errors` is not empty; warnings never make a value invalid.
 */
export interface IdentifierResult<F = unknown> {
  kind: IdentifierKind;
  valid: boolean;
  normalised: string;
  folded: string;
  fields?: F;
  warnings: string[];
  errors: IdentifierIssue[];
}
