import type { IdentifierIssue, IdentifierResult } from './identifier-result.ts';
import { foldKey } from './ocr-fold.ts';
import { readInput } from './read-input.ts';

export interface FirearmSerialFields {
  /** The key that NCIC matches on: the serial without letters embedded between digits (see below). */
  ncicMatchKey: string;
}

/** The NCIC Gun File's SER field holds at most 20 characters. */
const MAX_SERIAL_LENGTH = 20;

/**
 * NCIC practice for serial numbers (NCIC Operating Manual, Gun File, as restated in state manuals such as
 * Wisconsin's TIME System and Washington's ACCESS/WACIC): spaces, hyphens and symbols are left out; the
 * letter O is entered as the digit zero (NCIC converts it), since stamped serials make the two
 * indistinguishable. Letters are otherwise kept.
 */
export function normaliseFirearmSerial(raw: string): string {
  return readInput(raw)
    .text.replace(/[^\p{L}\p{N}]/gu, '')
    .replace(/O/g, '0');
}

/**
 * Letters standing between digits ("embedded alphas") do not count when NCIC matches serial numbers,
 * because agencies once entered records with them deleted: an inquiry on 369J257 retrieves 369257,
 * 369M257 and 369J257. Letters before the first digit or after the last one (prefix and suffix) do count.
 * Stored and searched under this key, "369J257" and "369257" meet as NCIC's would.
 */
export function firearmSerialMatchKey(normalised: string): string {
  return normalised.replace(/(?<=[0-9])[A-Z]+(?=[0-9])/g, '');
}

export function validateFirearmSerial(raw: string): IdentifierResult<FirearmSerialFields> {
  const input = readInput(raw);
  const normalised = input.errors.length ? '' : normaliseFirearmSerial(raw);
  const base = { kind: 'firearm_serial' as const, normalised, folded: foldKey(normalised) };
  const errors: IdentifierIssue[] = [...input.errors];
  const warnings = [...input.warnings];
  if (!errors.length) {
    const foreign = [...normalised].find((c) => !/^[A-Z0-9]$/.test(c));
    if (foreign) errors.push({ field: 'value', message: `'${foreign}' is not allowed; a serial number is written with the letters A-Z and digits` });
    else if (!normalised) errors.push({ field: 'value', message: 'has no letters or digits' });
    else if (normalised.length > MAX_SERIAL_LENGTH)
      errors.push({ field: 'value', message: `has ${normalised.length} letters and digits; a serial number has at most ${MAX_SERIAL_LENGTH} (NCIC SER field)` });
    // NCIC refuses a lone zero, a run of zeros, a lone letter and a run of letters: they say the serial is not known.
    else if (/^0+$/.test(normalised)) errors.push({ field: 'value', message: 'is only zeros, which says the serial number is not known' });
    else if (/^[A-Z]+$/.test(normalised)) errors.push({ field: 'value', message: 'is only letters, which says the serial number is not known' });
  }
  if (!errors.length && input.text.includes('O')) warnings.push('the letter O was read as the digit 0');
  if (errors.length) return { ...base, valid: false, warnings, errors };
  return { ...base, valid: true, fields: { ncicMatchKey: firearmSerialMatchKey(normalised) }, warnings, errors };
}
