import { normaliseName, skeleton, type NameKind } from './normalise.ts';
import { jaroWinkler, levenshtein } from './similarity.ts';
import { GENERIC_COMPANY_WORDS, GIVEN_NAME_CANON } from './vocabulary.ts';

const KNOWN_NAMES = new Set(GIVEN_NAME_CANON.values());

export interface NameComparison {
  /** 0..1, 1 for the same normalised name. */
  score: number;
  /** True when the score reaches the threshold of the kind and no blocking rule applies. */
  match: boolean;
  /** Why the names compare as they do: short codes, in a stable order. */
  reasons: string[];
}

/** Thresholds per kind, chosen on the labelled set (server/national/names/data). */
export const THRESHOLDS: Record<NameKind, number> = { person: 0.84, company: 0.86, organization: 0.86, vessel: 0.9 };

type Why = 'exact' | 'transliteration' | 'phonetic' | 'initial' | 'typo' | 'joined words';

interface TokenMatch {
  sim: number;
  why: Why;
}

function tokenSimilarity(kind: NameKind, a: string, b: string): TokenMatch {
  if (a === b) return { sim: 1, why: 'exact' };
  const digits = /\d/.test(a) || /\d/.test(b);
  if (digits) return { sim: 0, why: 'typo' };
  if (kind === 'person' && (a.length === 1 || b.length === 1)) {
    const [short, long] = a.length === 1 ? [a, b] : [b, a];
    // An initial matches the first letter, or any vowel-like letter a vowel-initial name (Е = E or Ye).
    const ok = long.startsWith(short) || ('aeiouy'.includes(short) && 'aeiouy'.includes(long[0]!));
    return { sim: ok ? 0.86 : 0, why: 'initial' };
  }
  // Two given names known as different names (Hassan and Hussein) are not variants of each other.
  if (kind === 'person' && KNOWN_NAMES.has(a) && KNOWN_NAMES.has(b)) {
    const jw = jaroWinkler(a, b);
    return { sim: jw * 0.6, why: 'typo' };
  }
  if (kind === 'person') {
    // The Arabic article joined to a name: "almansoori" against "mansouri".
    for (const [x, y] of [[a, b], [b, a]] as const) {
      if (/^(al|el)/.test(x) && x.length >= 6 && !/^(al|el)/.test(y)) {
        const m = tokenSimilarity(kind, x.slice(2), y);
        if (m.sim >= 0.85) return m;
      }
    }
    if (genderForm(a, b)) return { sim: 0.5, why: 'typo' };
  }
  const sa = skeleton(a);
  const sb = skeleton(b);
  const minLen = Math.min(a.length, b.length);
  if (sa === sb && ((sa.length >= 3 && minLen >= 4) || (sa.length === 2 && minLen >= 3 && a[0] === b[0]))) return { sim: 0.93, why: 'phonetic' };
  const jw = jaroWinkler(a, b);
  const edits = levenshtein(a, b);
  const len = Math.max(a.length, b.length);
  // A different first letter (Jamal, Kamal) is rarely a typo.
  if (edits === 1 && a[0] !== b[0]) return { sim: 0.6, why: 'typo' };
  // One edit in a word of five letters or more, two in one of nine or more: a typo.
  if ((edits === 1 && len >= 5) || (edits === 2 && len >= 9)) return { sim: Math.max(0.88, jw - 0.04), why: 'typo' };
  const skJw = sa.length >= 3 && sb.length >= 3 ? jaroWinkler(sa, sb) : 0;
  if (skJw >= 0.9 && sa[0] === sb[0] && levenshtein(sa, sb) <= 1 && Math.min(sa.length, sb.length) >= 3) return { sim: 0.87, why: 'phonetic' };
  return { sim: jw >= 0.8 ? jw * 0.75 : jw * 0.5, why: 'typo' };
}

/** Masculine and feminine forms of one name (Aleksandr, Aleksandra; Ivanov, Ivanova; Jean, Jeanne; Mario, Maria). */
function genderForm(a: string, b: string): boolean {
  const [s, l] = a.length <= b.length ? [a, b] : [b, a];
  if (s.length < 3) return false;
  if (l.startsWith(s) && ['a', 'e', 'ne', 'le', 'ic'].includes(l.slice(s.length))) return true;
  return s.length === l.length && s.slice(0, -1) === l.slice(0, -1) && 'aoe'.includes(s.at(-1)!) && 'aoe'.includes(l.at(-1)!);
}

function weight(kind: NameKind, token: string): number {
  if (kind === 'company' || kind === 'organization') return GENERIC_COMPANY_WORDS.has(token) ? 0.35 : 1;
  if (kind === 'person') return token === 'bin' ? 0.2 : token.length === 1 ? 0.6 : 1;
  return 1;
}

/** Merges adjacent tokens of `side` whose concatenation is a token of `other` ("abdul rahman" ~ "abdulrahman"). */
function joinSplitWords(side: string[], other: string[]): { tokens: string[]; joined: boolean } {
  const out: string[] = [];
  let joined = false;
  for (let i = 0; i < side.length; i++) {
    const next = side[i + 1];
    if (next !== undefined && side[i]!.length > 1 && next.length > 1 && !other.includes(side[i]!) && !other.includes(next)) {
      const glued = side[i]! + next;
      if (other.some((o) => o === glued || (o.length >= 6 && (skeleton(o) === skeleton(glued) || levenshtein(o, glued) <= 1)))) {
        out.push(glued);
        joined = true;
        i++;
        continue;
      }
    }
    out.push(side[i]!);
  }
  return { tokens: out, joined };
}

