import type { OneEdit } from './search-view.ts';

/**
 * The single edit that turns a searched key into a recorded key, if there is exactly one:
 * a substituted character, a missing or extra character, or two adjacent characters swapped
 * (Damerau–Levenshtein distance 1, restricted to adjacent transpositions). PostgreSQL's
 * fuzzystrmatch counts a transposition as two edits, so the database prefilters with
 * levenshtein ≤ 2 and this decides, and says which edit it was, for the reply.
 * Positions are 1-based, as an officer counts characters on a document.
 */
export function oneEdit(searched: string, recorded: string): OneEdit | null {
  const a = searched;
  const b = recorded;
  if (a === b) return null;
  if (a.length === b.length) {
    let i = 0;
    while (a[i] === b[i]) i++;
    if (a.slice(i + 1) === b.slice(i + 1)) return { op: 'substitution', position: i + 1, searched: a[i], recorded: b[i] };
    if (i + 1 < a.length && a[i] === b[i + 1] && a[i + 1] === b[i] && a.slice(i + 2) === b.slice(i + 2))
      return { op: 'transposition', position: i + 1, searched: a.slice(i, i + 2), recorded: b.slice(i, i + 2) };
    return null;
  }
  if (Math.abs(a.length - b.length) !== 1) return null;
  const [longer, shorter] = a.length > b.length ? [a, b] : [b, a];
  let i = 0;
  while (i < shorter.length && longer[i] === shorter[i]) i++;
  if (longer.slice(i + 1) !== shorter.slice(i)) return null;
  return a.length > b.length ? { op: 'extra_character', position: i + 1, searched: a[i] } : { op: 'missing_character', position: i + 1, recorded: b[i] };
}

export function describeEdit(e: OneEdit): string {
  switch (e.op) {
    case 'substitution':
      return `character ${e.position}: searched ${e.searched}, recorded ${e.recorded}`;
    case 'transposition':
      return `characters ${e.position}–${e.position + 1} swapped: searched ${e.searched}, recorded ${e.recorded}`;
    case 'missing_character':
      return `character ${e.position} (${e.recorded}) missing from the search`;
    case 'extra_character':
      return `extra character ${e.position} (${e.searched}) in the search`;
  }
}

/**
 * The index probes that find every key one edit away from `key` (see the pigeonhole note in the
 * migration): for each candidate length L, the key's first and last h = (L - 1) / 2 characters.
 */
export function editProbes(key: string): { length: number; prefix: string; suffix: string }[] {
  const out: { length: number; prefix: string; suffix: string }[] = [];
  for (const L of [key.length - 1, key.length, key.length + 1]) {
    if (L < 1) continue;
    const h = Math.floor((L - 1) / 2);
    // For a shorter candidate (L = m - 1) the query is one longer: its h-prefix still lines up, and
    // its last h characters line up with the candidate's last h. Same for L = m + 1.
    out.push({ length: L, prefix: key.slice(0, h), suffix: h === 0 ? '' : key.slice(key.length - h) });
  }
  return out;
}
