import { francAll } from 'franc-min';

/** The languages IRIS tells apart (ISO 639-1). */
export const OSINT_LANGUAGES = ['en', 'fr', 'es', 'pt', 'ru', 'ar', 'fa', 'ur', 'zh'] as const;
export type OsintLanguage = (typeof OSINT_LANGUAGES)[number];

const TO_FRANC: Record<OsintLanguage, string> = { en: 'eng', fr: 'fra', es: 'spa', pt: 'por', ru: 'rus', ar: 'arb', fa: 'pes', ur: 'urd', zh: 'cmn' };
const FROM_FRANC = Object.fromEntries(Object.entries(TO_FRANC).map(([k, v]) => [v, k])) as Record<string, OsintLanguage>;
const LATIN: OsintLanguage[] = ['en', 'fr', 'es', 'pt'];

export interface LanguageOptions {
  /** Only these languages are considered (default: all of OSINT_LANGUAGES). */
  candidates?: readonly OsintLanguage[];
  /** The language the feed declares: it wins when the text leaves the choice close. */
  prior?: string;
}

export interface LanguageGuess {
  language: OsintLanguage | 'und';
  /** How far the winner is ahead of the runner-up (0 to 1); 1 when the script alone decides. */
  confidence: number;
}

/** Letters only Urdu uses, then those Persian (and Urdu) use but Arabic does not, then Arabic-only forms. */
const URDU = /[ٹڈڑےںھہۓ]/g;
const PERSIAN = /[پچژگکی]/g;
const ARABIC = /[ةىكيأإ]/g;
const count = (s: string, re: RegExp) => s.match(re)?.length ?? 0;

/**
 * The language of a text: the script first (Arabic script → Arabic, Persian or Urdu by their letters; Cyrillic →
 * Russian; Han → Chinese), then character trigrams (franc) among the Latin-script candidates, the prior settling
 * near ties. Texts too short to tell take the prior, or "und".
 */
export function identifyLanguage(text: string, options: LanguageOptions = {}): LanguageGuess {
  const candidates = options.candidates?.length ? options.candidates : OSINT_LANGUAGES;
  const prior = candidates.find((c) => c === options.prior?.slice(0, 2).toLowerCase());
  const letters = text.replace(/[^\p{L}]/gu, '');
  if (letters.length < 3) return { language: prior ?? 'und', confidence: 0 };
  const byScript = fromScript(text, letters.length, candidates, prior);
  if (byScript) return byScript;
  const latin = candidates.filter((c) => LATIN.includes(c));
  if (!latin.length) return { language: prior ?? 'und', confidence: 0 };
  if (latin.length === 1) return { language: latin[0]!, confidence: 1 };
  const ranked = francAll(text, { only: latin.map((c) => TO_FRANC[c]), minLength: 3 }).filter(([code]) => FROM_FRANC[code]);
  if (!ranked.length) return { language: prior ?? 'und', confidence: 0 };
  const [best, second] = ranked;
  const lead = best![1] - (second?.[1] ?? 0);
  // franc scores the best 1 and the others below it; a prior close to the best is taken (closer asked of longer texts).
  const priorScore = ranked.find(([code]) => FROM_FRANC[code] === prior)?.[1];
  if (prior && priorScore !== undefined && priorScore >= (letters.length < 40 ? 0.8 : 0.95)) return { language: prior, confidence: lead };
  const top = FROM_FRANC[best![0]]!;
  const runnerUp = second ? FROM_FRANC[second[0]] : undefined;
  // Trigrams hardly part Spanish from Portuguese; their own small words and letters do.
  if (lead < 0.05 && (top === 'es' || top === 'pt') && (runnerUp === 'es' || runnerUp === 'pt')) return { language: spanishOrPortuguese(text), confidence: lead };
  return { language: top, confidence: lead };
}

const PORTUGUESE_MARKS = /[ãõ]|ção|ções|\b(não|em|um|uma|do|da|dos|das|no|na|nos|nas|pelo|pela|foram|são|também|ao|aos)\b|lh|nh/gi;
const SPANISH_MARKS = /ñ|ción|\b(el|los|las|del|y|una|en|por|fueron|son|también|al|lo)\b|ll/gi;
function spanishOrPortuguese(text: string): 'es' | 'pt' {
  return count(text, PORTUGUESE_MARKS) > count(text, SPANISH_MARKS) ? 'pt' : 'es';
}

function fromScript(text: string, letters: number, candidates: readonly OsintLanguage[], prior: OsintLanguage | undefined): LanguageGuess | null {
  const arabicScript = count(text, /\p{Script=Arabic}/gu);
  const cyrillic = count(text, /\p{Script=Cyrillic}/gu);
  const han = count(text, /\p{Script=Han}/gu);
  const allowed = (l: OsintLanguage) => candidates.includes(l);
  if (han / letters > 0.3 && allowed('zh')) return { language: 'zh', confidence: 1 };
  if (cyrillic / letters > 0.5 && allowed('ru')) return { language: 'ru', confidence: 1 };
  if (arabicScript / letters <= 0.5) return null;
  const ur = count(text, URDU);
  const fa = count(text, PERSIAN);
  const ar = count(text, ARABIC);
  const inScript = (['ar', 'fa', 'ur'] as const).filter(allowed);
  if (!inScript.length) return null;
  let language: OsintLanguage;
  if (ur > 0 && allowed('ur')) language = 'ur';
  else if (fa > ar && allowed('fa')) language = 'fa';
  else if (ar > fa && allowed('ar')) language = 'ar';
  else language = prior && inScript.includes(prior as 'ar') ? prior : inScript[0]!;
  return { language, confidence: ur + fa + ar > 0 ? Math.abs(ur + fa - ar) / (ur + fa + ar) : 0 };
}
