import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { compareNames } from './compare.ts';
import { nameKeys } from './keys.ts';
import { NAME_KINDS, type NameKind } from './normalise.ts';

export interface LabelledPair {
  kind: NameKind;
  a: string;
  b: string;
  label: boolean;
  phenomenon: string;
}

/** Reads the labelled set (data/pairs.csv: kind,a,b,label,phenomenon; RFC 4180 quoting). */
export function loadPairs(): LabelledPair[] {
  const text = readFileSync(join(import.meta.dirname, 'data', 'pairs.csv'), 'utf8');
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else cell += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') {
      row.push(cell);
      cell = '';
    } else if (ch === '\n') {
      row.push(cell);
      rows.push(row);
      row = [];
      cell = '';
    } else cell += ch;
  }
  return rows.slice(1).map(([kind, a, b, label, phenomenon]) => {
    if (!NAME_KINDS.includes(kind as NameKind)) throw new Error(`Unknown kind ${kind} in pairs.csv`);
    return { kind: kind as NameKind, a: a!, b: b!, label: label === '1', phenomenon: phenomenon ?? '' };
  });
}

export interface Quality {
  pairs: number;
  precision: number;
  recall: number;
  f1: number;
  /** Share of true pairs whose names have at least one blind-index key in common. */
  keyRecall: number;
  errors: { pair: LabelledPair; score: number }[];
}

export function evaluate(pairs: LabelledPair[]): Quality {
  let tp = 0;
  let fp = 0;
  let fn = 0;
  let truePairs = 0;
  let sharing = 0;
  const errors: Quality['errors'] = [];
  for (const pair of pairs) {
    const { match, score } = compareNames(pair.kind, pair.a, pair.b);
    if (match && pair.label) tp++;
    else if (match) fp++;
    else if (pair.label) fn++;
    if (match !== pair.label) errors.push({ pair, score });
    if (pair.label) {
      truePairs++;
      const ka = new Set(nameKeys(pair.kind, pair.a));
      if (nameKeys(pair.kind, pair.b).some((k) => ka.has(k))) sharing++;
    }
  }
  const precision = tp + fp ? tp / (tp + fp) : 1;
  const recall = tp + fn ? tp / (tp + fn) : 1;
  const f1 = precision + recall ? (2 * precision * recall) / (precision + recall) : 0;
  return { pairs: pairs.length, precision, recall, f1, keyRecall: truePairs ? sharing / truePairs : 1, errors };
}

export function evaluateByKind(pairs: LabelledPair[]): Record<NameKind | 'all', Quality> {
  const out = { all: evaluate(pairs) } as Record<NameKind | 'all', Quality>;
  for (const kind of NAME_KINDS) out[kind] = evaluate(pairs.filter((p) => p.kind === kind));
  return out;
}
