import { checkDigit, type CheckDigit, type IdentifierIssue, type IdentifierResult } from './identifier-result.ts';
import { describeSpan, type MrzFormat, type MrzLayout, type MrzSpan } from './mrz-layout.ts';
import { readMrzLines, type MrzLines } from './mrz-lines.ts';
import { mrzCheckDigit } from './mrz-check-digit.ts';
import { foldKey } from './ocr-fold.ts';

/** What the zone says, with '<' fillers removed from the values. Line-1 fields are absent when only line 2 was given. */
export interface MrzFields {
  format: MrzFormat;
  documentType?: string;
  issuingState?: string;
  surname?: string;
  givenNames?: string;
  documentNumber: string;
  documentNumberCheck: CheckDigit;
  nationality: string;
  /** YYMMDD as written; the century is not in the zone. '<' stands for an unknown digit. */
  birthDate: string;
  birthDateCheck: CheckDigit;
  sex: 'F' | 'M' | 'unspecified';
  expiryDate: string;
  expiryDateCheck: CheckDigit;
  optionalData: string;
  optionalDataCheck?: CheckDigit;
  optionalData2?: string;
  compositeCheck?: CheckDigit;
}

class Zone {
  readonly errors: IdentifierIssue[] = [];
  readonly warnings: string[] = [];
  constructor(
    readonly layout: MrzLayout,
    private readonly lines: (string | undefined)[],
  ) {}

  has(s: MrzSpan): boolean {
    return this.lines[s.line - 1] !== undefined;
  }
  read(s: MrzSpan): string {
    return this.lines[s.line - 1]!.slice(s.start - 1, s.end);
  }
  error(field: string, s: MrzSpan, message: string): void {
    this.errors.push({ field, message: `${describeSpan(s)}: ${message}` });
  }

  /** Compares the digit at `at` with the one computed over `characters`; `label` names it in messages. */
  check(field: string, label: string, at: MrzSpan, characters: string, fillerAllowed = false): CheckDigit {
    const written = this.read(at);
    const expected = mrzCheckDigit(characters);
    // Part 4: when the optional data is all filler, its check digit may be filler too.
    if (fillerAllowed && written === '<') return checkDigit(written, '<');
    const result = checkDigit(written, expected);
    if (!/^[0-9]$/.test(written)) this.error(field, at, `${label} is '${written}', which is not a digit (expected ${expected})`);
    else if (!result.holds) this.error(field, at, `${label} is ${written}, expected ${expected}`);
    return result;
  }
}

const stripFillers = (s: string) => s.replace(/<+$/, '').replace(/</g, ' ').trim();

/** Validates an MRZ given as lines (any line breaks) or run together, or the second line of a TD3 or TD2 alone. */
export function validateMrz(raw: string): IdentifierResult<MrzFields> {
  const read = readMrzLines(raw);
  const base = { kind: 'mrz' as const, normalised: read.normalised, folded: foldKey(read.normalised) };
  if (!read.mrz) return { ...base, valid: false, warnings: read.warnings, errors: read.errors };
  const zone = new Zone(read.mrz.layout, read.mrz.lines);
  const fields = readFields(zone, read.mrz);
  const warnings = [...read.warnings, ...zone.warnings];
  return { ...base, valid: zone.errors.length === 0, fields, warnings, errors: zone.errors };
}

function readFields(zone: Zone, mrz: MrzLines): MrzFields {
  const l = mrz.layout;
  const { consumed, ...documentNumber } = readDocumentNumber(zone);
  const fields: MrzFields = {
    format: l.format,
    ...readLineOneFields(zone),
    ...documentNumber,
    nationality: readState(zone, 'nationality', 'nationality', l.nationality),
    birthDate: readDate(zone, 'birthDate', 'birth date', l.birthDate),
    birthDateCheck: zone.check('birthDate', 'check digit of the birth date', l.birthDateCheck, zone.read(l.birthDate)),
    sex: readSex(zone),
    expiryDate: readDate(zone, 'expiryDate', 'expiry date', l.expiryDate),
    expiryDateCheck: zone.check('expiryDate', 'check digit of the expiry date', l.expiryDateCheck, zone.read(l.expiryDate)),
    // The part of the optional data that a long document number used is not optional data.
    optionalData: stripFillers(zone.read(l.optionalData).slice(consumed)),
  };
  if (l.optionalDataCheck) {
    const optional = zone.read(l.optionalData);
    fields.optionalDataCheck = zone.check('optionalData', 'check digit of the optional data', l.optionalDataCheck, optional, /^<*$/.test(optional));
  }
  if (l.optionalData2) fields.optionalData2 = stripFillers(zone.read(l.optionalData2));
  // The composite digit guards line 1 of a TD1, so a lone line can be checked only for TD2 and TD3.
  if (l.composite && l.composite.over.every((s) => zone.has(s)))
    fields.compositeCheck = zone.check('composite', 'composite check digit', l.composite.at, l.composite.over.map((s) => zone.read(s)).join(''));
  return fields;
}

