import type { FieldError } from '../platform/http/problem.ts';
import { validateMrz } from './identifiers/mrz.ts';
import type { IdentifierIssue } from './identifiers/index.ts';
import { screeningProblem } from './problems.ts';
import type { MrzReading } from './search-view.ts';

/** An MRZ has fillers and is at least one TD1 line long; a document number or serial has neither. */
export function looksLikeMrz(value: string): boolean {
  return value.includes('<') && value.replace(/\s+/g, '').length >= 30;
}

/**
 * ICAO Doc 9303 part 3 codes that are not ISO 3166-1 alpha-3: Germany's D and the British nationality
 * classes; the rest are looked up as alpha-3 codes in the reference data.
 */
const ICAO_EXCEPTIONS: Record<string, string> = { D: 'DE', GBD: 'GB', GBN: 'GB', GBO: 'GB', GBP: 'GB', GBS: 'GB', RKS: 'XK' };

/**
 * Reads an MRZ for a search. A zone that cannot be split into lines of a known format is refused;
 * a zone whose check digits fail is still searched (a tampered or misread zone is itself worth a
 * look) and the failures come back with the reading.
 */
export async function readMrzForSearch(raw: string, countryOfAlpha3: (code: string) => Promise<string | null>): Promise<MrzReading> {
  const result = validateMrz(raw);
  const f = result.fields;
  if (!f || !f.documentNumber) {
    const errors: FieldError[] = result.errors.map((e) => ({ field: 'body.identifier', message: e.message }));
    throw screeningProblem(400, 'mrz-invalid', `This is not a machine-readable zone OpenCEN can read: ${result.errors.map((e) => e.message).join('; ')}`, errors.length ? errors : [{ field: 'body.identifier', message: 'is not a readable MRZ' }]);
  }
  const state = f.issuingState || null;
  const issuingCountry = state ? (ICAO_EXCEPTIONS[state] ?? (state.length === 3 ? await countryOfAlpha3(state) : null)) : null;
  return {
    format: f.format,
    valid: result.valid,
    documentType: f.documentType ?? null,
    documentNumber: f.documentNumber,
    issuingState: state,
    issuingCountry,
    expiryDate: f.expiryDate,
    checks: { documentNumber: f.documentNumberCheck.holds, expiryDate: f.expiryDateCheck.holds, composite: f.compositeCheck ? f.compositeCheck.holds : null },
    // Errors and warnings about the document's fields only: none quotes the holder's name or birth date.
    errors: holderErrors(result.errors),
    warnings: result.warnings.filter((w) => !/name|birth/i.test(w)),
  };
}

const PERSONAL_FIELDS = new Set(['name', 'birthDate', 'sex', 'nationality', 'optionalData', 'personalNumber']);

/** The document's errors as they are; the holder's data only said to be wrong, not quoted. */
function holderErrors(errors: IdentifierIssue[]): IdentifierIssue[] {
  const own = errors.filter((e) => !PERSONAL_FIELDS.has(e.field));
  if (own.length < errors.length) own.push({ field: 'holder', message: "a check on the holder's data (name, birth date, nationality or personal number) fails; not shown here" });
  return own;
}
