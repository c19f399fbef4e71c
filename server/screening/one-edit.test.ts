import { describe, expect, it } from 'vitest';
import { editProbes, oneEdit } from './one-edit.ts';

describe('oneEdit', () => {
  it('names each kind of single edit, with 1-based positions', () => {
    expect(oneEdit('AB1234567', 'AB1234587')).toEqual({ op: 'substitution', position: 8, searched: '6', recorded: '8' });
    expect(oneEdit('AB1243567', 'AB1234567')).toEqual({ op: 'transposition', position: 5, searched: '43', recorded: '34' });
    expect(oneEdit('AB123567', 'AB1234567')).toEqual({ op: 'missing_character', position: 6, recorded: '4' });
    expect(oneEdit('AB12345678', 'AB1234567')).toEqual({ op: 'extra_character', position: 10, searched: '8' });
    expect(oneEdit('XAB1234567', 'AB1234567')).toEqual({ op: 'extra_character', position: 1, searched: 'X' });
  });

  it('answers null for equal keys and for two edits or more', () => {
    expect(oneEdit('AB1234567', 'AB1234567')).toBeNull();
    expect(oneEdit('AB1234567', 'AB1234599')).toBeNull();
    expect(oneEdit('AB1234567', 'BA1234576')).toBeNull();
    expect(oneEdit('AB12345', 'AB1234567')).toBeNull();
    expect(oneEdit('ABC', 'CBA')).toBeNull();
  });
});

describe('editProbes (pigeonhole)', () => {
  // Every one-edit neighbour of a key must share the prefix or the suffix probe of its own length.
  const alphabet = 'AB12';
  function neighbours(s: string): string[] {
    const out = new Set<string>();
    for (let i = 0; i <= s.length; i++) for (const c of alphabet) out.add(s.slice(0, i) + c + s.slice(i));
    for (let i = 0; i < s.length; i++) {
      out.add(s.slice(0, i) + s.slice(i + 1));
      for (const c of alphabet) out.add(s.slice(0, i) + c + s.slice(i + 1));
      if (i + 1 < s.length) out.add(s.slice(0, i) + s[i + 1] + s[i] + s.slice(i + 2));
    }
    out.delete(s);
    return [...out];
  }

  it('finds every neighbour of keys of length 1 to 12', () => {
    for (let len = 1; len <= 12; len++) {
      const key = Array.from({ length: len }, (_, i) => alphabet[(i * 7 + len) % alphabet.length]).join('');
      const probes = editProbes(key);
      for (const n of neighbours(key).filter((x) => x.length > 0)) {
        const h = Math.floor((n.length - 1) / 2);
        const p = probes.find((x) => x.length === n.length)!;
        const found = n.slice(0, h) === p.prefix || (h === 0 ? '' : n.slice(n.length - h)) === p.suffix;
        expect(found, `${key} → ${n}`).toBe(true);
      }
    }
  });
});
