import { describe, expect, it } from 'vitest';
import { foldKey } from './ocr-fold.ts';

describe('foldKey', () => {
  it('folds O/0, I/1, B/8, S/5 and Z/2 to the digit', () => {
    expect(foldKey('OIBSZ')).toBe('01852');
    expect(foldKey('01852')).toBe('01852');
    expect(foldKey('oibsz')).toBe('01852');
  });

  it('leaves other characters, including MRZ fillers and line breaks, as they are', () => {
    expect(foldKey('ACDEFGHJKLMNPQRTUVWXY345679<\n')).toBe('ACDEFGHJKLMNPQRTUVWXY345679<\n');
  });

  it('is idempotent and keeps the length', () => {
    for (const key of ['CSQU3054383', 'L898902C3', 'S0B1Z', '']) {
      expect(foldKey(foldKey(key))).toBe(foldKey(key));
      expect(foldKey(key)).toHaveLength(key.length);
    }
  });

  it('makes the confused spellings of one number meet', () => {
    expect(foldKey('AB5O1I')).toBe(foldKey('A85011'));
    expect(foldKey('CSQU3O5438S')).toBe(foldKey('C5QU3054385'));
  });
});
