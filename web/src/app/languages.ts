/** The languages the interface speaks. Names are endonyms: each language is named in itself. */
export interface Language {
  code: string;
  nativeName: string;
  dir: 'ltr' | 'rtl';
}

export const LANGUAGES: readonly Language[] = [
  { code: 'en', nativeName: 'English', dir: 'ltr' },
  { code: 'fr', nativeName: 'Français', dir: 'ltr' },
  { code: 'es', nativeName: 'Español', dir: 'ltr' },
  { code: 'pt', nativeName: 'Português', dir: 'ltr' },
  { code: 'ru', nativeName: 'Русский', dir: 'ltr' },
  { code: 'fa-AF', nativeName: 'دری', dir: 'rtl' },
  { code: 'ur', nativeName: 'اردو', dir: 'rtl' },
];

export const DEFAULT_LANGUAGE = 'en';

/** The supported language closest to a tag such as `fr-CA`, `fa` or `pt-BR`, or undefined. */
export function matchLanguage(tag: string | null | undefined): string | undefined {
  if (!tag) return undefined;
  const lower = tag.toLowerCase();
  const exact = LANGUAGES.find((l) => l.code.toLowerCase() === lower);
  if (exact) return exact.code;
  const base = lower.split('-')[0];
  if (base === 'fa' || base === 'prs') return 'fa-AF';
  return LANGUAGES.find((l) => l.code.toLowerCase() === base)?.code;
}

export function directionOf(code: string): 'ltr' | 'rtl' {
  return LANGUAGES.find((l) => l.code === code)?.dir ?? 'ltr';
}
