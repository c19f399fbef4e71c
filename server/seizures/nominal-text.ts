/**
 * Free text that looks like personal data. The hub holds non-nominal records only (DESIGN.md), so a
 * narrative that names an e-mail address, a phone number, an MRZ line or a passport-like number is
 * flagged before it is saved; the user removes it or confirms that it is not personal data.
 */
export interface NominalWarning {
  field: string;
  kind: 'email' | 'phone' | 'mrz' | 'document_number';
  excerpt: string;
}

const PATTERNS: { kind: NominalWarning['kind']; re: RegExp }[] = [
  { kind: 'email', re: /[\w.+-]+@[\w-]+(\.[\w-]+)+/g },
  // A machine-readable zone line: 30+ characters of capitals, digits and fillers with a double filler.
  { kind: 'mrz', re: /[A-Z0-9<]{12,}<<[A-Z0-9<]{12,}/g },
  // Eight or more digits written as a phone number: +33 1 23 45 67 89, (212) 555-0101, 0612345678.
  { kind: 'phone', re: /(?:\+\d{1,3}[\s.-]?)?(?:\(\d{1,4}\)[\s.-]?)?\d{2,4}(?:[\s.-]\d{2,4}){2,5}|\+\d{8,15}|\b0\d{9,10}\b/g },
  // One or two letters then six to eight digits, the shape of most passport numbers (AB1234567, X12345678).
  { kind: 'document_number', re: /\b[A-Z]{1,2}\d{6,8}\b/g },
];

/** Dates, HS codes and plain quantities are not phone numbers. */
const looksLikeDate = (s: string) => /^\d{4}[-./]\d{1,2}[-./]\d{1,2}$|^\d{1,2}[-./]\d{1,2}[-./]\d{2,4}$/.test(s.trim());
const digitCount = (s: string) => s.replace(/\D/g, '').length;

export function findNominalText(field: string, text: string | null | undefined): NominalWarning[] {
  if (!text) return [];
  const out: NominalWarning[] = [];
  for (const { kind, re } of PATTERNS) {
    for (const m of text.matchAll(re)) {
      const hit = m[0];
      if (kind === 'phone' && (looksLikeDate(hit) || digitCount(hit) < 8)) continue;
      if (out.some((w) => w.excerpt.includes(hit) || hit.includes(w.excerpt))) continue;
      out.push({ field, kind, excerpt: hit.length > 40 ? `${hit.slice(0, 40)}…` : hit });
    }
  }
  return out;
}
