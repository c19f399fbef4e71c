import { normaliseName, skeleton, type NameKind } from './normalise.ts';
import { GENERIC_COMPANY_WORDS } from './vocabulary.ts';

/**
 * The clear keys a blind index stores for a name (the caller keys them with an HMAC): each normalised
 * token ("t:"), its consonant skeleton ("p:"), and the skeleton of each pair of adjacent tokens glued
 * ("p:" too, so that "abd rahman" and "abdrahman" meet). Two names that should match share at least one
 * key; single letters, the connector "bin" and generic company words are not keys (they would select
 * too many rows). Sorted, without duplicates.
 */
export function nameKeys(kind: NameKind, name: string): string[] {
  const { tokens } = normaliseName(kind, name);
  const keys = new Set<string>();
  const useful = (t: string) => t.length > 1 && t !== 'bin' && !((kind === 'company' || kind === 'organization') && GENERIC_COMPANY_WORDS.has(t) && tokens.length > 1);
  for (const t of tokens) {
    if (!useful(t)) continue;
    keys.add(`t:${t}`);
    const sk = skeleton(t);
    if (sk.length >= 2) keys.add(`p:${sk}`);
  }
  for (let i = 0; i + 1 < tokens.length; i++) {
    const glued = tokens[i]! + tokens[i + 1]!;
    if (glued.length >= 5) keys.add(`p:${skeleton(glued)}`);
  }
  if (!keys.size && tokens.length) keys.add(`t:${tokens.join(' ')}`);
  return [...keys].sort();
}
