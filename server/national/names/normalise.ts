import { transliterate } from './transliterate.ts';
import { COMPANY_STOPWORDS, GIVEN_NAME_CANON, LEGAL_FORMS, PARTICLES, TITLES, VESSEL_PREFIXES } from './vocabulary.ts';

export type NameKind = 'person' | 'company' | 'organization' | 'vessel';
export const NAME_KINDS: readonly NameKind[] = ['person', 'company', 'organization', 'vessel'];

export interface NormalisedName {
  kind: NameKind;
  /** Tokens compared, in the order written, after every rule below. */
  tokens: string[];
  /** Canonical legal forms found and removed (companies and organisations). */
  legalForms: string[];
  /** Titles, honorifics and vessel prefixes removed. */
  removed: string[];
  /** Given-name tokens read as another spelling of the same name (Mohamed as Muhammad). */
  variants: number;
}

const ROMAN: Record<string, string> = { ii: '2', iii: '3', iv: '4', vi: '6', vii: '7', viii: '8', ix: '9', xi: '11', xii: '12' };
const LEGAL_BY_LENGTH = LEGAL_FORMS.map(([form, code]) => [form.split(' '), code] as const).sort((x, y) => y[0].length - x[0].length);

/** Lower-case Latin letters and digits only: transliteration, NFKD, diacritics stripped, punctuation to spaces. */
export function foldText(input: string): string {
  return transliterate(input.normalize('NFKC'))
    .replace(/ß/g, 'ss').replace(/æ/g, 'ae').replace(/ø/g, 'o').replace(/œ/g, 'oe').replace(/đ/g, 'd').replace(/ł/g, 'l').replace(/ı/g, 'i')
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/['’‘`ʼʻ]/g, '')
    .replace(/&/g, ' and ')
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
}

/** Arabic compound names: "abdul rahman", "abd al-rahman", "abdelrahman" all read "abd" + "rahman". */
function splitArabicCompounds(tokens: string[]): string[] {
  const out: string[] = [];
  for (const t of tokens) {
    const m = /^(abd|abdu|abdul|abdel|abdal|abdoul|abdur|abdel|abdol)(?=[a-z]{3,})(al|el|ul|ol|ar|ur|as|us|an|un|ad|ud)?(.*)$/.exec(t);
    if (t === 'abdul' || t === 'abdel' || t === 'abdal' || t === 'abdoul' || t === 'abdol' || t === 'abdu' || t === 'abdur') out.push('abd');
    else if (m && m[3]!.length >= 3) out.push('abd', m[3]!);
    else out.push(t);
  }
  return out;
}

function stripLegalForms(tokens: string[], legalForms: string[]): string[] {
  const out: string[] = [];
  for (let i = 0; i < tokens.length; ) {
    const hit = LEGAL_BY_LENGTH.find(([form]) => form.every((w, k) => tokens[i + k] === w));
    // A legal form is removed only when something else remains: "Limited" alone stays a name.
    if (hit && tokens.length > hit[0].length) {
      legalForms.push(hit[1]);
      i += hit[0].length;
    } else out.push(tokens[i++]!);
  }
  return out;
}

/**
 * The normalised form of a name: script converted to Latin, case and diacritics folded, punctuation
 * removed; for persons titles and particles dropped and given-name spellings read as one; for companies
 * and organisations legal forms and stop words removed; for vessels ship-type prefixes removed.
 */
export function normaliseName(kind: NameKind, name: string): NormalisedName {
  const removed: string[] = [];
  const legalForms: string[] = [];
  let variants = 0;
  let tokens = foldText(name).split(' ').filter(Boolean);
  // Roman numerals after the first word read as numbers ("Ocean Star II" = "Ocean Star 2").
  tokens = tokens.map((t, i) => (i > 0 && ROMAN[t] ? ROMAN[t] : t));
  if (kind === 'person') {
    tokens = tokens.filter((t) => {
      if (TITLES.has(t) && tokens.length > 2) return removed.push(t), false;
      return !(PARTICLES.has(t) && tokens.length > 1);
    });
    tokens = splitArabicCompounds(tokens).map((t) => {
      if (t === 'ibn' || t === 'ben' || t === 'bint') return 'bin';
      const canon = GIVEN_NAME_CANON.get(t);
      if (canon && canon !== t) variants++;
      return canon ?? t;
    });
  } else if (kind === 'vessel') {
    // "M/V" and "M.V." fold to two letters; they are the prefix "mv".
    if (tokens.length > 2 && tokens[0]!.length === 1 && tokens[1]!.length === 1 && VESSEL_PREFIXES.has(tokens[0]! + tokens[1]!)) tokens = [tokens[0]! + tokens[1]!, ...tokens.slice(2)];
    tokens = tokens.filter((t, i) => (i === 0 && VESSEL_PREFIXES.has(t) && tokens.length > 1 ? (removed.push(t), false) : true));
  } else {
    tokens = stripLegalForms(tokens, legalForms).filter((t) => !COMPANY_STOPWORDS.has(t) || tokens.length === 1);
  }
  return { kind, tokens, legalForms, removed, variants };
}

/**
 * Consonant skeleton of a token: a phonetic key for transliteration variants. Digraphs are read as one
 * sound, vowels and inner w/y dropped, doubled letters collapsed, a first vowel read as "a".
 * "mohammed", "muhammad" and "mhmd" share "mhmd"; "aleksandr" and "alexander" share "alksndr".
 */
export function skeleton(token: string): string {
  if (/\d/.test(token)) return token;
  let s = token
    .replace(/(.)\1+/g, '$1')
    .replace(/sch|shch|sh/g, 'S').replace(/tch|tsch|ch|tsh/g, 'C').replace(/zh|dzh|dj|j/g, 'J').replace(/kh/g, 'K')
    .replace(/ph/g, 'f').replace(/th/g, 't').replace(/dh/g, 'd').replace(/gh/g, 'g').replace(/ck|q|c/g, 'k').replace(/x/g, 'ks')
    .replace(/ts|tz/g, 'C');
  const first = s[0]!;
  const head = 'aeiouy'.includes(first) ? 'a' : first === 'w' ? 'v' : first;
  s = head + s.slice(1).replace(/[aeiouyw]/g, '');
  s = s.replace(/(.)\1+/g, '$1');
  return s.length > 3 && s.endsWith('h') ? s.slice(0, -1) : s;
}
