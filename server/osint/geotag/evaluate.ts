import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { SERVER_SOURCE } from '../../platform/paths.ts';
import { identifyLanguage } from '../language/identify.ts';
import { geotag } from './geotag.ts';

export interface LabelledItem {
  id: string;
  language: 'en' | 'fr';
  split: 'dev' | 'test';
  title: string;
  text: string;
  countries: string[];
  focus: string;
}

export interface Scores {
  items: number;
  precision: number;
  recall: number;
  f1: number;
  focusAccuracy: number;
  /** Share of items of 50 characters or more whose language is found (without a prior). */
  languageAccuracy: number;
  languageItems: number;
  errors: { id: string; expected: string[]; got: string[]; focus: string; gotFocus: string | null }[];
}

export function labelledItems(): LabelledItem[] {
  const file = join(SERVER_SOURCE, 'osint', 'geotag', 'fixtures', 'news-items.json');
  return (JSON.parse(readFileSync(file, 'utf8')) as { items: LabelledItem[] }).items;
}

/** Country-set micro precision, recall and F1, focus accuracy and language accuracy, language detected then geotagging. */
export function evaluate(items: LabelledItem[]): Scores {
  let tp = 0, fp = 0, fn = 0, focusOk = 0, langOk = 0, langItems = 0;
  const errors: Scores['errors'] = [];
  for (const item of items) {
    const whole = `${item.title}. ${item.text}`;
    const language = identifyLanguage(whole, { candidates: ['en', 'fr', 'es', 'pt', 'ru', 'ar', 'fa', 'ur', 'zh'] }).language;
    if (whole.length >= 50) {
      langItems++;
      if (language === item.language) langOk++;
    }
    const got = geotag({ title: item.title, text: item.text, language });
    const expected = new Set(item.countries);
    const found = new Set(got.countries);
    for (const c of found) {
      if (expected.has(c)) tp++;
      else fp++;
    }
    for (const c of expected) if (!found.has(c)) fn++;
    if (got.focus === item.focus) focusOk++;
    if (got.focus !== item.focus || [...found].some((c) => !expected.has(c)) || [...expected].some((c) => !found.has(c)))
      errors.push({ id: item.id, expected: item.countries, got: got.countries, focus: item.focus, gotFocus: got.focus });
  }
  const precision = tp / Math.max(1, tp + fp);
  const recall = tp / Math.max(1, tp + fn);
  return {
    items: items.length,
    precision,
    recall,
    f1: (2 * precision * recall) / Math.max(1e-9, precision + recall),
    focusAccuracy: focusOk / Math.max(1, items.length),
    languageAccuracy: langOk / Math.max(1, langItems),
    languageItems: langItems,
    errors,
  };
}
