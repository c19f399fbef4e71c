import { mrzCheckDigit } from './mrz-check-digit.ts';
import type { MrzFormat } from './mrz-layout.ts';

/** What a zone is written from: values in MRZ characters, without their check digits. */
export interface MrzContent {
  documentCode: string;
  issuingState: string;
  surname: string;
  givenNames: string;
  documentNumber: string;
  nationality: string;
  birthDate: string;
  sex: 'F' | 'M' | '<';
  expiryDate: string;
  optionalData?: string;
  optionalData2?: string;
}

const field = (value: string, length: number) => value.replace(/ /g, '<').padEnd(length, '<').slice(0, length);
const name = (c: MrzContent, length: number) => field(`${c.surname}<<${c.givenNames}`, length);

/**
 * Writes a zone with every check digit computed, the inverse of validateMrz: it makes specimens for tests
 * and realistic synthetic documents for the demo lists. A document number over nine characters is
 * continued in the optional data of TD1 and TD2 as Doc 9303 Parts 5 and 6 prescribe.
 */
export function composeMrz(format: MrzFormat, c: MrzContent): string[] {
  const cd = mrzCheckDigit;
  const state = field(c.issuingState, 3);
  const nationality = field(c.nationality, 3);
  const code = field(c.documentCode, 2);
  const long = c.documentNumber.length > 9;
  const number = field(c.documentNumber, 9);
  const numberCheck = long ? '<' : cd(number);
  const overflow = long ? `${c.documentNumber.slice(9)}${cd(c.documentNumber)}<` : '';
  const dates = `${c.birthDate}${cd(c.birthDate)}${c.sex}${c.expiryDate}${cd(c.expiryDate)}`;

  if (format === 'TD1') {
    const line1 = `${code}${state}${number}${numberCheck}${field(overflow + (c.optionalData ?? ''), 15)}`;
    const line2 = `${dates}${nationality}${field(c.optionalData2 ?? '', 11)}`;
    const composite = cd(line1.slice(5, 30) + line2.slice(0, 7) + line2.slice(8, 15) + line2.slice(18, 29));
    return [line1, line2 + composite, name(c, 30)];
  }
  if (format === 'TD2' || format === 'MRV-B') {
    const line1 = `${code}${state}${name(c, 31)}`;
    const head = `${number}${numberCheck}${nationality}${dates}`;
    if (format === 'MRV-B') return [line1, head + field(c.optionalData ?? '', 8)];
    const body = head + field(overflow + (c.optionalData ?? ''), 7);
    return [line1, body + cd(body.slice(0, 10) + body.slice(13, 20) + body.slice(21, 35))];
  }
  const line1 = `${code}${state}${name(c, 39)}`;
  const head = `${number}${numberCheck}${nationality}${dates}`;
  if (format === 'MRV-A') return [line1, head + field(c.optionalData ?? '', 16)];
  const optional = field(c.optionalData ?? '', 14);
  // Part 4: the check digit of empty optional data may be written as filler.
  const body = head + optional + (/^<+$/.test(optional) ? '<' : cd(optional));
  return [line1, body + cd(body.slice(0, 10) + body.slice(13, 20) + body.slice(21, 43))];
}
