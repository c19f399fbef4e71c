import { describe, expect, it } from 'vitest';
import { forbiddenCharacters, MAX_INPUT_LENGTH, readInput } from './read-input.ts';

describe('readInput', () => {
  it('upper-cases ASCII letters and keeps separators for the kind to decide', () => {
    expect(readInput('ab-12 c')).toEqual({ text: 'AB-12 C', warnings: [], errors: [] });
  });

  it('refuses empty and blank values', () => {
    expect(readInput('').errors).toEqual([{ field: 'value', message: 'is empty' }]);
    expect(readInput(' \t\n').errors).toEqual([{ field: 'value', message: 'is empty' }]);
  });

  it(`refuses more than ${MAX_INPUT_LENGTH} characters`, () => {
    expect(readInput('A'.repeat(MAX_INPUT_LENGTH)).errors).toEqual([]);
    expect(readInput('A'.repeat(MAX_INPUT_LENGTH + 1)).errors).toEqual([{ field: 'value', message: `is ${MAX_INPUT_LENGTH + 1} characters long; at most ${MAX_INPUT_LENGTH} are read` }]);
  });

  it('reads full-width forms as ASCII, with a warning', () => {
    const r = readInput('\uFF21\uFF22\uFF11\uFF12');
    expect(r.text).toBe('AB12');
    expect(r.warnings).toEqual(['full-width or other compatibility characters were read as their plain forms']);
  });

  it('does not warn for a precomposed letter written decomposed (NFC, not a compatibility form)', () => {
    expect(readInput('E\u0301').warnings).toEqual([]);
  });

  it('reads Cyrillic and Greek look-alikes as Latin, naming each', () => {
    const r = readInput('\u0421\u0410\u0422 \u0391\u0392');
    expect(r.text).toBe('CAT AB');
    expect(r.warnings).toEqual([
      'Cyrillic or Greek letters that look Latin were read as Latin: \u0421 (U+0421) at position 1 as C, \u0410 (U+0410) at position 2 as A, \u0422 (U+0422) at position 3 as T, \u0391 (U+0391) at position 5 as A, \u0392 (U+0392) at position 6 as B',
    ]);
  });

  it('leaves letters without a Latin look-alike for the kind to refuse', () => {
    expect(readInput('\u0416\u00E9').text).toBe('\u0416\u00E9');
  });
});

describe('forbiddenCharacters', () => {
  it('locates each forbidden character, at most five', () => {
    expect(forbiddenCharacters('A#B', /^[A-Z]$/, 'letters only')).toEqual([{ field: 'value', message: "position 2: '#' is not allowed (letters only)" }]);
    expect(forbiddenCharacters('1234567', /^[A-Z]$/, 'letters only')).toHaveLength(5);
  });
});
