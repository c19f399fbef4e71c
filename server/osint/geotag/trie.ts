import { isCyrillic, isHan, isWordChar } from './text-fold.ts';

interface Node {
  next: Map<string, Node>;
  /** The entries ending here. */
  values?: number[];
  /** A Russian stem: it may be followed by up to two letters of a case ending (России, Китае). */
  stem?: boolean;
}

export interface TrieMatch {
  start: number;
  end: number;
  values: number[];
}

/** A character trie over folded names; `scan` gives the longest name at each word start, left to right, without overlaps. */
export class NameTrie {
  private root: Node = { next: new Map() };

  add(folded: string, value: number, stem = false) {
    let node = this.root;
    for (const c of folded) {
      let n = node.next.get(c);
      if (!n) node.next.set(c, (n = { next: new Map() }));
      node = n;
    }
    (node.values ??= []).push(value);
    if (stem) node.stem = true;
  }

  scan(folded: string): TrieMatch[] {
    const out: TrieMatch[] = [];
    let i = 0;
    while (i < folded.length) {
      const c = folded[i]!;
      if (!isWordChar(c) || (i > 0 && isWordChar(folded[i - 1]) && !isHan(c))) {
        i++;
        continue;
      }
      const m = this.longestAt(folded, i);
      if (m) {
        out.push(m);
        i = m.end;
      } else i++;
    }
    return out;
  }

  private longestAt(s: string, start: number): TrieMatch | null {
    let node: Node | undefined = this.root;
    let best: TrieMatch | null = null;
    for (let j = start; j < s.length && node; j++) {
      node = node.next.get(s[j]!);
      if (!node?.values) continue;
      const end = j + 1;
      if (isHan(s[j]) || !isWordChar(s[end])) best = { start, end, values: node.values };
      else if (node.stem) {
        let k = end;
        while (k < end + 2 && isCyrillic(s[k])) k++;
        if (!isWordChar(s[k])) best = { start, end: k, values: node.values };
      }
    }
    return best;
  }
}
