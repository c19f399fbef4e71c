/**
 * The form names are matched in: lower case, without diacritics. The loader stores it in
 * each table's `search` column and the service turns queries into it, so both sides always
 * agree (done here rather than with SQL unaccent(), which made the bulk load twice as slow).
 */
const SPECIAL: Record<string, string> = { ß: 'ss', æ: 'ae', œ: 'oe', ø: 'o', ł: 'l', đ: 'd', ð: 'd', þ: 'th', ı: 'i', ё: 'е', ʻ: "'", ʼ: "'", '’': "'" };

export function searchKey(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[ßæœøłđðþıёʻʼ’]/g, (c) => SPECIAL[c] ?? c)
    .replace(/\s+/g, ' ')
    .trim();
}