function readLineOneFields(zone: Zone): Pick<MrzFields, 'documentType' | 'issuingState' | 'surname' | 'givenNames'> {
  const l = zone.layout;
  if (!zone.has(l.documentCode)) return {};
  const code = zone.read(l.documentCode);
  if (!/^[A-Z][A-Z<]$/.test(code)) zone.error('documentType', l.documentCode, `document code '${code}' must be a letter followed by a letter or '<'`);
  // Parts 4-7: P for passports, A, C or I for identity cards, V for visas; other first letters are not in the standard.
  const expectedFirst = l.format === 'TD3' ? 'P' : l.format.startsWith('MRV') ? 'V' : 'ACI';
  if (!expectedFirst.includes(code[0])) zone.warnings.push(`document code '${code}' does not start with ${[...expectedFirst].join(', ')} as a ${l.format} document's should`);
  return { documentType: stripFillers(code), issuingState: readState(zone, 'issuingState', 'issuing state', l.issuingState), ...readName(zone) };
}

function readState(zone: Zone, field: string, what: string, at: MrzSpan): string {
  const code = zone.read(at);
  if (!/^[A-Z<]{3}$/.test(code)) zone.error(field, at, `${what} '${code}' must be letters (a three-letter code, '<'-filled)`);
  else if (code === '<<<') zone.warnings.push(`${what} is not given`);
  return code.replace(/</g, '');
}

function readName(zone: Zone): Pick<MrzFields, 'surname' | 'givenNames'> {
  const at = zone.layout.name;
  const name = zone.read(at);
  const digit = name.search(/[0-9]/);
  if (digit >= 0) zone.error('name', { ...at, start: at.start + digit, end: at.start + digit }, `a name has no digits ('${name[digit]}')`);
  if (!name.endsWith('<')) zone.warnings.push('the name fills its whole field and may have been truncated');
  // Part 3: the primary identifier (surname) ends at the first "<<"; the secondary identifier follows.
  const split = name.indexOf('<<');
  const surname = split < 0 ? name : name.slice(0, split);
  const given = split < 0 ? '' : name.slice(split + 2);
  return { surname: stripFillers(surname), givenNames: stripFillers(given) };
}

/** `consumed`: how many characters of the optional data the number's continuation took (with its filler). */
function readDocumentNumber(zone: Zone): Pick<MrzFields, 'documentNumber' | 'documentNumberCheck'> & { consumed: number } {
  const l = zone.layout;
  const number = zone.read(l.documentNumber);
  const written = zone.read(l.documentNumberCheck);
  if (written === '<' && l.documentNumberOverflow && zone.has(l.documentNumberOverflow)) {
    // Parts 5 and 6: a number longer than nine characters puts '<' in the check position and continues in
    // the optional data; its last character before the filler there is the check digit of the whole number.
    const overflowField = zone.read(l.documentNumberOverflow);
    const rest = overflowField.replace(/<.*$/, '');
    if (rest.length >= 2) {
      const full = number + rest.slice(0, -1);
      const at = { ...l.documentNumberOverflow, start: l.documentNumberOverflow.start + rest.length - 1 };
      at.end = at.start;
      return { documentNumber: full, documentNumberCheck: zone.check('documentNumber', 'check digit of the document number', at, full), consumed: rest.length + 1 };
    }
  }
  if (/^<+$/.test(number)) zone.error('documentNumber', l.documentNumber, 'the document number is empty');
  return {
    documentNumber: number.replace(/<+$/, ''),
    documentNumberCheck: zone.check('documentNumber', 'check digit of the document number', l.documentNumberCheck, number),
    consumed: 0,
  };
}

const isLeapYear = (y: number) => (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;

function readDate(zone: Zone, field: string, what: string, at: MrzSpan): string {
  const date = zone.read(at);
  if (!/^[0-9<]{6}$/.test(date)) {
    zone.error(field, at, `${what} '${date}' must be six digits, YYMMDD`);
    return date;
  }
  if (date.includes('<')) {
    // Part 3: an unknown part of a date is written with fillers.
    zone.warnings.push(`${what} is partly unknown (${date})`);
    return date;
  }
  const yy = Number(date.slice(0, 2));
  const month = Number(date.slice(2, 4));
  const day = Number(date.slice(4, 6));
  // The century is not written: 29 February is a date if it is one in either century the two digits can mean.
  const leap = isLeapYear(1900 + yy) || isLeapYear(2000 + yy);
  const days = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1];
  if (!days) zone.error(field, at, `${what} ${date} is not a date (month ${date.slice(2, 4)})`);
  else if (day < 1 || day > days) zone.error(field, at, `${what} ${date} is not a date (day ${date.slice(4, 6)})`);
  return date;
}

function readSex(zone: Zone): MrzFields['sex'] {
  const at = zone.layout.sex;
  const sex = zone.read(at);
  if (sex === 'F' || sex === 'M') return sex;
  if (sex === '<') return 'unspecified';
  if (sex === 'X') {
    // The visual zone writes X for unspecified; Part 3 writes '<' in the MRZ. Read it, but say so.
    zone.warnings.push(`${describeSpan(at)}: sex 'X' is written '<' in an MRZ`);
    return 'unspecified';
  }
  zone.error('sex', at, `sex '${sex}' must be F, M or '<'`);
  return 'unspecified';
}
