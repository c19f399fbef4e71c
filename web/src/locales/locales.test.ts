import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

const LOCALES = ['en', 'fr', 'es', 'pt', 'ru', 'fa-AF', 'ur'] as const;

/**
 * Keys whose text may rightly be the same as in English: the product's name and
 * an acronym or word that the languages share. Keep this list short.
 */
const SAME_AS_ENGLISH_ALLOWED = new Set(['app.name', 'orgKinds.rilo', 'profile.fields.fax', 'reference.code', 'profile.fields.service']);

type Tree = { [key: string]: string | Tree };

function load(code: string): Tree {
  return JSON.parse(readFileSync(new URL(`./${code}.json`, import.meta.url), 'utf8')) as Tree;
}

function flatten(tree: Tree, prefix = ''): Map<string, string> {
  const out = new Map<string, string>();
  for (const [key, value] of Object.entries(tree)) {
    const path = prefix ? `${prefix}.${key}` : key;
    if (typeof value === 'string') out.set(path, value);
    else for (const [k, v] of flatten(value, path)) out.set(k, v);
  }
  return out;
}

function placeholders(text: string): string[] {
  return [...text.matchAll(/{{\s*(\w+)\s*}}/g)].map((m) => m[1]).sort();
}

const flat = Object.fromEntries(LOCALES.map((code) => [code, flatten(load(code))])) as Record<(typeof LOCALES)[number], Map<string, string>>;
const english = flat.en;

describe('locale files', () => {
  it('English has a reasonable set of keys', () => {
    expect(english.size).toBeGreaterThan(100);
  });

  for (const code of LOCALES) {
    it(`${code} has exactly the English key set`, () => {
      expect([...flat[code].keys()].sort()).toEqual([...english.keys()].sort());
    });

    it(`${code} has no empty value`, () => {
      const empty = [...flat[code]].filter(([, value]) => value.trim() === '').map(([key]) => key);
      expect(empty).toEqual([]);
    });

    it(`${code} keeps every {{placeholder}} of English`, () => {
      const wrong = [...english].filter(([key, value]) => placeholders(flat[code].get(key) ?? '').join() !== placeholders(value).join()).map(([key]) => key);
      expect(wrong).toEqual([]);
    });
  }

  for (const code of LOCALES.filter((c) => c !== 'en')) {
    it(`${code} is translated, not copied from English`, () => {
      const copied = [...english].filter(([key, value]) => flat[code].get(key) === value && !SAME_AS_ENGLISH_ALLOWED.has(key)).map(([key]) => key);
      expect(copied).toEqual([]);
    });
  }

  it('the allowlist of untranslated keys stays short', () => {
    expect(SAME_AS_ENGLISH_ALLOWED.size).toBeLessThanOrEqual(8);
  });

  it('Dari and Urdu are written in Arabic script', () => {
    for (const code of ['fa-AF', 'ur'] as const) {
      const latinOnly = [...flat[code]].filter(([key, value]) => !SAME_AS_ENGLISH_ALLOWED.has(key) && !/[\u0600-\u06FF]/.test(value)).map(([key]) => key);
      expect(latinOnly).toEqual([]);
    }
  });
});
