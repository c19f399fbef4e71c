/**
 * Folds text for matching without moving offsets: one UTF-16 unit in, one out, lower case, Latin diacritics
 * dropped (É → e, ç → c), curly apostrophes and dashes made plain, so "Côte d’Ivoire" matches "cote d'ivoire"
 * and a match's start and end are valid in the original text.
 */
const cache = new Map<string, string>();

function foldChar(c: string): string {
  let f = cache.get(c);
  if (f !== undefined) return f;
  f = c.toLowerCase();
  if (f.length !== 1) f = c;
  const base = f.normalize('NFD')[0] ?? f;
  if (base !== f && /[a-z]/.test(base)) f = base;
  if (f === '’' || f === 'ʼ' || f === '`') f = "'";
  if (f === '‐' || f === '‑' || f === '–') f = '-';
  if (f === 'ё') f = 'е';
  cache.set(c, f);
  return f;
}

export function fold(text: string): string {
  let out = '';
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    const code = c.charCodeAt(0);
    out += code < 0x41 || (code > 0x5a && code < 0x61) ? c : code <= 0x7a ? (code < 0x61 ? String.fromCharCode(code + 32) : c) : foldChar(c);
  }
  return out;
}

/** A letter or digit: names start and end at the edge of a word. */
export const isWordChar = (c: string | undefined) => c !== undefined && /[\p{L}\p{N}]/u.test(c);
/** Han characters: Chinese has no spaces, so no word edges are asked for. */
export const isHan = (c: string | undefined) => c !== undefined && /\p{Script=Han}/u.test(c);
export const isCyrillic = (c: string | undefined) => c !== undefined && /\p{Script=Cyrillic}/u.test(c);
