import type { IdentifierIssue } from './identifier-result.ts';

/**
 * Longer than any identifier OpenCEN reads (a TD1 MRZ is 90 characters plus line breaks); anything
 * longer is pasted by mistake and is refused before any other work.
 */
export const MAX_INPUT_LENGTH = 256;

/**
 * Cyrillic and Greek capitals (and the lower-case forms that look the same) that are drawn like Latin
 * letters. They arrive through copy and paste from documents typed on another keyboard; a Cyrillic "С" in
 * a container number would otherwise silently never match the Latin one.
 */
const LATIN_LOOKALIKES: Readonly<Record<string, string>> = {
  // Cyrillic capitals, then the lower-case letters drawn like Latin ones
  '\u0410': 'A', '\u0412': 'B', '\u0421': 'C', '\u0415': 'E', '\u041D': 'H', '\u0406': 'I', '\u0408': 'J', '\u041A': 'K', '\u041C': 'M', '\u041E': 'O', '\u0420': 'P', '\u0405': 'S', '\u0422': 'T', '\u0425': 'X', '\u0423': 'Y',
  '\u0430': 'A', '\u0441': 'C', '\u0435': 'E', '\u0456': 'I', '\u0458': 'J', '\u043E': 'O', '\u0440': 'P', '\u0455': 'S', '\u0445': 'X', '\u0443': 'Y',
  // Greek capitals and omicron
  '\u0391': 'A', '\u0392': 'B', '\u0395': 'E', '\u0396': 'Z', '\u0397': 'H', '\u0399': 'I', '\u039A': 'K', '\u039C': 'M', '\u039D': 'N', '\u039F': 'O', '\u03A1': 'P', '\u03A4': 'T', '\u03A5': 'Y', '\u03A7': 'X', '\u03BF': 'O',
};

export interface ReadInput {
  /** The value with compatibility forms and look-alikes replaced and ASCII letters upper-cased; separators are kept. */
  text: string;
  warnings: string[];
  errors: IdentifierIssue[];
}

const PLAIN_ASCII = /^[\x20-\x7E\t\n\r]*$/;

const codePoint = (c: string) => `U+${c.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`;

/** The first reading of any identifier: length guard, Unicode compatibility forms, look-alike letters, case. */
export function readInput(raw: string): ReadInput {
  const warnings: string[] = [];
  if (raw.length > MAX_INPUT_LENGTH) {
    return { text: '', warnings, errors: [{ field: 'value', message: `is ${raw.length} characters long; at most ${MAX_INPUT_LENGTH} are read` }] };
  }
  // Nearly every value is plain ASCII: skip the Unicode work for it (batch screening reads thousands a second).
  if (PLAIN_ASCII.test(raw)) {
    if (!raw.trim()) return { text: '', warnings, errors: [{ field: 'value', message: 'is empty' }] };
    return { text: raw.toUpperCase(), warnings, errors: [] };
  }
  // NFKC turns full-width "ＡＢＣ１２３" (East Asian input methods) into plain ASCII; NFC alone would not.
  const plain = raw.normalize('NFKC');
  if (plain !== raw.normalize('NFC')) warnings.push('full-width or other compatibility characters were read as their plain forms');

  const replaced: string[] = [];
  let text = '';
  let position = 0;
  for (const c of plain) {
    position += 1;
    const latin = LATIN_LOOKALIKES[c];
    if (latin) replaced.push(`${c} (${codePoint(c)}) at position ${position} as ${latin}`);
    text += latin ?? c;
  }
  if (replaced.length) warnings.push(`Cyrillic or Greek letters that look Latin were read as Latin: ${replaced.join(', ')}`);
  if (!text.trim()) return { text: '', warnings, errors: [{ field: 'value', message: 'is empty' }] };
  return { text: text.replace(/[a-z]/g, (c) => c.toUpperCase()), warnings, errors: [] };
}

/** Whitespace and every kind of dash (hyphen, non-breaking hyphen, en and em dash, minus sign). */
export const SPACES_AND_DASHES = /[\s\-\u2010-\u2015\u2212]/gu;

/**
 * One error per character that the standard forbids, located by its position in `text`; at most five,
 * since a value with more is not the identifier the caller thinks it is.
 */
export function forbiddenCharacters(text: string, allowed: RegExp, rule: string, field = 'value'): IdentifierIssue[] {
  const issues: IdentifierIssue[] = [];
  let position = 0;
  for (const c of text) {
    position += 1;
    if (!allowed.test(c)) issues.push({ field, message: `position ${position}: '${c}' is not allowed (${rule})` });
    if (issues.length === 5) break;
  }
  return issues;
}