interface Alignment {
  score: number;
  reasons: Set<string>;
  blocked: boolean;
}

function align(kind: NameKind, ta: string[], tb: string[]): Alignment {
  const reasons = new Set<string>();
  const [short, long] = ta.length <= tb.length ? [ta, tb] : [tb, ta];
  const pairs: { i: number; j: number; m: TokenMatch }[] = [];
  for (let i = 0; i < short.length; i++) for (let j = 0; j < long.length; j++) pairs.push({ i, j, m: tokenSimilarity(kind, short[i]!, long[j]!) });
  pairs.sort((x, y) => y.m.sim - x.m.sim || Math.abs(x.i - x.j) - Math.abs(y.i - y.j));
  const usedS = new Set<number>();
  const usedL = new Set<number>();
  const chosen: typeof pairs = [];
  for (const p of pairs) {
    if (usedS.has(p.i) || usedL.has(p.j)) continue;
    usedS.add(p.i);
    usedL.add(p.j);
    chosen.push(p);
  }
  let matched = 0;
  let total = 0;
  let blocked = false;
  let initials = 0;
  for (const p of chosen) {
    const w = Math.max(weight(kind, short[p.i]!), weight(kind, long[p.j]!));
    total += w;
    matched += w * p.m.sim;
    if (p.m.sim >= 0.85 && p.m.why !== 'exact') reasons.add(p.m.why);
    if (p.m.why === 'initial' && p.m.sim > 0) initials++;
    // A number that differs (a vessel "II" against "III", a company "7" against "8") is a different name.
    if (/\d/.test(short[p.i]!) && /\d/.test(long[p.j]!) && p.m.sim < 1) blocked = true;
  }
  // Tokens of the longer name left unmatched: a middle name or a second surname weighs less than a core token.
  const unmatched = long.filter((_, j) => !usedL.has(j));
  const extra = unmatched.reduce((s, t) => s + weight(kind, t) * (kind === 'person' ? 0.3 : kind === 'vessel' ? 1 : 0.6), 0);
  if (unmatched.some((t) => /\d/.test(t))) blocked = true;
  if (unmatched.length) reasons.add(kind === 'person' ? 'missing name part' : 'missing word');
  let score = total ? matched / (total + extra) : 0;
  // Every core token must be matched: only initials against full names is weak evidence.
  if (initials && initials >= chosen.length - (chosen.length > 2 ? 1 : 0) && chosen.length > 1) score = Math.min(score, 0.8);
  if (chosen.length === 1 && long.length === 1 && kind === 'person' && short.length === 1) score = Math.min(score, 0.9);
  const ordered = chosen.filter((p) => p.m.sim >= 0.85).sort((x, y) => x.i - y.i);
  for (let k = 1; k < ordered.length; k++) if (ordered[k]!.j < ordered[k - 1]!.j) reasons.add('word order');
  return { score, reasons, blocked };
}

/**
 * Compares two names of one kind. The score is a weighted token-set alignment: each token of the shorter
 * name is paired with its best counterpart (exact, transliteration variant, consonant skeleton, initial,
 * typo), generic company words weigh less, unmatched tokens dilute the score; joined and split words are
 * merged first; differing numbers block a match.
 */
export function compareNames(kind: NameKind, a: string, b: string): NameComparison {
  const na = normaliseName(kind, a);
  const nb = normaliseName(kind, b);
  const reasons = new Set<string>();
  if (!na.tokens.length || !nb.tokens.length) return { score: 0, match: false, reasons: ['empty name'] };
  if (na.removed.length || nb.removed.length) reasons.add(kind === 'vessel' ? 'vessel prefix' : 'title');
  if (na.legalForms.length || nb.legalForms.length) {
    const fa = new Set(na.legalForms);
    const fb = new Set(nb.legalForms);
    const differ = fa.size && fb.size && ![...fa].some((f) => fb.has(f));
    reasons.add(differ ? 'different legal form' : 'legal form');
  }
  const ja = joinSplitWords(na.tokens, nb.tokens);
  const jb = joinSplitWords(nb.tokens, ja.tokens);
  if (ja.joined || jb.joined) reasons.add('joined words');
  const sameScript = (s: string) => /^[\p{Script=Latin}\p{N}\p{P}\p{Zs}\p{M}]*$/u.test(s);
  if (!sameScript(a) || !sameScript(b)) reasons.add('transliteration');
  const al = align(kind, ja.tokens, jb.tokens);
  for (const r of al.reasons) reasons.add(r);
  let score = al.score;
  if ((na.variants || nb.variants) && score >= 0.8) reasons.add('transliteration');
  if (reasons.has('different legal form')) score *= 0.97;
  // The whole name written as one string, compared as such, catches what tokenisation splits differently.
  const whole = jaroWinkler(ja.tokens.join(''), jb.tokens.join(''));
  if (ja.tokens.length !== jb.tokens.length && whole > score && whole >= 0.96 && ja.tokens.join('').length >= 8) {
    score = Math.max(score, whole - 0.03);
    reasons.add('joined words');
  }
  score = Math.round(Math.min(1, Math.max(0, score)) * 1000) / 1000;
  const match = !al.blocked && score >= THRESHOLDS[kind];
  if (al.blocked) reasons.add('different number');
  const order = ['exact', 'transliteration', 'phonetic', 'initial', 'typo', 'word order', 'joined words', 'title', 'vessel prefix', 'legal form', 'different legal form', 'missing name part', 'missing word', 'different number'];
  const list = [...reasons].sort((x, y) => order.indexOf(x) - order.indexOf(y));
  if (score === 1 && !list.length) list.push('exact');
  return { score, match, reasons: list };
}
